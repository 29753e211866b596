// Rendering: line markers, bold, conditions, filters per type, digits, isolates, missing fields, and never throwing.
import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_FIELDS,
  fieldUse,
  renderTemplate,
  sampleValues,
  usedFields,
  validateTemplate,
  type LetterBlock,
  type RenderOptions,
  type TemplateValues,
} from '../../../../electron/domain/template';

const AR: RenderOptions = { lang: 'ar', digits: 'western' };
const EN: RenderOptions = { lang: 'en', digits: 'western' };
const sar = (minor: number) => ({ minor, currency: 'SAR' });

/** The blocks as short strings: kind, align, and spans with [isolates] and *bold*. */
function show(blocks: LetterBlock[]): string[] {
  return blocks.map((b) => {
    const text = b.spans.map((s) => (s.isolate ? `[${s.isolate === 'ltr' ? '' : `${s.isolate}:`}${s.text}]` : s.bold ? `*${s.text}*` : s.text)).join('');
    const head = b.kind + (b.align ? `:${b.align}` : '') + (b.kind === 'space' && (b.lines ?? 1) > 1 ? `×${b.lines}` : '');
    return text ? `${head} ${text}` : head;
  });
}

const r = (text: string, values: TemplateValues = {}, opts: RenderOptions = AR): string[] => show(renderTemplate(text, values, opts));

describe('lines and markers', () => {
  it('makes one block per line, blank lines into spaces, none at the edges', () => {
    expect(r('\n\nأ\nب\n\n\nج\n\n')).toEqual(['line أ', 'line ب', 'space×2', 'line ج']);
  });

  it('reads # ## >> ^^ --- and [[qr]] from the template text', () => {
    const v = { 'letter.verifyCode': 'V7K-92QX' };
    expect(r('# عنوان\n## الموضوع\n>> المحترم\n^^ وتقبلوا\n ---\n[[qr]]', v)).toEqual(['title عنوان', 'heading الموضوع', 'line:end المحترم', 'line:center وتقبلوا', 'rule', 'qr']);
    const qr = renderTemplate('[[qr]]', v, AR)[0];
    expect(qr).toMatchObject({ kind: 'qr', code: 'V7K-92QX', label: 'رمز التحقق' });
    expect(renderTemplate('[[qr]]', v, EN)[0]).toMatchObject({ label: 'Verification code' });
  });

  it('never takes markup from values: a name that starts with # stays text', () => {
    expect(r('{{debtor.name}}', { 'debtor.name': '# **x** {{today}}' }, EN)).toEqual(['line # **x** {{today}}']);
    expect(r('{{debtor.name}}', { 'debtor.name': '---' })).toEqual(['line ---']);
    expect(r('{{debtor.name}}', { 'debtor.name': '[[qr]]' }, EN)).toEqual(['line [[qr]]']);
  });

  it('needs the space after a marker, and a marker only at the start', () => {
    expect(r('#عنوان\nأ # ب\n-- -')).toEqual(['line #عنوان', 'line أ # ب', 'line -- -']);
  });

  it('bolds **text** and placeholders inside it; an odd last ** stays literal', () => {
    expect(r('السادة/ **{{debtor.name}}** المحترمين', { 'debtor.name': 'شركة الأفق' })).toEqual(['line السادة/ *شركة الأفق* المحترمين']);
    expect(r('**أ** ب **ج')).toEqual(['line *أ* ب **ج']);
    const [b] = renderTemplate('**{{case.reference}}**', { 'case.reference': 'TH-1' }, AR);
    expect(b?.spans).toEqual([{ text: 'TH-1', isolate: 'ltr', bold: true }]);
  });

  it('collapses runs of spaces and trims lines', () => {
    expect(r('   المكرم/    {{debtor.name}}          المحترم   ', { 'debtor.name': '  أحمد \n علي ' })).toEqual(['line المكرم/ أحمد علي المحترم']);
  });
});

