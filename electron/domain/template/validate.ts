// Validation of a template for its kind: every problem with its line and column, so a template with any is refused at save.
import { fieldAllowed, findField } from './fields';
import { filterFits, filterTakesArg, isFilterName } from './filters';
import type { TemplateKind } from './kinds';
import { parseTemplate, type TemplateNode, type TemplateProblem } from './parse';

export const TEMPLATE_MAX_LENGTH = 20_000;

function checkPath(path: string, kind: TemplateKind, at: { line: number; column: number }, out: TemplateProblem[]): ReturnType<typeof findField> {
  if (path === '') return undefined; // reported by the parser as empty_placeholder
  const field = findField(path);
  if (!field) out.push({ code: 'unknown_placeholder', ...at, detail: path });
  else if (!fieldAllowed(kind, field)) out.push({ code: 'field_not_allowed', ...at, detail: path });
  return field;
}

function checkField(node: Extract<TemplateNode, { type: 'field' }>, kind: TemplateKind, out: TemplateProblem[]): void {
  const at = { line: node.line, column: node.column };
  const field = checkPath(node.path, kind, at, out);
  if (field?.type === 'boolean') out.push({ code: 'boolean_printed', ...at, detail: node.path });
  let formats = 0;
  for (const f of node.filters) {
    const fat = { line: f.line, column: f.column };
    if (!isFilterName(f.name)) {
      out.push({ code: 'unknown_filter', ...fat, detail: f.name });
      continue;
    }
    // `default` needs its text; the formatting filters take no argument.
    if (filterTakesArg(f.name) ? !f.arg : f.arg !== null) {
      out.push({ code: 'unknown_filter', ...fat, detail: f.arg === null ? f.name : `${f.name}:${f.arg}` });
      continue;
    }
    if (f.name !== 'default') formats++;
    // A boolean is already refused as printed; a second formatting filter would read text, which none takes.
    if (field && field.type !== 'boolean' && (!filterFits(f.name, field.type) || (f.name !== 'default' && formats > 1))) {
      out.push({ code: 'filter_type', ...fat, detail: `${f.name}: ${field.path}` });
    }
  }
}

function walk(nodes: readonly TemplateNode[], kind: TemplateKind, out: TemplateProblem[]): void {
  for (const node of nodes) {
    if (node.type === 'field') checkField(node, kind, out);
    else if (node.type === 'block') {
      checkPath(node.path, kind, { line: node.line, column: node.column }, out);
      walk(node.then, kind, out);
      walk(node.otherwise, kind, out);
    }
  }
}

/** Every problem in the template, in reading order; [] means it may be saved. */
export function validateTemplate(text: string, kind: TemplateKind): TemplateProblem[] {
  if (text.length > TEMPLATE_MAX_LENGTH) return [{ code: 'too_long', line: 1, column: 1, detail: String(text.length) }];
  const { nodes, problems } = parseTemplate(text);
  const out = [...problems];
  walk(nodes, kind, out);
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
