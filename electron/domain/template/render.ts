// Rendering a template with one letter's values into neutral blocks (title, heading, lines, spacing, rule, QR) that the PDF glue draws.
import { findField, readValue, type TemplateValues } from './fields';
import { isTruthy, typedValue, valueSpans, type RenderOptions, type Span } from './filters';
import { parseTemplate, type ParsedTemplate, type TemplateNode } from './parse';

export type LetterBlockKind = 'title' | 'heading' | 'line' | 'space' | 'rule' | 'qr';

export interface LetterBlock {
  kind: LetterBlockKind;
  /** Lines only: `>>` → end, `^^` → center; absent means the paragraph's natural start. */
  align?: 'start' | 'end' | 'center';
  /** Empty for space, rule and qr. */
  spans: Span[];
  /** qr only: the letter's verification code (letter.verifyCode), '' when there is none. */
  code?: string;
  /** qr only: the caption under the code, in the letter's language. */
  label?: string;
  /** space only: how many blank lines the template left (1 = paragraph spacing). */
  lines?: number;
}

/** Which fields the taken branches print, and which of those are empty (the batch check names them). */
export interface FieldUse {
  printed: string[];
  missing: string[];
}

type Item = { k: 'lit'; text: string } | { k: 'val'; spans: Span[] } | { k: 'mark' } | { k: 'nl' };

interface Run {
  readonly values: TemplateValues;
  readonly opts: RenderOptions;
  readonly items: Item[];
  readonly use: FieldUse;
}

function note(use: FieldUse, path: string, empty: boolean): void {
  if (!use.printed.includes(path)) use.printed.push(path);
  if (empty && !use.missing.includes(path)) use.missing.push(path);
}

function evaluate(nodes: readonly TemplateNode[], run: Run): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        run.items.push({ k: 'lit', text: node.text });
        break;
      case 'newline':
        run.items.push({ k: 'nl' });
        break;
      case 'invalid':
        run.items.push({ k: 'mark' });
        break;
      case 'field': {
        run.items.push({ k: 'mark' });
        const field = findField(node.path);
        if (!field || field.type === 'boolean') break;
        const raw = readValue(run.values, field.path);
        const spans = valueSpans(field.type, raw, node.filters, run.opts);
        const hasDefault = node.filters.some((f) => f.name === 'default' && f.arg);
        note(run.use, field.path, !hasDefault && (typedValue(field.type, raw) === null || spans.length === 0));
        run.items.push({ k: 'val', spans });
        break;
      }
      case 'block': {
        // An inline tag marks its line as not blank (so `{{#if x}}…{{/if}}` alone on a line, taken false,
        // drops the line); a tag on a line of its own leaves no line at all, so it marks nothing.
        if (!node.openAlone) run.items.push({ k: 'mark' });
        const field = findField(node.path);
        const truth = field ? isTruthy(field.type, readValue(run.values, field.path)) : false;
        evaluate(truth !== node.negate ? node.then : node.otherwise, run);
        if (!node.closeAlone) run.items.push({ k: 'mark' });
        break;
      }
    }
  }
}

