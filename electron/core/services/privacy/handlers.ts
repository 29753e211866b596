// Personal-data requests (PDPL): a debtor's or guarantor's data as a PDF report (the app's Arabic-correct PDF engine,
// through the neutral report model) plus the original files, in one ZIP. The act is audited; the data is not copied
// into the audit trail.
import { zipSync } from 'fflate';
import { formatGregorian } from '../../../domain/format';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import { letterDocumentOptions } from '../../letters/compose';
import type { Cell, ReportColumn, ReportDocumentModel, ReportSection } from '../../exports/model';
import { reportPdf } from '../../exports/pdf';
import { letterDigits } from '../letters/rows';
import { erasureHandlers } from './erasure';
import { getOffice } from '../../../../db/queries/office';
import { blobBytes, privacyData, type PrivacyData } from '../../../../db/queries/privacy';
import privacyAr from '../../../../locales/ar/privacy.json';
import privacyEn from '../../../../locales/en/privacy.json';
import casesAr from '../../../../locales/ar/cases.json';
import casesEn from '../../../../locales/en/cases.json';
import activityAr from '../../../../locales/ar/activity.json';
import activityEn from '../../../../locales/en/activity.json';
import paymentsAr from '../../../../locales/ar/payments.json';
import paymentsEn from '../../../../locales/en/payments.json';
import documentsAr from '../../../../locales/ar/documents.json';
import documentsEn from '../../../../locales/en/documents.json';
import lettersAr from '../../../../locales/ar/letters.json';
import lettersEn from '../../../../locales/en/letters.json';
import templatesAr from '../../../../locales/ar/templates.json';
import templatesEn from '../../../../locales/en/templates.json';
import promisesAr from '../../../../locales/ar/promises.json';
import promisesEn from '../../../../locales/en/promises.json';

type PrivacyHandlers = Pick<Handlers, 'privacy.export' | 'privacy.due' | 'privacy.erasePreview' | 'privacy.erase'>;
type Lang = 'ar' | 'en';

const WORDS = {
  ar: {
    p: privacyAr.privacy,
    cases: casesAr,
    activity: activityAr.activity,
    payments: paymentsAr.payments,
    docTypes: documentsAr.documents.types,
    letterStates: lettersAr.letters.states,
    letterKinds: templatesAr.templates.kinds,
    promiseStates: promisesAr.promises.states,
  },
  en: {
    p: privacyEn.privacy,
    cases: casesEn,
    activity: activityEn.activity,
    payments: paymentsEn.payments,
    docTypes: documentsEn.documents.types,
    letterStates: lettersEn.letters.states,
    letterKinds: templatesEn.templates.kinds,
    promiseStates: promisesEn.promises.states,
  },
};

/** A coded value's label from a catalogue (a nested map of strings), or the code itself. */
function label(map: unknown, code: string | null | undefined): string {
  if (!code) return '';
  const v = (map as Record<string, unknown> | undefined)?.[code];
  return typeof v === 'string' ? v : code;
}

function listOf(json: string): string {
  try {
    const v = JSON.parse(json) as unknown;
    if (Array.isArray(v)) return v.map(String).join('، ');
    if (v && typeof v === 'object') return Object.values(v as Record<string, unknown>).filter((x) => typeof x === 'string' && x !== '').join('، ');
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  } catch {
    return json;
  }
}

