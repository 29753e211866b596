// The remittance statement PDF: the office's remittance_statement template (else the shipped default) on the
// letterhead, then the schedule of cases (case, debtor, collected, paid to the client, fee, net) with its totals.
import type { StatementCaseRow } from '../../../contract/procedures/ledger';
import type { DigitStyle } from '../../../domain/digits';
import { formatMinorUnits } from '../../../domain/format';
import type { LedgerFigures } from '../../../domain/ledger';
import { getCurrency, isCurrencyCode } from '../../../domain/money';
import { renderWithUse, type TemplateLang, type TemplateValues } from '../../../domain/template';
import type { Db } from '../../../../db/open';
import type { ClientRecord } from '../../../../db/queries/parties';
import { getOffice } from '../../../../db/queries/office';
import type { UserRecord } from '../../../../db/queries/users';
import { renderLetters, type ContentBuilder, type RichText, type TableColumn } from '../../pdf';
import { composeLetter, letterDocumentOptions } from '../../letters/compose';
import { templateBody } from '../../letters/produce';
import { clientValues, LetterSource, officeValues } from '../../letters/values';

export interface StatementFacts {
  number: string;
  today: string;
  lang: TemplateLang;
  digits: DigitStyle;
  currency: string;
  periodFrom: string;
  periodTo: string;
  figures: LedgerFigures;
  cases: readonly StatementCaseRow[];
  /** Who issues it (signs as the template's lawyer). */
  issuer: UserRecord | null;
}

const HEADERS: Record<TemplateLang, { title: string; case: string; debtor: string; collected: string; client: string; fee: string; net: string; total: string }> = {
  ar: {
    title: 'بيان الملفات',
    case: 'رقم الملف',
    debtor: 'المدين',
    collected: 'المحصل لدى المكتب',
    client: 'المسدد للعميل مباشرة',
    fee: 'الأتعاب',
    net: 'الصافي',
    total: 'الإجمالي',
  },
  en: {
    title: 'Schedule of cases',
    case: 'Case',
    debtor: 'Debtor',
    collected: 'Collected by the office',
    client: 'Paid to the client directly',
    fee: 'Fee',
    net: 'Net',
    total: 'Total',
  },
};

function statementValues(db: Db, client: ClientRecord, f: StatementFacts): TemplateValues {
  const source = new LetterSource(db);
  const office = source.getOffice();
  const en = f.lang === 'en';
  const money = (minor: number) => ({ minor, currency: f.currency });
  return {
    today: f.today,
    ...officeValues(office, en),
    ...clientValues(client, en),
    'letter.outgoingNumber': f.number,
    'letter.date': f.today,
    'letter.verifyCode': f.number,
    'lawyer.name': f.issuer?.displayName ?? '',
    'lawyer.licence': f.issuer?.licenceNumber ?? '',
    'lawyer.phone': f.issuer?.phone ?? '',
    'remittance.periodFrom': f.periodFrom,
    'remittance.periodTo': f.periodTo,
    'remittance.collected': money(f.figures.collectedMinor),
    'remittance.fee': money(f.figures.feeMinor),
    'remittance.net': money(f.figures.netMinor),
    'remittance.casesCount': f.cases.length,
  };
}

/** The schedule of cases: one row per case, the sums in the totals row (equal to the statement's figures). */
export function scheduleOfCases(doc: ContentBuilder, f: Pick<StatementFacts, 'lang' | 'digits' | 'currency' | 'cases' | 'figures'>): void {
  const h = HEADERS[f.lang];
  const decimals = isCurrencyCode(f.currency) ? getCurrency(f.currency).decimals : 2;
  const amount = (minor: number): RichText => [{ text: formatMinorUnits(minor, decimals, { lang: f.lang, digits: f.digits }), isolate: 'ltr' }];
  const hasDirect = f.cases.some((c) => c.clientReceivedMinor !== 0);
  const columns: TableColumn[] = [
    { header: h.case, width: 2.3 },
    { header: h.debtor, width: 3.2 },
    { header: `${h.collected} (${f.currency})`, width: 2, align: 'end' },
    ...(hasDirect ? [{ header: h.client, width: 2, align: 'end' as const }] : []),
    { header: h.fee, width: 1.7, align: 'end' },
    { header: h.net, width: 2, align: 'end' },
  ];
  const rows = f.cases.map((c): RichText[] => [
    [{ text: c.reference, isolate: 'ltr' }],
    c.debtorName,
    amount(c.collectedMinor),
    ...(hasDirect ? [amount(c.clientReceivedMinor)] : []),
    amount(c.feeMinor),
    amount(c.netMinor),
  ]);
  const totals: RichText[] = [
    h.total,
    '',
    amount(f.figures.collectedMinor),
    ...(hasDirect ? [amount(f.figures.clientReceivedMinor)] : []),
    amount(f.figures.feeMinor),
    amount(f.figures.netMinor),
  ];
  doc.heading(h.title, { level: 2 }).table(columns, rows, { size: 8.5, totals });
}

/** The statement as one PDF: the letter from the template, then the schedule of cases. */
export async function renderStatement(db: Db, client: ClientRecord, f: StatementFacts): Promise<Uint8Array> {
  const values = statementValues(db, client, f);
  const { blocks } = renderWithUse(templateBody(db, 'remittance_statement', f.lang), values, { lang: f.lang, digits: f.digits });
  const letter = composeLetter(blocks);
  const merged = await renderLetters(letterDocumentOptions(getOffice(db), f.lang, f.digits), [
    (doc) => {
      letter(doc);
      scheduleOfCases(doc, f);
    },
  ]);
  return merged.pdf;
}