describe('conditions', () => {
  const v: TemplateValues = { 'debtor.isCompany': true, 'debtor.cr': '1010987654', 'debtor.nationalId': '1023456789', 'guarantor.exists': false };

  it('takes inline branches', () => {
    expect(r('{{#if debtor.isCompany}}سجل {{debtor.cr}}{{else}}هوية {{debtor.nationalId}}{{/if}}', v)).toEqual(['line سجل [1010987654]']);
    expect(r('{{#unless debtor.isCompany}}هوية{{else}}سجل{{/unless}}', v)).toEqual(['line سجل']);
  });

  it('spans lines; tag-only lines leave nothing, and an empty line from a false inline condition is dropped', () => {
    const t = 'أ\n{{#if guarantor.exists}}\nالكفيل\n\n{{/if}}\nب\n{{#if guarantor.exists}}ج{{/if}}\nد\n\n{{#if guarantor.exists}}هـ{{/if}}\n\nو';
    expect(r(t, v)).toEqual(['line أ', 'line ب', 'line د', 'space', 'line و']);
    expect(r(t, { ...v, 'guarantor.exists': true, 'guarantor.name': 'فهد' })).toEqual(['line أ', 'line الكفيل', 'space', 'line ب', 'line ج', 'line د', 'space', 'line هـ', 'space', 'line و']);
  });

  it('nests', () => {
    const t = '{{#if debtor.isCompany}}أ{{#if guarantor.exists}}ب{{else}}ج{{#unless debtor.cr}}د{{/unless}}{{/if}}هـ{{/if}}';
    expect(r(t, v)).toEqual(['line أجهـ']);
    expect(r(t, { ...v, 'debtor.cr': '' })).toEqual(['line أجدهـ']);
    expect(r(t, { ...v, 'debtor.isCompany': false })).toEqual([]);
  });

  it('truth: true, non-empty text, a date, money ≠ 0, number ≠ 0', () => {
    const t = (path: string, value: TemplateValues[keyof TemplateValues]): string[] => r(`{{#if ${path}}}نعم{{else}}لا{{/if}}`, { [path]: value });
    expect(t('guarantor.exists', true)).toEqual(['line نعم']);
    expect(t('guarantor.exists', false)).toEqual(['line لا']);
    expect(t('guarantor.exists', 'true')).toEqual(['line لا']);
    expect(t('debtor.name', 'x')).toEqual(['line نعم']);
    expect(t('debtor.name', '  ')).toEqual(['line لا']);
    expect(t('case.dueDate', '2026-01-10')).toEqual(['line نعم']);
    expect(t('case.dueDate', 'not a date')).toEqual(['line لا']);
    expect(t('case.dueDate', null)).toEqual(['line لا']);
    expect(t('case.balance', sar(1))).toEqual(['line نعم']);
    expect(t('case.balance', sar(0))).toEqual(['line لا']);
    expect(t('letter.attachmentsCount', 0)).toEqual(['line لا']);
    expect(t('letter.attachmentsCount', 2)).toEqual(['line نعم']);
    expect(r('{{#if nothing.here}}نعم{{else}}لا{{/if}}')).toEqual(['line لا']);
  });
});

