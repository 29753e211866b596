/*
 * Parser of the letter template language. Template text is data: it is read into a small tree and
 * never evaluated as code; a placeholder can only name a field of the catalogue (fields.ts).
 *
 * Lines
 *   Each non-blank line is one line of the letter; consecutive lines form one block with no extra
 *   space; a blank line is paragraph spacing. Runs of spaces count as one space.
 *   `# Title`      centred bold title            `## Subject`  bold sub-heading
 *   `>> text`      aligned to the end edge (the left in Arabic): «المحترم», signatures
 *   `^^ text`      centred line                  `---`         horizontal rule
 *   `[[qr]]`       the verification box (QR code and letter.verifyCode), on a line of its own
 *   `**bold**`     bold inline text (may wrap placeholders)
 *   Markers are read from the template's own text only: a value that starts with `#` stays text.
 *
 * Placeholders (on one line)
 *   `{{path}}`, `{{path | filter}}`, `{{path | filter:arg}}`, `{{path | hijri | default:"—"}}`.
 *   Filters: money, words, hijri, gregorian, dual, long, digits, days, default:"text" (see filters.ts).
 *   A placeholder ends at the first `}}`.
 *
 * Conditions (inline or across lines, nestable)
 *   `{{#if path}}…{{else}}…{{/if}}`, `{{#unless path}}…{{else}}…{{/unless}}`.
 *   A line holding only condition tags leaves no line behind, and a line whose every piece came out
 *   empty is dropped, so optional lines need no care about blank lines.
 *
 * Positions are 1-based lines and columns (UTF-16 code units, as editors count them).
 */

export type ProblemCode =
  | 'unknown_placeholder'
  | 'field_not_allowed'
  | 'unknown_filter'
  | 'filter_type'
  | 'boolean_printed'
  | 'unclosed_tag'
  | 'unbalanced_block'
  | 'stray_else'
  | 'empty_placeholder'
  | 'too_long';

/** A problem found in a template; `code` is also the i18n key `templates.problems.<code>`. */
export interface TemplateProblem {
  readonly code: ProblemCode;
  readonly line: number;
  readonly column: number;
  /** The offending text (a path, a filter name, a tag), for the message. */
  readonly detail: string;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface FilterCall extends Position {
  readonly name: string;
  /** The text after `:`, unquoted; null when there is no `:`. */
  readonly arg: string | null;
}

export type TemplateNode =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'newline' }
  | ({ readonly type: 'field'; readonly path: string; readonly filters: readonly FilterCall[] } & Position)
  /** A tag the language does not know (`{{#each x}}`): prints nothing. */
  | ({ readonly type: 'invalid'; readonly raw: string } & Position)
  | ({
      readonly type: 'block';
      readonly negate: boolean;
      readonly path: string;
      readonly then: TemplateNode[];
      readonly otherwise: TemplateNode[];
      /** The opening / closing tag stood on a line of its own (so it leaves no trace on any line). */
      readonly openAlone: boolean;
      readonly closeAlone: boolean;
    } & Position);

export interface ParsedTemplate {
  readonly nodes: TemplateNode[];
  /** Syntax problems only; validate.ts adds the ones that need the catalogue. */
  readonly problems: TemplateProblem[];
}

type Token =
  | { readonly t: 'node'; readonly node: TemplateNode }
  | ({ readonly t: 'open'; readonly negate: boolean; readonly path: string; readonly keyword: 'if' | 'unless'; readonly alone: boolean } & Position)
  | ({ readonly t: 'else'; readonly alone: boolean } & Position)
  | ({ readonly t: 'close'; readonly keyword: 'if' | 'unless'; readonly alone: boolean } & Position);

const OPEN = /^#(if|unless)(?:\s+([\s\S]*))?$/;
const CLOSE = /^\/(if|unless)$/;

