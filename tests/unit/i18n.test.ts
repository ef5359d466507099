import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n/en';
import { zhCN } from '../../src/app/i18n/zh-CN';

const ROOT = join(import.meta.dirname, '..', '..');
const CATALOGS: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };
const PLACEHOLDER = /\{(\w+)\}/g;
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LETTER = /\p{L}/u;

// JSX attributes whose string value a person reads or hears.
const VISIBLE_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'aria-label', 'aria-description', 'label']);

function listFiles(folder: string, extension: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/**
 * Finds user-visible text written into a .tsx file: JSX text containing a letter, visible
 * attributes with a literal value containing a letter, and any string literal containing CJK.
 * Comments may use Chinese domain terms, so they are not searched.
 */
function findHardCodedText(file: string, text = readFileSync(file, 'utf8')): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ file: relative(ROOT, file), line: line + 1, text: text.trim() });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);

    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(source);
      if (VISIBLE_ATTRIBUTES.has(name) && LETTER.test(node.initializer.text)) report(node, `${name}="${node.initializer.text}"`);
    }

    const isStringLike = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node);
    if (isStringLike && CJK.test(node.text)) report(node, node.text);

    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

// The parsers behind the form fields; their error codes reach the forms through the zod schemas.
const FIELD_PARSER_FILES = ['vin.ts', 'plate.ts', 'phone.ts', 'money.ts'];

/** Collects the codes forms show as `validation.<code>`: every zod `message` in the domain and the field parsers' errors. */
function domainValidationCodes(): string[] {
  const codes = new Set<string>();
  for (const file of listFiles(join(ROOT, 'src', 'domain'), '.ts')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bmessage\s*:\s*'([a-z][a-z0-9_]*)'/g)) codes.add(match[1]!);
    if (!FIELD_PARSER_FILES.some((name) => file.endsWith(`/${name}`))) continue;
    for (const match of text.matchAll(/\berror\s*:\s*'([a-z][a-z0-9_]*)'/g)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe('message catalogs', () => {
  const zhKeys = Object.keys(zhCN).sort();

  it('have the same keys in zh-CN and English', () => {
    expect(Object.keys(en).sort()).toEqual(zhKeys);
  });

  it.each(Object.keys(CATALOGS))('have no empty message in %s', (locale) => {
    const empty = Object.entries(CATALOGS[locale]!).filter(([, text]) => text.trim() === '').map(([key]) => key);

    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = zhKeys
      .filter((key) => placeholders(zhCN[key as keyof typeof zhCN]).join() !== placeholders(en[key as keyof typeof en]).join())
      .map((key) => `${key}: zh-CN {${placeholders(zhCN[key as keyof typeof zhCN])}} en {${placeholders(en[key as keyof typeof en])}}`);

    expect(mismatched).toEqual([]);
  });

  it('translate every validation code the domain reports', () => {
    const missing = domainValidationCodes().filter((code) => !(`validation.${code}` in zhCN));

    expect(missing).toEqual([]);
  });
});

describe('screens', () => {
  const files = listFiles(join(ROOT, 'src', 'app'), '.tsx');

  it('exist to be scanned', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('contain no hard-coded visible text', () => {
    const findings = files.flatMap((file) => findHardCodedText(file)).map(({ file, line, text }) => `${file}:${line} ${text}`);

    expect(findings).toEqual([]);
  });

  it('scanner flags JSX text, visible attributes and Chinese literals', () => {
    const sample = [
      '// 接车单 in a comment is allowed',
      'export function Sample({ t }: { t: (key: string) => string }) {',
      '  const label = useState<string>(t("checkin.title"));',
      '  return (',
      '    <form title={t("checkin.title")}>',
      '      <button type="submit">Save draft</button>',
      '      <input placeholder="Plate" className="plate-input" />',
      '      <p>{"接车单"}</p>',
      '      <span title="检查">{label} · 44 / {t("x")}</span>',
      '    </form>',
      '  );',
      '}',
    ].join('\n');
    const texts = findHardCodedText(join(ROOT, 'sample.tsx'), sample).map((finding) => finding.text);

    expect(texts).toEqual(['Save draft', 'placeholder="Plate"', '接车单', 'title="检查"', '检查']);
  });
});