describe('values and filters', () => {
  const v: TemplateValues = {
    today: '2026-03-15',
    'case.balance': sar(1_575_050),
    'case.reference': 'TH-2026-000123',
    'client.iban': 'SA03 8000 0000 6080 1016 7519',
    'letter.deadlineDays': 15,
    'debtor.name': 'شركة الأفق',
  };

  it('money: figures isolated LTR with the currency after them in Arabic, before them in English', () => {
    expect(r('{{case.balance}} / {{case.balance | money}}', v)).toEqual(['line [15,750.50] ريال / [15,750.50] ريال']);
    expect(r('{{case.balance}}', v, EN)).toEqual(['line SAR [15,750.50]']);
    expect(r('{{case.balance}}', { 'case.balance': { minor: 1234, currency: 'KWD' } })).toEqual(['line [1.234] دينار كويتي']);
  });

  it('words: تفقيط ending «فقط لا غير», English ending "only"; nothing for an unknown currency or a negative amount', () => {
    expect(r('({{case.balance | words}})', v)).toEqual(['line (خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة فقط لا غير)']);
    expect(r('{{case.balance | words}}', v, EN)).toEqual(['line Fifteen thousand seven hundred fifty Saudi riyals and fifty halalas only']);
    expect(r('أ {{case.balance | words}}', { 'case.balance': { minor: 100, currency: 'XYZ' } })).toEqual(['line أ']);
    expect(r('أ {{case.balance | words}}', { 'case.balance': sar(-100) })).toEqual(['line أ']);
  });

  it('dates: Gregorian by default; hijri, gregorian, dual and long; the era mark stays outside the isolate', () => {
    expect(r('{{today}}', v)).toEqual(['line [2026/03/15]']);
    expect(r('{{today | hijri}}هـ', v)).toEqual(['line [1447/09/26]هـ']);
    expect(r('{{today | dual}}', v)).toEqual(['line [1447/09/26]هـ الموافق [2026/03/15]م']);
    expect(r('{{today | long}}', v)).toEqual(['line 15 مارس 2026م']);
    expect(r('{{today | dual}}', v, EN)).toEqual(['line 15 March 2026 (26 Ramadan 1447 AH)']);
  });

  it('numbers and days: formatted, with the noun in the right number', () => {
    const d = (n: number, opts: RenderOptions = AR): string[] => r('{{letter.deadlineDays | days}}', { 'letter.deadlineDays': n }, opts);
    expect(d(1)).toEqual(['line يوم واحد']);
    expect(d(2)).toEqual(['line يومان']);
    expect(d(7)).toEqual(['line [7] أيام']);
    expect(d(10)).toEqual(['line [10] أيام']);
    expect(d(15)).toEqual(['line [15] يوماً']);
    expect(d(100)).toEqual(['line [100] يوم']);
    expect(d(1, EN)).toEqual(['line [1] day']);
    expect(d(15, EN)).toEqual(['line [15] days']);
    expect(r('{{remittance.casesCount}}', { 'remittance.casesCount': 12345 })).toEqual(['line [12,345]']);
  });

  it('Arabic-Indic digits for amounts, dates and numbers; codes keep Latin digits unless | digits', () => {
    const opts: RenderOptions = { lang: 'ar', digits: 'arabic' };
    expect(r('{{case.balance}} {{today | dual}} {{letter.deadlineDays | days}}', v, opts)).toEqual([
      'line [١٥٬٧٥٠٫٥٠] ريال [١٤٤٧/٠٩/٢٦]هـ الموافق [٢٠٢٦/٠٣/١٥]م [١٥] يوماً',
    ]);
    expect(r('{{case.reference}} {{client.iban}} {{case.reference | digits}}', v, opts)).toEqual([
      'line [TH-2026-000123] [SA03 8000 0000 6080 1016 7519] [TH-٢٠٢٦-٠٠٠١٢٣]',
    ]);
    // digits on a code converts back to Western when the letter uses Western digits.
    expect(r('{{case.reference | digits}}', { 'case.reference': 'TH-٢٠٢٦' })).toEqual(['line [TH-2026]']);
  });

  it('isolates text only where it holds the other script (so same-script text can wrap)', () => {
    expect(renderTemplate('{{debtor.name}}', { 'debtor.name': 'Horizon Trading Co. Ltd' }, AR)[0]?.spans).toEqual([{ text: 'Horizon Trading Co. Ltd', isolate: 'auto' }]);
    expect(renderTemplate('{{debtor.name}}', { 'debtor.name': 'شركة الأفق' }, AR)[0]?.spans).toEqual([{ text: 'شركة الأفق' }]);
    expect(renderTemplate('{{debtor.name}}', { 'debtor.name': 'شركة الأفق' }, EN)[0]?.spans).toEqual([{ text: 'شركة الأفق', isolate: 'auto' }]);
    expect(renderTemplate('{{debtor.name}}', { 'debtor.name': 'Horizon' }, EN)[0]?.spans).toEqual([{ text: 'Horizon' }]);
  });

  it('default:"text" when empty; null, missing and wrongly shaped values print nothing', () => {
    expect(r('{{case.court | default:"المحكمة المختصة"}}')).toEqual(['line المحكمة المختصة']);
    expect(r('{{case.court | default:"x"}}', { 'case.court': 'المحكمة التجارية' })).toEqual(['line المحكمة التجارية']);
    expect(r('{{case.dueDate | hijri | default:"—"}}')).toEqual(['line —']);
    expect(r('أ {{case.balance}} {{case.dueDate}} {{letter.deadlineDays}} ب', { 'case.balance': '15' as unknown as null, 'case.dueDate': '2026-13-40', 'letter.deadlineDays': Number.NaN })).toEqual(['line أ ب']);
    expect(r('أ {{guarantor.exists}} {{unknown.path}} ب', { 'guarantor.exists': true })).toEqual(['line أ ب']);
  });

  it('prints an out-of-table Hijri date as the ISO date instead of throwing', () => {
    expect(r('{{today | hijri}}', { today: '1800-01-01' })).toEqual(['line [1800-01-01]']);
  });

  it('never reads inherited properties', () => {
    const values = Object.create({ 'debtor.name': 'inherited' }) as TemplateValues;
    expect(r('أ {{debtor.name}}', values)).toEqual(['line أ']);
  });
});

