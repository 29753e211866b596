// Words letters print for coded values (the UI's own labels live in locales/; letters are documents, not UI).
import type { TemplateLang } from '../../domain/template';

const INSTRUMENTS: Record<string, { ar: string; en: string }> = {
  invoice: { ar: 'فاتورة', en: 'invoice' },
  contract: { ar: 'عقد', en: 'contract' },
  loan: { ar: 'عقد قرض', en: 'loan agreement' },
  cheque: { ar: 'شيك', en: 'cheque' },
  promissory_note: { ar: 'سند لأمر', en: 'promissory note' },
  judgment: { ar: 'حكم', en: 'judgment' },
  notarised_contract: { ar: 'عقد موثق', en: 'notarised contract' },
  settlement_minute: { ar: 'محضر صلح', en: 'settlement minute' },
};

export function instrumentLabel(type: string, lang: TemplateLang): string {
  return INSTRUMENTS[type]?.[lang] ?? type;
}

/** «سند لأمر رقم 123» / "promissory note no. 123" — the instrument as a letter names it. */
export function instrumentDescription(type: string, number: string, lang: TemplateLang): string {
  const label = instrumentLabel(type, lang);
  if (number.trim() === '') return label;
  return lang === 'ar' ? `${label} رقم ${number}` : `${label} no. ${number}`;
}

export function frequencyLabel(f: 'weekly' | 'monthly', lang: TemplateLang): string {
  if (lang === 'ar') return f === 'weekly' ? 'أسبوعي' : 'شهري';
  return f;
}
