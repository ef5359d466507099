import path from 'node:path';
import { parseArgs } from 'node:util';
import { AdminError, createDealer, createUser, DEFAULT_LABOR_RATE_FEN, importPriceBookFile } from './admin/adminCommands';
import { openStore, type Store } from './store/store';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-dealer --code D01 --name "宝马某某4S店" [--labor-rate-fen 38000]
      Creates a dealership. --labor-rate-fen is the labor rate in fen per hour
      (default ${DEFAULT_LABOR_RATE_FEN}, that is ¥${DEFAULT_LABOR_RATE_FEN / 100}).
  create-user --dealer D01 --username li.wei --password '…' --role advisor|foreman|service|admin [--display-name "李伟"]
      Creates a user. The password needs at least 8 characters with a letter and a digit.
  import-price-book --dealer D01 --file price-book.csv
      Replaces the dealer's labor-hour price book with the CSV file (UTF-8 or GB18030).

The command works on the server's store: the SQLite file in DATA_DIR (default ./data),
or PostgreSQL when DATABASE_URL is set.

Exit codes: 0 done, 1 refused (unknown dealer, duplicate, bad file), 2 invalid input.`;

const HELP_HINT = 'Run `npm run admin -- --help` for the commands and their options.';

const OPTIONS = {
  code: { type: 'string' },
  name: { type: 'string' },
  'labor-rate-fen': { type: 'string' },
  dealer: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  'display-name': { type: 'string' },
  file: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type ParsedArgs = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>>;
type Values = ParsedArgs['values'];

/** Returns the first option given more than once; parseArgs would silently keep the last value. */
function findRepeatedOption(tokens: ParsedArgs['tokens']): string | null {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) return token.name;
    seen.add(token.name);
  }
  return null;
}

function required(values: Values, name: 'code' | 'name' | 'dealer' | 'username' | 'role' | 'file'): string {
  const value = values[name];
  if (value === undefined || value.trim() === '') throw new AdminError(`Missing --${name}.`, true);
  return value;
}

async function run(command: string, values: Values, store: Store): Promise<string> {
  switch (command) {
    case 'create-dealer': {
      const dealer = await createDealer(store, { code: required(values, 'code'), name: required(values, 'name'), laborRateFen: values['labor-rate-fen'] });
      return `Created dealer ${dealer.code} (${dealer.name}), id ${dealer.id}.`;
    }
    case 'create-user': {
      const user = await createUser(store, {
        dealer: required(values, 'dealer'),
        username: required(values, 'username'),
        password: values.password,
        role: required(values, 'role'),
        displayName: values['display-name'],
      });
      return `Created ${user.role} ${user.username} (${user.displayName}).`;
    }
    case 'import-price-book': {
      const result = await importPriceBookFile(store, { dealer: required(values, 'dealer'), file: required(values, 'file') });
      return `Imported ${result.items} price-book items (${result.encoding}): ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged, ${result.removed} removed.`;
    }
    default:
      throw new AdminError(`Unknown command "${command}".`, true);
  }
}

/** Runs the admin command line and returns its exit code. */
async function main(argv: string[]): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n${HELP_HINT}\n`);
    return 2;
  }
  const { values, positionals, tokens } = parsed;
  const repeated = findRepeatedOption(tokens);
  if (repeated !== null) {
    process.stderr.write(`Error: option --${repeated} is given more than once: give each option once.\n${HELP_HINT}\n`);
    return 2;
  }

  const [command, ...extra] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (extra.length > 0) {
    process.stderr.write(`Error: unexpected arguments: ${extra.join(' ')}\n${HELP_HINT}\n`);
    return 2;
  }

  const store = await openStore({ dataDir: path.resolve(process.env.DATA_DIR ?? './data'), databaseUrl: process.env.DATABASE_URL || undefined });
  try {
    process.stdout.write(`${await run(command, values, store)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AdminError)) throw error;
    process.stderr.write(`Error: ${error.message}\n`);
    if (error.usage) process.stderr.write(`${HELP_HINT}\n`);
    return error.usage ? 2 : 1;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
