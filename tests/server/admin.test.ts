import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/passwords';
import { openStore } from '../../src/server/store/store';
import { createTestSchema, type TestSchema } from './helpers/postgres';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the admin command the way `npm run admin` does, on the given store. */
async function admin(args: string[], env: Record<string, string>): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/server/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('admin command on SQLite', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'service-lane-admin-'));
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const created = await admin(['create-dealer', '--code', 'd01', '--name', '宝马某某4S店', '--labor-rate-fen', '36000'], env);
    expect(created).toMatchObject({ code: 0, stderr: '' });
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function dealerExists(code: string): Promise<boolean> {
    const store = await openStore({ dataDir });
    try {
      return (await store.getDealerByCode(code)) !== null;
    } finally {
      await store.close();
    }
  }

  it('create-dealer stores the dealer and its settings', async () => {
    const store = await openStore({ dataDir });
    try {
      const dealer = await store.getDealerByCode('D01');
      expect(dealer).toMatchObject({ code: 'D01', name: '宝马某某4S店' });
      const [settings] = await store.pullDocuments(dealer!.id, 'settings', 0, 10);
      expect(settings?.data).toMatchObject({ id: dealer!.id, dealerName: '宝马某某4S店', laborRateFen: 36_000 });
    } finally {
      await store.close();
    }
  });

  it('create-user stores a user who can log in', async () => {
    const result = await admin(['create-user', '--dealer', 'D01', '--username', 'li.wei', '--password', 'Secret-2024', '--role', 'advisor', '--display-name', '李伟'], env);
    expect(result.code).toBe(0);

    const store = await openStore({ dataDir });
    try {
      const dealer = await store.getDealerByCode('D01');
      const user = await store.getUserByUsername(dealer!.id, 'li.wei');
      expect(user).toMatchObject({ role: 'advisor', displayName: '李伟' });
      expect(await verifyPassword(user!.passwordHash, 'Secret-2024')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('import-price-book loads a CSV file', async () => {
    const result = await admin(['import-price-book', '--dealer', 'D01', '--file', 'seed/pricebook-bmw.csv'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported \d+ price-book items/);
  });

  // Concurrent: each case spawns a process, and no two cases touch the same dealer or user.
  it.concurrent.for([
    { name: 'duplicate dealer code', args: ['create-dealer', '--code', 'D01', '--name', 'again'], code: 1, message: 'already in use' },
    { name: 'unknown dealer', args: ['create-user', '--dealer', 'D99', '--username', 'a.b', '--password', 'Secret-2024', '--role', 'advisor'], code: 1, message: 'D99 not found' },
    { name: 'duplicate username', args: ['create-user', '--dealer', 'D01', '--username', 'dup.user', '--password', 'Secret-2024', '--role', 'advisor'], code: 1, message: 'already exists', repeat: true },
    { name: 'weak password', args: ['create-user', '--dealer', 'D01', '--username', 'wang', '--password', 'short', '--role', 'advisor'], code: 2, message: 'at least 8' },
    { name: 'password without digit', args: ['create-user', '--dealer', 'D01', '--username', 'wang', '--password', 'onlyletters', '--role', 'advisor'], code: 2, message: 'letter and one digit' },
    { name: 'missing password', args: ['create-user', '--dealer', 'D01', '--username', 'wang', '--role', 'advisor'], code: 2, message: 'Missing --password' },
    { name: 'bad role', args: ['create-user', '--dealer', 'D01', '--username', 'wang', '--password', 'Secret-2024', '--role', 'boss'], code: 2, message: 'Invalid role "boss"' },
    { name: 'bad dealer code', args: ['create-dealer', '--code', 'a b', '--name', 'x'], code: 2, message: 'Invalid dealer code' },
    { name: 'bad labor rate', args: ['create-dealer', '--code', 'D02', '--name', 'x', '--labor-rate-fen', '12.5'], code: 2, message: '--labor-rate-fen' },
    { name: 'empty labor rate', args: ['create-dealer', '--code', 'D06', '--name', 'x', '--labor-rate-fen', ''], code: 2, message: 'Invalid --labor-rate-fen ""', absentDealer: 'D06' },
    { name: 'blank labor rate', args: ['create-dealer', '--code', 'D07', '--name', 'x', '--labor-rate-fen', '  '], code: 2, message: 'Invalid --labor-rate-fen', absentDealer: 'D07' },
    { name: 'negative labor rate', args: ['create-dealer', '--code', 'D08', '--name', 'x', '--labor-rate-fen=-100'], code: 2, message: 'Invalid --labor-rate-fen "-100"', absentDealer: 'D08' },
    { name: 'hexadecimal labor rate', args: ['create-dealer', '--code', 'D09', '--name', 'x', '--labor-rate-fen', '0x10'], code: 2, message: 'Invalid --labor-rate-fen "0x10"', absentDealer: 'D09' },
    { name: 'exponent labor rate', args: ['create-dealer', '--code', 'D10', '--name', 'x', '--labor-rate-fen', '1e4'], code: 2, message: 'Invalid --labor-rate-fen "1e4"', absentDealer: 'D10' },
    { name: 'missing name', args: ['create-dealer', '--code', 'D03'], code: 2, message: 'Missing --name' },
    { name: 'unknown option', args: ['create-dealer', '--colour', 'red'], code: 2, message: "Unknown option '--colour'" },
    { name: 'unknown command', args: ['drop-everything'], code: 2, message: 'Unknown command' },
    { name: 'missing file', args: ['import-price-book', '--dealer', 'D01', '--file', '/nonexistent/book.csv'], code: 1, message: 'Cannot read price book file' },
  ])('$name exits with code $code', async ({ args, code, message, repeat, absentDealer }, { expect }) => {
    if (repeat) await admin(args, env);
    const result = await admin(args, env);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    if (absentDealer) expect(await dealerExists(absentDealer)).toBe(false);
  });

  it('repeated option is rejected and creates nothing', async () => {
    const result = await admin(['create-dealer', '--code', 'D04', '--name', 'x', '--code', 'D05'], env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--code is given more than once');
    expect(await dealerExists('D04')).toBe(false);
    expect(await dealerExists('D05')).toBe(false);
  });

  it('bad price book exits 1 and names the row', async () => {
    const file = path.join(dataDir, 'bad.csv');
    writeFileSync(file, 'code,name_zh,name_en,labor_hours,series,parts\nX1,机油,Oil,abc,,\n');
    const result = await admin(['import-price-book', '--dealer', 'D01', '--file', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2/i);
  });
});

describe('admin command on PostgreSQL', () => {
  let schema: TestSchema;

  beforeAll(async () => {
    schema = await createTestSchema();
  });

  afterAll(async () => {
    await schema?.drop();
  });

  it('create-dealer works on DATABASE_URL', async () => {
    const result = await admin(['create-dealer', '--code', 'PG1', '--name', '宝马PG店'], { DATABASE_URL: schema.databaseUrl });
    expect(result.code).toBe(0);

    const store = await openStore({ dataDir: tmpdir(), databaseUrl: schema.databaseUrl });
    try {
      expect(await store.getDealerByCode('PG1')).toMatchObject({ name: '宝马PG店' });
    } finally {
      await store.close();
    }
  });
});
