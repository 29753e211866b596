// Every default template rendered with sample values through the PDF engine: valid PDFs whose text reads as typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLetters } from '../../../electron/core/pdf';
import { composeLetter, letterDocumentOptions, logoImage, type OfficeLetterhead } from '../../../electron/core/letters/compose';
import { TEMPLATE_KINDS, TEMPLATE_LANGS, renderTemplate, sampleValues } from '../../../electron/domain/template';
import { samplePng } from '../../fixtures/pdf/png';
import { pdfText, qpdfCheck, writePdf } from './tools';

const dir = join(import.meta.dirname, '../../../resources/templates');

export const office: OfficeLetterhead = {
  nameAr: 'مكتب الأعمال للمحاماة والاستشارات القانونية',
  nameEn: 'Al-Aamal Law Firm & Legal Consultancy',
  licenceNumber: '41/12345',
  crNumber: '1010123456',
  address: 'الرياض، حي العليا، طريق الملك فهد، مبنى 7421',
  phone: '+966 11 234 5678',
  email: 'info@aamal-law.sa',
  logo: `data:image/png;base64,${Buffer.from(samplePng()).toString('base64')}`,
};

// Words each kind's sample letter must carry, as typed (lam-alef and the «الله» ligature included).
const AR_WORDS: Record<string, string[]> = {
  reminder: ['السلام عليكم ورحمة الله وبركاته', 'تذكير ودي'],
  final_notice: ['السلام عليكم ورحمة الله وبركاته', 'إشعار نهائي'],
  demand: ['السلام عليكم ورحمة الله وبركاته', 'إنذار بالسداد', 'الإجراءات النظامية'],
  prefiling_notice: ['نظام المحاكم التجارية', 'خمسة عشر يوماً'],
  performance_demand: ['أمر أداء', 'السلام عليكم ورحمة الله وبركاته'],
  settlement_agreement: ['اتفاقية تسوية ودية', 'الطرف الأول (الدائن)'],
  instalment_agreement: ['اتفاقية سداد بالتقسيط', 'الطرف الثاني (المدين)'],
  payment_receipt: ['سند قبض', 'خمسة آلاف ريال فقط لا غير'],
  remittance_statement: ['السلام عليكم ورحمة الله وبركاته', 'ستة وسبعون ألفاً وخمسون ريالاً فقط لا غير'],
};

const EN_WORDS: Record<string, string[]> = {
  reminder: ['Friendly reminder'],
  final_notice: ['Final notice before legal action'],
  demand: ['Formal demand for payment', 'Fifteen thousand seven hundred fifty Saudi riyals and fifty halalas only'],
  prefiling_notice: ['Article 19 of the Commercial Courts Law', 'fifteen days'],
  performance_demand: ['performance order'],
  settlement_agreement: ['Settlement Agreement', 'Fourteen thousand Saudi riyals only'],
  instalment_agreement: ['Instalment Agreement', 'Three thousand one hundred fifty Saudi riyals and ten halalas only'],
  payment_receipt: ['Payment Receipt', 'Five thousand Saudi riyals only'],
  remittance_statement: ['Statement of collections remitted', 'Seventy-six thousand fifty Saudi riyals only'],
};

const AMOUNT_WORDS_AR = 'خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة فقط لا غير';
const USES_BALANCE = new Set(['reminder', 'final_notice', 'demand', 'prefiling_notice', 'performance_demand', 'settlement_agreement']);

for (const lang of TEMPLATE_LANGS) {
  describe(`default templates in ${lang}`, async () => {
    const kinds = [...TEMPLATE_KINDS];
    const contents = kinds.map((kind) => {
      const text = readFileSync(join(dir, `${kind}.${lang}.md`), 'utf8');
      return composeLetter(renderTemplate(text, sampleValues(lang, { kind }), { lang, digits: 'western' }));
    });
    const merged = await renderLetters(letterDocumentOptions(office, lang, 'western'), contents);
    const path = writePdf(merged.pdf, `templates-${lang}`);

    it('passes qpdf --check', () => {
      expect(qpdfCheck(path)).toMatchObject({ ok: true });
    });

    it.each(kinds.map((kind, i) => [kind, i] as const))('%s reads as typed', (kind, i) => {
      const range = merged.letters[i];
      expect(range?.pageCount).toBeGreaterThan(0);
      const text = pdfText(path, { first: range?.firstPage, last: (range?.firstPage ?? 1) + (range?.pageCount ?? 1) - 1 }).replace(/\s+/g, ' ');
      const sample = sampleValues(lang);
      const party = sample[kind === 'remittance_statement' ? 'client.name' : 'debtor.name'];
      const words = [...(lang === 'ar' ? AR_WORDS : EN_WORDS)[kind] ?? [], typeof party === 'string' ? party : '?'];
      // Every kind but the remittance statement (which covers many cases) names the case reference.
      if (kind !== 'remittance_statement') words.push('TH-2026-000123');
      if (lang === 'ar' && USES_BALANCE.has(kind)) words.push(AMOUNT_WORDS_AR, '15,750.50 ريال');
      for (const w of words) expect(text).toContain(w);
      // Letters carry the verification code under their QR box; receipts and statements are identified by their own number.
      if (kind === 'payment_receipt' || kind === 'remittance_statement') expect(text).not.toContain('V7K-92QX');
      else expect(text).toContain('V7K-92QX');
    });
  });
}

describe('Arabic-Indic digits', async () => {
  const text = readFileSync(join(dir, 'demand.ar.md'), 'utf8');
  const content = composeLetter(renderTemplate(text, sampleValues('ar', { kind: 'demand' }), { lang: 'ar', digits: 'arabic' }));
  const path = writePdf((await renderLetters(letterDocumentOptions(office, 'ar', 'arabic'), [content])).pdf, 'demand-ar-arabic-digits');

  it('prints amounts and dates in Arabic-Indic digits and keeps codes Latin', () => {
    expect(qpdfCheck(path).ok).toBe(true);
    const out = pdfText(path).replace(/\s+/g, ' ');
    expect(out).toContain('١٥٬٧٥٠٫٥٠ ريال');
    expect(out).toContain('٢٠٢٦/٠٣/٣٠م');
    expect(out).toContain('SA03 8000 0000 6080 1016 7519');
    expect(out).toContain('TH-2026-000123');
  });
});

describe('letterDocumentOptions', () => {
  it('builds the letterhead from the office profile', () => {
    const opts = letterDocumentOptions(office, 'ar', 'arabic');
    expect(opts).toMatchObject({ lang: 'ar', digits: 'arabic', letterhead: { nameAr: office.nameAr, licence: '41/12345', cr: '1010123456', addressAr: office.address } });
    expect(opts.letterhead?.addressEn).toBeUndefined();
    expect(opts.letterhead?.logo?.type).toBe('png');
  });

  it('has no letterhead before the office profile exists, and ignores a logo that is not an image data URL', () => {
    expect(letterDocumentOptions(undefined, 'en', 'western').letterhead).toBeUndefined();
    expect(logoImage('data:text/html;base64,PGI+')).toBeUndefined();
    expect(logoImage('')).toBeUndefined();
  });
});
