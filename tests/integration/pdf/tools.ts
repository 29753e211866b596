// Runs the real PDF tools (qpdf, pdftotext, pdffonts) on PDFs written to a temp folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tahseel-pdf-'));
let n = 0;

export function writePdf(bytes: Uint8Array, name = `doc-${++n}`): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** qpdf --check: exit 0 means no errors and no warnings. */
export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/**
 * pdftotext in its default reading-order mode, with the invisible bidi controls removed:
 * poppler wraps runs in LRE/RLE/PDF and our extraction marks (RLM/LRM) stay in the text.
 * Reading order (not -layout) because -layout pads columns with runs of spaces that depend
 * on justification; spaces are collapsed so assertions are about words and their order.
 */
export function pdfText(path: string, opts: { first?: number; last?: number; layout?: boolean } = {}): string {
  const args: string[] = [];
  if (opts.layout) args.push('-layout');
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  const raw = execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
  return normalize(raw);
}

export function normalize(text: string): string {
  return text
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n');
}

/** Embedded font names as pdffonts lists them. */
export function pdfFonts(path: string): string[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0] ?? '');
}

/** Word boxes from pdftotext -bbox, for checking where things sit on the page. */
export function wordBoxes(path: string, page: number): Array<{ word: string; xMin: number; yMin: number }> {
  const out = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  const boxes: Array<{ word: string; xMin: number; yMin: number }> = [];
  for (const m of out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    boxes.push({ word: normalize(m[3] ?? ''), xMin: Number(m[1]), yMin: Number(m[2]) });
  }
  return boxes;
}