const MARKER = /^(##|#|>>|\^\^)[ \t]+/;
const MARKER_BLOCK = { '#': 'title', '##': 'heading', '>>': 'line', '^^': 'line' } as const;
const MARKER_ALIGN = { '#': undefined, '##': undefined, '>>': 'end', '^^': 'center' } as const;

/** Spans of a line with `**` toggling bold in the template's text only; an odd last `**` stays literal. */
function lineSpans(items: readonly Item[]): Span[] {
  let toggles = 0;
  for (const it of items) if (it.k === 'lit') toggles += it.text.split('**').length - 1;
  toggles -= toggles % 2;
  let bold = false;
  const spans: Span[] = [];
  for (const it of items) {
    if (it.k === 'val') for (const s of it.spans) spans.push(bold ? { ...s, bold } : { ...s });
    if (it.k !== 'lit') continue;
    const parts = it.text.split('**');
    parts.forEach((part, i) => {
      if (i > 0) {
        if (toggles > 0) {
          bold = !bold;
          toggles--;
        } else part = `**${part}`;
      }
      if (part !== '') spans.push(bold ? { text: part, bold } : { text: part });
    });
  }
  return tidy(spans);
}

/** Collapses runs of spaces across spans, trims the line, drops empty spans and merges plain neighbours. */
function tidy(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let space = true; // at line start a space is dropped
  for (const s of spans) {
    let text = s.text.replace(/\s+/g, ' ');
    if (s.isolate) text = text.trim();
    if (space) text = text.replace(/^ /, '');
    if (text === '') continue;
    space = text.endsWith(' ');
    const prev = out[out.length - 1];
    if (prev && !prev.isolate && !s.isolate && Boolean(prev.bold) === Boolean(s.bold)) prev.text += text;
    else out.push({ ...s, text });
  }
  const last = out[out.length - 1];
  if (last) {
    last.text = last.text.replace(/ $/, '');
    if (last.text === '') out.pop();
  }
  return out;
}

function literalText(items: readonly Item[]): string | null {
  let text = '';
  for (const it of items) {
    if (it.k === 'val') return null;
    if (it.k === 'lit') text += it.text;
  }
  return text.trim();
}

/** One rendered line → a block, 'blank' for a blank source line, null for a line whose pieces all came out empty. */
function lineBlock(items: Item[], qr: LetterBlock): LetterBlock | 'blank' | null {
  const literal = literalText(items);
  if (literal === '---') return { kind: 'rule', spans: [] };
  if (literal === '[[qr]]') return { ...qr };
  const firstIndex = items.findIndex((it) => it.k === 'val' || (it.k === 'lit' && it.text.trim() !== ''));
  const first = items[firstIndex];
  let block: LetterBlock = { kind: 'line', spans: [] };
  if (first?.k === 'lit') {
    const match = MARKER.exec(first.text.trimStart());
    const marker = match?.[1] as keyof typeof MARKER_BLOCK | undefined;
    if (match && marker) {
      items[firstIndex] = { k: 'lit', text: first.text.trimStart().slice(match[0].length) };
      const align = MARKER_ALIGN[marker];
      block = align ? { kind: MARKER_BLOCK[marker], align, spans: [] } : { kind: MARKER_BLOCK[marker], spans: [] };
    }
  }
  block.spans = lineSpans(items);
  if (block.spans.length > 0) return block;
  return hadContent(items) ? null : 'blank';
}

/** Did the line hold anything but literal whitespace (a tag, a placeholder, a marker)? */
function hadContent(items: readonly Item[]): boolean {
  return items.some((it) => it.k !== 'lit' || it.text.trim() !== '');
}

function toBlocks(items: readonly Item[], qr: LetterBlock): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let line: Item[] = [];
  let blanks = 0; // consecutive blank source lines
  const flush = (): void => {
    const b = lineBlock(line, qr);
    line = [];
    if (b === null) {
      blanks = 0;
      return;
    }
    if (b !== 'blank') {
      blanks = 0;
      blocks.push(b);
      return;
    }
    // Several blank lines make a taller space (room for a signature). Blank runs on either side of a
    // dropped line merge by the larger, so an optional line that came out empty leaves no gap.
    blanks++;
    const prev = blocks[blocks.length - 1];
    if (!prev) return; // none at the top
    if (prev.kind === 'space') prev.lines = Math.max(prev.lines ?? 1, blanks);
    else blocks.push({ kind: 'space', lines: blanks, spans: [] });
  };
  for (const it of items) {
    if (it.k === 'nl') flush();
    else line.push(it);
  }
  flush();
  while (blocks[blocks.length - 1]?.kind === 'space') blocks.pop();
  return blocks;
}

const QR_LABEL = { ar: 'رمز التحقق', en: 'Verification code' } as const;

// A batch renders one template a thousand times: parse each text once (parsed nodes are never mutated).
const parsedTexts = new Map<string, ParsedTemplate>();
function parsedOnce(text: string): ParsedTemplate {
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    if (parsedTexts.size >= 16) parsedTexts.clear();
    parsed = parseTemplate(text);
    parsedTexts.set(text, parsed);
  }
  return parsed;
}

function run(text: string, values: TemplateValues, opts: RenderOptions): { blocks: LetterBlock[]; use: FieldUse } {
  const r: Run = { values, opts, items: [], use: { printed: [], missing: [] } };
  evaluate(parsedOnce(text).nodes, r);
  const code = typedValue('code', readValue(values, 'letter.verifyCode'));
  const qr: LetterBlock = { kind: 'qr', spans: [], code: typeof code === 'string' ? code.trim() : '', label: QR_LABEL[opts.lang] };
  const blocks = toBlocks(r.items, qr);
  if (blocks.some((b) => b.kind === 'qr')) note(r.use, 'letter.verifyCode', code === null);
  return { blocks, use: r.use };
}

/** The letter as blocks. Never throws: a template with problems renders what it can (validation refuses it at save). */
export function renderTemplate(text: string, values: TemplateValues, opts: RenderOptions): LetterBlock[] {
  return run(text, values, opts).blocks;
}

/** Blocks and the printed-but-empty fields in one pass (what generating a letter needs). */
export function renderWithUse(text: string, values: TemplateValues, opts: RenderOptions): { blocks: LetterBlock[]; missing: string[] } {
  const { blocks, use } = run(text, values, opts);
  return { blocks, missing: use.missing };
}

/** Printed fields (in the branches these values take) and the empty ones among them. */
export function fieldUse(text: string, values: TemplateValues, opts: RenderOptions = { lang: 'ar', digits: 'western' }): FieldUse {
  return run(text, values, opts).use;
}

/** The fields this letter would print empty, e.g. ['debtor.address']: what the batch check reports as missing. */
export function usedFields(text: string, values: TemplateValues): string[] {
  return fieldUse(text, values).missing;
}