describe('usedFields', () => {
  const t = '{{debtor.name}} {{debtor.address}}\n{{#if guarantor.exists}}{{guarantor.name}}{{/if}}\n{{case.court | default:"—"}}\n[[qr]]';

  it('names the printed fields that are empty, in the branches taken', () => {
    expect(usedFields(t, { 'debtor.name': 'أ' })).toEqual(['debtor.address', 'letter.verifyCode']);
    expect(usedFields(t, { 'debtor.name': 'أ', 'guarantor.exists': true, 'letter.verifyCode': 'X' })).toEqual(['debtor.address', 'guarantor.name']);
  });

  it('lists what is printed', () => {
    expect(fieldUse(t, { 'guarantor.exists': true }).printed).toEqual(['debtor.name', 'debtor.address', 'guarantor.name', 'case.court', 'letter.verifyCode']);
  });

  it('finds nothing missing in any default field with the sample values', () => {
    const all = TEMPLATE_FIELDS.filter((f) => f.type !== 'boolean').map((f) => `{{${f.path}}}`).join('\n');
    expect(usedFields(all, sampleValues('ar'))).toEqual([]);
    expect(usedFields(all, sampleValues('en'))).toEqual([]);
  });
});

describe('sampleValues', () => {
  it('has a value for every field, in the right shape, with the kind deadline', () => {
    for (const lang of ['ar', 'en'] as const) {
      const v = sampleValues(lang, { kind: 'reminder' }) as Record<string, unknown>;
      for (const f of TEMPLATE_FIELDS) expect(v[f.path], f.path).not.toBeUndefined();
      expect(v['letter.deadlineDays']).toBe(7);
      expect(v['letter.deadlineDate']).toBe('2026-03-22');
    }
    expect(sampleValues('ar')['debtor.name']).toMatch(/[\u0600-\u06ff]/);
    expect(sampleValues('en')['debtor.name']).toMatch(/^[A-Za-z]/);
  });
});

describe('robustness', () => {
  const FRAGMENTS = [
    '{{', '}}', '{{#if ', '{{#unless ', '{{else}}', '{{/if}}', '{{/unless}}', 'debtor.name', 'guarantor.exists', 'case.balance',
    '__proto__', 'constructor', ' | ', 'words', 'hijri', 'money', 'default:"', '"', '\n', '\n\n', '# ', '## ', '>> ', '^^ ', '---',
    '[[qr]]', '**', 'السلام', 'Hello', ' ', '}', '{', '|', ':', 'today', 'letter.deadlineDays', 'days', 'digits', '\r\n',
  ];
  // A small deterministic generator, so a failure can be replayed.
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };

  it('renders and validates 500 random templates without throwing', () => {
    const values = sampleValues('ar');
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + next(40) }, () => FRAGMENTS[next(FRAGMENTS.length)]).join('');
      for (const opts of [AR, { lang: 'en', digits: 'arabic' } as const]) {
        const blocks = renderTemplate(text, values, opts);
        for (const b of blocks) for (const s of b.spans) expect(typeof s.text).toBe('string');
        expect(() => usedFields(text, {})).not.toThrow();
      }
      expect(Array.isArray(validateTemplate(text, 'demand'))).toBe(true);
    }
  });
});

