// i18n check: every key the renderer and the contract use exists in both locales, both locales have the same keys,
// and no JSX in the renderer shows untranslated text. `npx tsx scripts/check-i18n.ts`; exit 1 with the list otherwise.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ERROR_CODES } from '../electron/contract/result';
import { ROLES } from '../electron/contract/roles';

const root = resolve(import.meta.dirname, '..');
const LANGS = ['ar', 'en'] as const;
const problems: string[] = [];

function walk(dir: string, accept: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, accept));
    else if (accept(full)) out.push(full);
  }
  return out;
}

const rel = (file: string): string => relative(root, file);

// ---- Locales: merge each language's files, flatten to leaf keys.
function flatten(tree: unknown, prefix: string, into: Map<string, string>, file: string): void {
  if (typeof tree === 'string') {
    if (tree.trim() === '') problems.push(`${file}: "${prefix}" is empty`);
    into.set(prefix, tree);
    return;
  }
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    problems.push(`${file}: "${prefix}" must be a string or an object of strings`);
    return;
  }
  for (const [k, v] of Object.entries(tree)) flatten(v, prefix ? `${prefix}.${k}` : k, into, file);
}

const locales = new Map<string, Map<string, string>>();
for (const lang of LANGS) {
  const keys = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const file of walk(join(root, 'locales', lang), (f) => f.endsWith('.json'))) {
    const tree: unknown = JSON.parse(readFileSync(file, 'utf8'));
    for (const section of Object.keys(tree as object)) {
      const first = owner.get(section);
      if (first) problems.push(`${rel(file)}: section "${section}" is also in ${first} (files of a language must not overlap)`);
      owner.set(section, rel(file));
    }
    flatten(tree, '', keys, rel(file));
  }
  locales.set(lang, keys);
}

const ar = locales.get('ar') ?? new Map<string, string>();
const en = locales.get('en') ?? new Map<string, string>();
for (const key of ar.keys()) if (!en.has(key)) problems.push(`locales: "${key}" is in ar but not in en`);
for (const key of en.keys()) if (!ar.has(key)) problems.push(`locales: "${key}" is in en but not in ar`);

// Interpolations must match too: a {{name}} in one language and not the other is a bug in one of them.
const vars = (s: string): string => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');
for (const [key, text] of ar) {
  const other = en.get(key);
  if (other !== undefined && vars(text) !== vars(other)) problems.push(`locales: "${key}" interpolates {{${vars(text)}}} in ar but {{${vars(other)}}} in en`);
}

function requireKey(key: string, where: string): void {
  for (const lang of LANGS) {
    if (!locales.get(lang)?.has(key)) problems.push(`${where}: key "${key}" is missing from locales/${lang}`);
  }
}

// A key with ${…} parts: at least one key of the locales must fit the pattern.
function requirePattern(parts: string[], where: string): void {
  const re = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\w.]+')}$`);
  if (![...ar.keys()].some((k) => re.test(k))) problems.push(`${where}: no key fits \`${parts.join('${…}')}\``);
}

// ---- Keys the contract implies: error codes, roles, zod messages, password problems.
for (const code of ERROR_CODES) requireKey(`errors.${code}`, 'electron/contract/result.ts ERROR_CODES');
for (const role of ROLES) requireKey(`roles.${role}`, 'electron/contract/roles.ts ROLES');
for (const file of walk(join(root, 'electron', 'contract'), (f) => f.endsWith('.ts'))) {
  for (const m of readFileSync(file, 'utf8').matchAll(/['"](validation\.[a-z0-9_]+)['"]/g)) requireKey(m[1] ?? '', rel(file));
}
const passwordTs = readFileSync(join(root, 'electron', 'domain', 'password.ts'), 'utf8');
const problemUnion = /export type PasswordProblem\s*=([^;]+);/.exec(passwordTs)?.[1] ?? '';
const passwordProblems = [...problemUnion.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '');
if (passwordProblems.length === 0) problems.push('electron/domain/password.ts: PasswordProblem union not found');
for (const p of passwordProblems) requireKey(`validation.password_${p}`, 'electron/domain/password.ts PasswordProblem');

// ---- Renderer code: t('…'), i18nKey="…", key-like literals of the translation-only sections, JSX text.
// Sections whose names never collide with procedure or permission names ('users.list', 'office.read' …).
const KEY_LITERAL = /^(common|nav|shell|validation|errors|password|login|recover|lock|unreachable|home|preferences|security)\.[\w.]+$/;
const VISIBLE_ATTRS = new Set(['label', 'placeholder', 'title', 'alt', 'aria-label', 'description', 'message', 'tooltip']);
const HAS_LETTER = /\p{L}/u;

function isIgnored(node: ts.Node, source: ts.SourceFile): boolean {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const lines = source.text.split('\n');
  return [lines[line], lines[line - 1]].some((l) => l?.includes('i18n-ignore'));
}

function checkFile(file: string): void {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const at = (node: ts.Node): string => `${rel(file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isT = (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
      const arg = node.arguments[0];
      if (isT && arg) {
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) requireKey(arg.text, at(node));
        else if (ts.isTemplateExpression(arg)) {
          requirePattern([arg.head.text, ...arg.templateSpans.map((s) => s.literal.text)], at(node));
        }
        // t(variable): the keys it can hold are literals elsewhere in the code, checked below.
      }
    }
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(source);
      if (name === 'i18nKey') requireKey(node.initializer.text, at(node));
      else if (VISIBLE_ATTRS.has(name) && HAS_LETTER.test(node.initializer.text) && !isIgnored(node, source)) {
        problems.push(`${at(node)}: untranslated ${name}="${node.initializer.text}"`);
      }
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && KEY_LITERAL.test(node.text)) {
      requireKey(node.text, at(node));
    }
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text) && !isIgnored(node, source)) {
      problems.push(`${at(node)}: untranslated JSX text "${node.text.trim().slice(0, 60)}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

for (const file of walk(join(root, 'renderer'), (f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))) checkFile(file);

const unique = [...new Set(problems)];
if (unique.length > 0) {
  console.error(`i18n check failed (${unique.length}):`);
  for (const p of unique) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`i18n check passed: ${ar.size} keys in ar and en, renderer and contract keys all present, no untranslated JSX text.`);