/** The report as the neutral model: one section per kind of record, amounts per currency as integer minor units. */
export function privacyModel(data: PrivacyData, lang: Lang, digits: 'western' | 'arabic', now: string): ReportDocumentModel {
  const W = WORDS[lang];
  const p = W.p;
  const text = (header: string, width?: number): ReportColumn => ({ header, type: 'text', ...(width ? { width } : {}) });
  const date = (header: string): ReportColumn => ({ header, type: 'date' });
  const section = (title: string, columns: ReportColumn[], rows: Cell[][], currency?: string): ReportSection => ({
    title,
    tables: [{ columns, rows, emptyText: p.none, ...(currency ? { currency: currency as never } : {}) }],
  });
  const party = data.party;
  const fields: [string, string][] = [
    [p.f_kind, party.kind === 'company' ? p.kind_company : p.kind_person],
    [p.f_name, party.name],
    [p.f_name_en, party.nameEn],
    [p.f_national_id, party.nationalId],
    [p.f_cr, party.crNumber],
    [p.f_vat, party.vatNumber],
    [p.f_phones, listOf(party.phones)],
    [p.f_emails, listOf(party.emails)],
    [p.f_address, listOf(party.address)],
    [p.f_employer, party.employer],
    [p.f_notes, party.notes],
    [p.f_created, formatGregorian(party.createdAt.slice(0, 10), { lang, digits })],
    [p.f_updated, formatGregorian(party.updatedAt.slice(0, 10), { lang, digits })],
  ];
  // Money columns carry their currency per table: one table per currency, never summed across.
  const byCurrency = <T extends { currency: string }>(rows: T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.currency, [...(m.get(r.currency) ?? []), r]);
    return m;
  };
  const moneySection = <T extends { currency: string }>(title: string, columns: ReportColumn[], rows: T[], cells: (r: T) => Cell[]): ReportSection => {
    const groups = [...byCurrency(rows)];
    if (groups.length === 0) return section(title, columns, []);
    return { title, tables: groups.map(([currency, rs]) => ({ title: currency, currency: currency as never, columns, rows: rs.map(cells), emptyText: p.none })) };
  };
  const money = (header: string): ReportColumn => ({ header, type: 'money', total: false });
  return {
    lang,
    digits,
    title: p.report_title.replace('{{name}}', party.name),
    filters: [],
    generatedAt: now,
    sections: [
      {
        title: p.s_party,
        notes: [p.intro],
        tables: [{ columns: [text(p.field, 1), text(p.value, 3)], rows: fields.filter(([, v]) => v !== '').map(([k, v]) => [k, v]) }],
      },
      moneySection(
        p.s_cases,
        [text(p.c_case), text(p.c_role), text(p.c_client, 2), text(p.c_status), text(p.c_stage), money(p.c_claim), money(p.c_paid), date(p.c_opened)],
        data.cases,
        (c) => [c.reference, c.role === 'guarantor' ? p.role_guarantor : p.role_debtor, c.client, label(W.cases.statuses, c.status), label(W.cases.stages, c.stage), c.claimMinor, c.paidMinor, c.openedOn],
      ),
      section(
        p.s_log,
        [date(p.c_date), text(p.c_case), text(p.c_channel), text(p.c_outcome), text(p.c_contact), text(p.c_notes, 3)],
        data.log.map((l) => [l.occurredAt.slice(0, 10), l.caseReference, label(W.activity.channel, l.channel), label(W.activity.outcome, l.outcome), l.contactName, l.notes]),
      ),
      moneySection(
        p.s_payments,
        [date(p.c_date), text(p.c_case), money(p.c_amount), text(p.c_method), text(p.c_receipt)],
        data.payments,
        (r) => [r.onDate, r.caseReference, r.amountMinor, label((W.payments as Record<string, unknown>).methods, r.method), r.receiptNumber ?? ''],
      ),
      moneySection(p.s_promises, [date(p.c_due), text(p.c_case), money(p.c_amount), text(p.c_state)], data.promises, (r) => [r.dueOn, r.caseReference, r.amountMinor, label(W.promiseStates, r.state)]),
      section(
        p.s_letters,
        [date(p.c_date), text(p.c_case), text(p.c_number), text(p.c_kind), text(p.c_dispatch)],
        data.letters.map((l) => [l.letterDate, l.caseReference, l.number, label(W.letterKinds, l.kind), label(W.letterStates, l.dispatchState)]),
      ),
      section(
        p.s_documents,
        [date(p.c_date), text(p.c_case), text(p.c_type), text(p.c_file, 3), { header: p.c_size, type: 'int', total: false }],
        data.documents.map((d) => [d.createdAt.slice(0, 10), d.caseReference ?? '', label(W.docTypes, d.type), `documents/${d.id}-${d.fileName}`, d.size]),
      ),
    ],
  };
}

function safeName(name: string): string {
  return [...name].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').slice(0, 120);
}

export const privacyHandlers: PrivacyHandlers = {
  ...erasureHandlers,
  'privacy.export': async (ctx, input) => {
    const { sqlite } = ctx.open();
    const data = privacyData(sqlite, input.partyId);
    if (!data) throw new CoreError('not_found', 'No such debtor or guarantor');
    const digits = letterDigits(ctx);
    const now = ctx.core.now().toISOString();
    const pdf = await reportPdf(privacyModel(data, input.lang, digits, now), { document: letterDocumentOptions(getOffice(ctx.db()), input.lang, digits) });
    const entries: Record<string, Uint8Array> = { [`personal-data-${input.partyId}.pdf`]: pdf };
    let files = 0;
    for (const d of data.documents) {
      const bytes = blobBytes(sqlite, d.sha256);
      if (!bytes) continue;
      entries[`documents/${d.id}-${safeName(d.fileName)}`] = new Uint8Array(bytes);
      files++;
    }
    const zip = zipSync(entries, { level: 6 });
    const fileName = `personal-data-${input.partyId}-${now.slice(0, 10)}.zip`;
    ctx.write(() => ({
      result: null,
      audit: { entity: 'party', entityId: String(input.partyId), after: { personalDataExport: fileName, files, bytes: zip.length } },
    }));
    return { fileName, mime: 'application/zip', contentBase64: Buffer.from(zip).toString('base64'), files };
  },
};
