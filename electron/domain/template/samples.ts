// Realistic sample values for every field, for previewing a template before a case is chosen (and for tests).
import { addDays } from '../dates';
import type { FieldPath, FieldValue, MoneyValue, TemplateValues } from './fields';
import { TEMPLATE_KIND_INFO, type TemplateKind, type TemplateLang } from './kinds';

const sar = (minor: number): MoneyValue => ({ minor, currency: 'SAR' });

// Values that read the same in both languages: codes, dates, amounts.
function shared(today: string, deadlineDays: number): Partial<Record<FieldPath, FieldValue>> {
  return {
    today,
    'office.licence': '41/12345',
    'office.cr': '1010123456',
    'office.vat': '310123456700003',
    'office.phone': '+966 11 234 5678',
    'office.email': 'info@aamal-law.sa',
    'office.nameEn': 'Al-Aamal Law Firm & Legal Consultancy',
    'client.nameEn': 'Palm Finance Company',
    'client.isCompany': true,
    'client.cr': '1010456789',
    'client.vat': '300456789100003',
    'client.nationalId': '7001234567',
    'client.iban': 'SA03 8000 0000 6080 1016 7519',
    'client.phone': '+966 11 456 7890',
    'client.email': 'legal@palmfinance.sa',
    'client.poa.number': '448112233',
    'client.poa.date': '2025-09-01',
    'client.poa.expiresOn': '2026-09-01',
    'debtor.nameEn': 'Horizon Trading Co. Ltd',
    'debtor.isCompany': true,
    'debtor.nationalId': '7009876543',
    'debtor.cr': '1010987654',
    'debtor.vat': '300987654300003',
    'debtor.phone': '+966 55 123 4567',
    'debtor.email': 'accounts@horizon-trading.sa',
    'guarantor.exists': true,
    'guarantor.isCompany': false,
    'guarantor.nationalId': '1023456789',
    'guarantor.cr': '1010765432',
    'case.reference': 'TH-2026-000123',
    'case.clientReference': 'PF-LN-88213',
    'case.openedOn': '2026-01-20',
    'case.principal': sar(1_500_000),
    'case.costs': sar(25_050),
    'case.fees': sar(50_000),
    'case.claim': sar(1_575_050),
    'case.balance': sar(1_575_050),
    'case.currency': 'SAR',
    'case.dueDate': '2026-01-10',
    'case.najizNumber': '4470123456',
    'case.instrument.number': '123',
    'case.instrument.issueDate': '2025-10-12',
    'letter.outgoingNumber': 'OUT-2026-000457',
    'letter.date': today,
    'letter.deadlineDays': deadlineDays,
    'letter.deadlineDate': addDays(today, deadlineDays),
    'letter.attachmentsCount': 2,
    'letter.verifyCode': 'V7K-92QX',
    'lawyer.licence': '41/12345',
    'lawyer.phone': '+966 50 987 6543',
    'settlement.amount': sar(1_400_000),
    'settlement.discount': sar(175_050),
    'settlement.deadline': addDays(today, 10),
    'plan.total': sar(1_575_050),
    'plan.count': 5,
    'plan.instalment': sar(315_010),
    'plan.firstDate': '2026-04-01',
    'payment.receiptNumber': 'RC-2026-000087',
    'payment.amount': sar(500_000),
    'payment.date': today,
    'payment.reference': 'FT26074123456',
    'payment.balanceAfter': sar(1_075_050),
    'remittance.periodFrom': '2026-02-01',
    'remittance.periodTo': '2026-02-28',
    'remittance.collected': sar(8_450_000),
    'remittance.fee': sar(845_000),
    'remittance.net': sar(7_605_000),
    'remittance.casesCount': 14,
  };
}

const TEXT: Record<TemplateLang, Partial<Record<FieldPath, string>>> = {
  ar: {
    'office.name': 'مكتب الأعمال للمحاماة والاستشارات القانونية',
    'office.address': 'الرياض، حي العليا، طريق الملك فهد، مبنى 7421',
    'client.name': 'شركة النخيل للتمويل',
    'client.bank': 'مصرف الراجحي',
    'client.address': 'الرياض، حي الورود، شارع العروبة، مبنى 3120',
    'debtor.name': 'شركة الأفق للتجارة المحدودة',
    'debtor.address': 'الرياض 12345، حي الملز، شارع الأمير سلمان، مبنى 2841',
    'debtor.city': 'الرياض',
    'debtor.employer': 'شركة الخليج للمقاولات',
    'guarantor.name': 'فهد بن سعد القحطاني',
    'guarantor.address': 'الرياض، حي النرجس، شارع أبي بكر الصديق، مبنى 8812',
    'case.stage': 'إنذار',
    'case.court': 'المحكمة التجارية بالرياض',
    'case.circuit': 'الدائرة التجارية الثالثة',
    'case.instrument.type': 'سند لأمر',
    'case.instrument.description': 'السند لأمر رقم 123',
    'lawyer.name': 'أحمد بن عبدالله السبيعي',
    'plan.frequency': 'شهرياً',
    'payment.method': 'تحويل بنكي',
  },
  en: {
    'office.name': 'Al-Aamal Law Firm & Legal Consultancy',
    'office.address': 'Building 7421, King Fahd Road, Al Olaya, Riyadh 12214',
    'client.name': 'Palm Finance Company',
    'client.bank': 'Al Rajhi Bank',
    'client.address': 'Building 3120, Al Orouba Road, Al Wurud, Riyadh 12251',
    'debtor.name': 'Horizon Trading Co. Ltd',
    'debtor.address': 'Building 2841, Prince Salman Street, Al Malaz, Riyadh 12345',
    'debtor.city': 'Riyadh',
    'debtor.employer': 'Gulf Contracting Company',
    'guarantor.name': 'Fahd Saad Al-Qahtani',
    'guarantor.address': 'Building 8812, Abu Bakr Al Siddiq Road, Al Narjis, Riyadh 13327',
    'case.stage': 'Formal demand',
    'case.court': 'Commercial Court in Riyadh',
    'case.circuit': 'Third Commercial Circuit',
    'case.instrument.type': 'Promissory note',
    'case.instrument.description': 'promissory note no. 123',
    'lawyer.name': 'Ahmed Abdullah Al-Subaie',
    'plan.frequency': 'monthly',
    'payment.method': 'Bank transfer',
  },
};

/**
 * Sample values for every catalogue field in the letter's language. With a kind, the deadline is that
 * kind's default; `today` is fixed by default so previews and tests are stable.
 */
export function sampleValues(lang: TemplateLang, opts: { kind?: TemplateKind; today?: string } = {}): TemplateValues {
  const today = opts.today ?? '2026-03-15';
  const days = (opts.kind ? TEMPLATE_KIND_INFO[opts.kind].deadlineDays : null) ?? 15;
  return { ...shared(today, days), ...TEXT[lang] };
}