/** Splits `a | b:"x | y"` at the bars outside quotes, keeping each piece's offset. */
function splitFilters(inner: string): Array<{ text: string; offset: number }> {
  const parts: Array<{ text: string; offset: number }> = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '"') quoted = !quoted;
    else if (c === '|' && !quoted) {
      parts.push({ text: inner.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  parts.push({ text: inner.slice(start), offset: start });
  return parts;
}

function leading(text: string): number {
  return text.length - text.trimStart().length;
}

function parseFilter(piece: { text: string; offset: number }, line: number, column: number): FilterCall {
  const text = piece.text.trim();
  const col = column + piece.offset + leading(piece.text);
  const colon = text.indexOf(':');
  if (colon < 0) return { name: text, arg: null, line, column: col };
  const rawArg = text.slice(colon + 1).trim();
  const arg = rawArg.length >= 2 && rawArg.startsWith('"') && rawArg.endsWith('"') ? rawArg.slice(1, -1) : rawArg;
  return { name: text.slice(0, colon).trim(), arg, line, column: col };
}

/** One `{{…}}`: `column` is where `{{` starts, `innerColumn` where its content starts. */
function readTag(inner: string, line: number, column: number, problems: TemplateProblem[]): Token {
  const body = inner.trim();
  const innerColumn = column + 2;
  const at = { line, column };
  const open = OPEN.exec(body);
  if (open) {
    const keyword = open[1] === 'unless' ? 'unless' : 'if';
    const path = (open[2] ?? '').trim();
    if (path === '') problems.push({ code: 'empty_placeholder', ...at, detail: `#${keyword}` });
    return { t: 'open', negate: keyword === 'unless', path, keyword, alone: false, ...at };
  }
  if (body === 'else') return { t: 'else', alone: false, ...at };
  const close = CLOSE.exec(body);
  if (close) return { t: 'close', keyword: close[1] === 'unless' ? 'unless' : 'if', alone: false, ...at };
  if (body.startsWith('#') || body.startsWith('/')) {
    problems.push({ code: 'unknown_placeholder', ...at, detail: body });
    return { t: 'node', node: { type: 'invalid', raw: body, ...at } };
  }
  const [head, ...rest] = splitFilters(inner);
  const path = (head?.text ?? '').trim();
  if (path === '') problems.push({ code: 'empty_placeholder', ...at, detail: body });
  const filters = rest.map((p) => parseFilter(p, line, innerColumn));
  return { t: 'node', node: { type: 'field', path, filters, ...at } };
}

function tokenizeLine(text: string, line: number, problems: TemplateProblem[]): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const start = text.indexOf('{{', pos);
    if (start < 0) break;
    const end = text.indexOf('}}', start + 2);
    if (end < 0) {
      problems.push({ code: 'unclosed_tag', line, column: start + 1, detail: text.slice(start, start + 30) });
      break; // the rest of the line stays literal text
    }
    if (start > pos) tokens.push({ t: 'node', node: { type: 'text', text: text.slice(pos, start) } });
    tokens.push(readTag(text.slice(start + 2, end), line, start + 1, problems));
    pos = end + 2;
  }
  if (pos < text.length) tokens.push({ t: 'node', node: { type: 'text', text: text.slice(pos) } });
  return tokens;
}

/** A line of nothing but condition tags (and spaces): it structures the template and leaves no line. */
function isStandalone(tokens: readonly Token[]): boolean {
  let tags = 0;
  for (const tok of tokens) {
    if (tok.t !== 'node') tags++;
    else if (tok.node.type !== 'text' || tok.node.text.trim() !== '') return false;
  }
  return tags > 0;
}

function tokenize(text: string, problems: TemplateProblem[]): Token[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Token[] = [];
  lines.forEach((source, i) => {
    const tokens = tokenizeLine(source, i + 1, problems);
    const last = i === lines.length - 1;
    if (isStandalone(tokens)) {
      for (const tok of tokens) if (tok.t !== 'node') out.push({ ...tok, alone: true });
      return;
    }
    out.push(...tokens);
    if (!last) out.push({ t: 'node', node: { type: 'newline' } });
  });
  return out;
}

interface Frame {
  readonly open: Extract<Token, { t: 'open' }>;
  readonly then: TemplateNode[];
  readonly otherwise: TemplateNode[];
  inElse: boolean;
}

/** Reads a template into its tree. Never throws: whatever it cannot read is reported and printed as text or nothing. */
export function parseTemplate(text: string): ParsedTemplate {
  const problems: TemplateProblem[] = [];
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const target = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.otherwise : top.then;
  };
  const closeTop = (closeAlone: boolean): void => {
    const frame = stack.pop();
    if (!frame) return;
    const { negate, path, line, column, alone } = frame.open;
    target().push({ type: 'block', negate, path, line, column, then: frame.then, otherwise: frame.otherwise, openAlone: alone, closeAlone });
  };

  for (const tok of tokenize(text, problems)) {
    if (tok.t === 'node') target().push(tok.node);
    else if (tok.t === 'open') stack.push({ open: tok, then: [], otherwise: [], inElse: false });
    else if (tok.t === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) problems.push({ code: 'stray_else', line: tok.line, column: tok.column, detail: 'else' });
      else top.inElse = true;
    } else {
      const top = stack[stack.length - 1];
      if (!top) {
        problems.push({ code: 'unbalanced_block', line: tok.line, column: tok.column, detail: `/${tok.keyword}` });
        continue;
      }
      if (top.open.keyword !== tok.keyword) {
        problems.push({ code: 'unbalanced_block', line: tok.line, column: tok.column, detail: `/${tok.keyword} ≠ #${top.open.keyword}` });
      }
      closeTop(tok.alone);
    }
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top) problems.push({ code: 'unbalanced_block', line: top.open.line, column: top.open.column, detail: `#${top.open.keyword} ${top.open.path}`.trim() });
    closeTop(true);
  }
  return { nodes: root, problems };
}
