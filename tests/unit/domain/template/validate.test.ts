// Validation: every problem code with its line and column, and the defaults valid for their kinds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_KINDS, TEMPLATE_LANGS, validateTemplate, type TemplateProblem } from '../../../../electron/domain/template';

const codes = (text: string, kind: Parameters<typeof validateTemplate>[1] = 'demand'): Array<Pick<TemplateProblem, 'code' | 'line' | 'column'>> =>
  validateTemplate(text, kind).map(({ code, line, column }) => ({ code, line, column }));

describe('validateTemplate', () => {
  it('accepts plain text and known placeholders', () => {
    expect(validateTemplate('السلام عليكم\n{{debtor.name}} — {{ case.balance | words }}\n{{today|hijri}}هـ', 'demand')).toEqual([]);
  });

  it('unknown_placeholder: unknown paths, prototype-ish paths, unknown # tags', () => {
    expect(codes('x {{debtor.nam}}')).toEqual([{ code: 'unknown_placeholder', line: 1, column: 3 }]);
    for (const path of ['__proto__', 'constructor', 'debtor.__proto__', 'toString', 'case.constructor.name', 'debtor', 'hasOwnProperty']) {
      expect(validateTemplate(`{{${path}}}`, 'demand')[0]).toMatchObject({ code: 'unknown_placeholder', detail: path });
    }
    expect(codes('a\n  {{#each debtor}}')).toEqual([{ code: 'unknown_placeholder', line: 2, column: 3 }]);
    expect(codes('{{#if constructor}}x{{/if}}')).toEqual([{ code: 'unknown_placeholder', line: 1, column: 1 }]);
  });

  it('field_not_allowed: a known field outside the kind', () => {
    expect(validateTemplate('{{payment.amount}}', 'demand')).toEqual([{ code: 'field_not_allowed', line: 1, column: 1, detail: 'payment.amount' }]);
    expect(validateTemplate('{{payment.amount}}', 'payment_receipt')).toEqual([]);
    expect(codes('{{#if plan.count}}x{{/if}}', 'settlement_agreement')).toEqual([{ code: 'field_not_allowed', line: 1, column: 1 }]);
    expect(codes('{{remittance.net}}', 'remittance_statement')).toEqual([]);
    expect(codes('{{settlement.amount}}', 'instalment_agreement')).toEqual([{ code: 'field_not_allowed', line: 1, column: 1 }]);
  });

  it('unknown_filter: unknown names, empty names, arguments where none belong, default without text', () => {
    expect(validateTemplate('ab {{case.balance | upper}}', 'demand')).toEqual([{ code: 'unknown_filter', line: 1, column: 21, detail: 'upper' }]);
    expect(codes('{{case.balance |}}')).toEqual([{ code: 'unknown_filter', line: 1, column: 17 }]);
    expect(codes('{{case.balance | money:2}}')).toEqual([{ code: 'unknown_filter', line: 1, column: 18 }]);
    expect(codes('{{case.court | default}}')).toEqual([{ code: 'unknown_filter', line: 1, column: 16 }]);
    expect(codes('{{case.court | default:""}}')).toEqual([{ code: 'unknown_filter', line: 1, column: 16 }]);
    expect(codes('{{case.court | default:"المحكمة المختصة"}}')).toEqual([]);
    expect(codes('{{case.court | default:"a | b"}}')).toEqual([]);
  });

  it('filter_type: a filter on the wrong type, or a second formatting filter', () => {
    expect(validateTemplate('{{debtor.name | words}}', 'demand')).toEqual([{ code: 'filter_type', line: 1, column: 17, detail: 'words: debtor.name' }]);
    expect(codes('{{case.balance | hijri}}')).toEqual([{ code: 'filter_type', line: 1, column: 18 }]);
    expect(codes('{{today | money}}')).toEqual([{ code: 'filter_type', line: 1, column: 11 }]);
    expect(codes('{{case.reference | days}}')).toEqual([{ code: 'filter_type', line: 1, column: 20 }]);
    expect(codes('{{today | hijri | gregorian}}')).toEqual([{ code: 'filter_type', line: 1, column: 19 }]);
    expect(codes('{{today | hijri | default:"—"}}')).toEqual([]);
    // Every filter on every type it fits.
    expect(
      codes('{{case.balance | money}}{{case.balance | words}}{{today | hijri}}{{today | gregorian}}{{today | dual}}{{today | long}}{{case.reference | digits}}{{letter.deadlineDays | digits}}{{letter.deadlineDays | days}}'),
    ).toEqual([]);
  });

  it('boolean_printed: booleans only in conditions', () => {
    expect(codes('x\n   {{debtor.isCompany}}')).toEqual([{ code: 'boolean_printed', line: 2, column: 4 }]);
    expect(codes('{{guarantor.exists | default:"x"}}')).toEqual([{ code: 'boolean_printed', line: 1, column: 1 }]);
    expect(codes('{{#if guarantor.exists}}x{{/if}}{{#unless debtor.isCompany}}y{{/unless}}')).toEqual([]);
  });

  it('unclosed_tag: a {{ without }} on its line', () => {
    expect(validateTemplate('abc {{debtor.name', 'demand')).toEqual([{ code: 'unclosed_tag', line: 1, column: 5, detail: '{{debtor.name' }]);
    expect(codes('ok {{debtor.name}}\nthen {{debtor.\nname}}')).toEqual([{ code: 'unclosed_tag', line: 2, column: 6 }]);
    expect(codes('a }} b')).toEqual([]);
  });

  it('unbalanced_block: closer without opener, missing closer, mismatched closer', () => {
    expect(codes('a\nb {{/if}}')).toEqual([{ code: 'unbalanced_block', line: 2, column: 3 }]);
    expect(codes('x\n{{#if debtor.isCompany}}\ny')).toEqual([{ code: 'unbalanced_block', line: 2, column: 1 }]);
    expect(codes('{{#if debtor.isCompany}}x{{/unless}}')).toEqual([{ code: 'unbalanced_block', line: 1, column: 26 }]);
    expect(codes('{{#unless debtor.isCompany}}x{{/if}}')).toEqual([{ code: 'unbalanced_block', line: 1, column: 30 }]);
    expect(codes('{{#if a.b}}{{#if debtor.isCompany}}x{{/if}}')).toEqual([
      { code: 'unbalanced_block', line: 1, column: 1 },
      { code: 'unknown_placeholder', line: 1, column: 1 },
    ]);
  });

  it('stray_else: outside a block, or twice in one', () => {
    expect(codes('a {{else}}')).toEqual([{ code: 'stray_else', line: 1, column: 3 }]);
    expect(codes('{{#if debtor.isCompany}}a{{else}}b{{else}}c{{/if}}')).toEqual([{ code: 'stray_else', line: 1, column: 35 }]);
  });

  it('empty_placeholder: {{}}, {{ | money }}, {{#if}}', () => {
    expect(codes('a {{}}')).toEqual([{ code: 'empty_placeholder', line: 1, column: 3 }]);
    expect(codes('{{  }}')).toEqual([{ code: 'empty_placeholder', line: 1, column: 1 }]);
    expect(codes('{{ | money }}')).toEqual([{ code: 'empty_placeholder', line: 1, column: 1 }]);
    expect(codes('{{#if}}x{{/if}}')).toEqual([{ code: 'empty_placeholder', line: 1, column: 1 }]);
  });

  it('too_long: more than 20,000 characters', () => {
    expect(validateTemplate('ا'.repeat(20_000), 'demand')).toEqual([]);
    expect(validateTemplate('ا'.repeat(20_001), 'demand')).toEqual([{ code: 'too_long', line: 1, column: 1, detail: '20001' }]);
  });

  it('reports every problem, in reading order, with CRLF line endings counted as one', () => {
    const text = 'x {{foo}}\r\n{{debtor.isCompany}} {{case.balance | hijri}}\r\n{{else}} {{/if}}';
    expect(codes(text)).toEqual([
      { code: 'unknown_placeholder', line: 1, column: 3 },
      { code: 'boolean_printed', line: 2, column: 1 },
      { code: 'filter_type', line: 2, column: 39 },
      { code: 'stray_else', line: 3, column: 1 },
      { code: 'unbalanced_block', line: 3, column: 10 },
    ]);
  });
});

describe('default templates', () => {
  const dir = join(import.meta.dirname, '../../../../resources/templates');
  for (const kind of TEMPLATE_KINDS) {
    for (const lang of TEMPLATE_LANGS) {
      it(`${kind}.${lang}.md validates with no problems`, () => {
        expect(validateTemplate(readFileSync(join(dir, `${kind}.${lang}.md`), 'utf8'), kind)).toEqual([]);
      });
    }
  }
});
