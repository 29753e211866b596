// The shipped default templates (resources/templates/<kind>.<lang>.md): what a kind uses until the office edits it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateKind, TemplateLang } from '../../domain/template';

let dirCache: string | null = null;
const bodies = new Map<string, string>();

/** TAHSEEL_TEMPLATES_DIR (set by the Electron shell when packaged), else resources/templates above this file or the cwd. */
export function resolveTemplatesDir(): string {
  if (dirCache) return dirCache;
  const candidates: string[] = [];
  const envDir = process.env['TAHSEEL_TEMPLATES_DIR'];
  if (envDir) candidates.push(resolve(envDir));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'resources', 'templates'));
    dir = dirname(dir);
  }
  candidates.push(join(process.cwd(), 'resources', 'templates'));
  const found = candidates.find((c) => existsSync(join(c, 'demand.ar.md')));
  if (!found) throw new Error(`Default letter templates not found; looked in: ${candidates.join(', ')}`);
  dirCache = found;
  return found;
}

export function defaultTemplate(kind: TemplateKind, lang: TemplateLang): string {
  const key = `${kind}.${lang}`;
  let body = bodies.get(key);
  if (body === undefined) {
    body = readFileSync(join(resolveTemplatesDir(), `${key}.md`), 'utf8').replace(/\r\n/g, '\n');
    bodies.set(key, body);
  }
  return body;
}
