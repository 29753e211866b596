// Exports of the lists as on screen (same filters as the list procedures) to XLSX or CSV; each export is audited, since the
// copy leaves the encrypted store.
import type { ExportedFile, ExportFormat } from '../../../contract/procedures/imports';
import { MAX_EXPORT_ROWS } from '../../../contract/procedures/imports';
import type { Ctx, Handlers } from '../../api/context';
import { writeList, type ListCell, type ListColumn } from '../../exports/list';
import { listCases } from '../../../../db/queries/cases';
import { listParties } from '../../../../db/queries/parties';
import { listRegister } from '../../../../db/queries/letters';
import { iterateCommunications, iteratePayments } from '../../../../db/queries/exports';
import { searchIds } from '../../../../db/queries/search';
import { queryTerms } from '../search/index-text';
import casesAr from '../../../../locales/ar/cases.json';
import casesEn from '../../../../locales/en/cases.json';
import activityAr from '../../../../locales/ar/activity.json';
import activityEn from '../../../../locales/en/activity.json';
import paymentsAr from '../../../../locales/ar/payments.json';
import paymentsEn from '../../../../locales/en/payments.json';
import lettersAr from '../../../../locales/ar/letters.json';
import lettersEn from '../../../../locales/en/letters.json';
import templatesAr from '../../../../locales/ar/templates.json';
import templatesEn from '../../../../locales/en/templates.json';
import importsAr from '../../../../locales/ar/imports.json';
import importsEn from '../../../../locales/en/imports.json';

type Lang = 'ar' | 'en';
type ExportHandlers = Pick<Handlers, 'exports.cases' | 'exports.debtors' | 'exports.communications' | 'exports.payments' | 'exports.register'>;

const WORDS = {
  ar: { cases: casesAr, activity: activityAr.activity, payments: paymentsAr.payments, letters: lettersAr.letters, kinds: templatesAr.templates.kinds, x: importsAr.exports },
  en: { cases: casesEn, activity: activityEn.activity, payments: paymentsEn.payments, letters: lettersEn.letters, kinds: templatesEn.templates.kinds, x: importsEn.exports },
};

/** The label of a coded value, or the code itself when the catalogue has none. */
function label(map: Record<string, unknown>, code: string | null): string {
  if (code === null || code === '') return '';
  const v = map[code];
  return typeof v === 'string' ? v : code;
}

const PAGE = 5000;

/** Every page of a keyset-paged list, one after another, up to the export limit. */
function* pages<R>(fetch: (cursor: string | null) => { rows: R[]; nextCursor: string | null }): Generator<R> {
  let cursor: string | null = null;
  let n = 0;
  do {
    const page = fetch(cursor);
    for (const r of page.rows) {
      if (n++ >= MAX_EXPORT_ROWS) return;
      yield r;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
}

async function exported(
  ctx: Ctx,
  what: string,
  format: ExportFormat,
  lang: Lang,
  columns: ListColumn[],
  rows: Iterable<ListCell[]>,
  filter: unknown,
): Promise<ExportedFile> {
  const title = WORDS[lang].x.titles[what as keyof (typeof WORDS)['en']['x']['titles']];
  const out = await writeList({ title, rtl: lang === 'ar', columns, rows }, format);
  const date = ctx.core.now().toISOString().slice(0, 10);
  const fileName = `${what}-${date}.${format}`;
  ctx.write(() => ({ result: null, audit: { entity: 'export', entityId: null, after: { what, format, rows: out.rows, filter } } }));
  return { fileName, mime: out.mime, contentBase64: out.bytes.toString('base64'), rows: out.rows };
}

export const exportHandlers: ExportHandlers = {
  'exports.cases': (ctx, input) => {
    const { sqlite } = ctx.open();
    const w = WORDS[input.lang];
    const h = w.x.cases;
    const { query, ...filter } = input.filter;
    const ids = query ? searchIds(sqlite, 'case', queryTerms(query), 5000) : null;
    const columns: ListColumn[] = [
      { header: h.reference, type: 'text', width: 16 },
      { header: h.clientReference, type: 'text' },
      { header: h.client, type: 'text' },
      { header: h.debtor, type: 'text', width: 30 },
      { header: h.stage, type: 'text', width: 14 },
      { header: h.status, type: 'text', width: 14 },
      { header: h.instrument, type: 'text', width: 14 },
      { header: h.currency, type: 'text', width: 8 },
      { header: h.claim, type: 'money', currencyFrom: 7 },
      { header: h.paid, type: 'money', currencyFrom: 7 },
      { header: h.balance, type: 'money', currencyFrom: 7 },
      { header: h.openedOn, type: 'date' },
      { header: h.dueDate, type: 'date' },
      { header: h.nextActionOn, type: 'date' },
      { header: h.lawyer, type: 'text' },
    ];
    const rows = (function* (): Generator<ListCell[]> {
      for (const r of pages((cursor) => listCases(sqlite, { filter: { ...filter, ids }, sort: input.sort, dir: input.dir, cursor, limit: PAGE }))) {
        yield [
          r.reference,
          r.clientReference,
          r.clientName,
          r.debtorName,
          label(w.cases.stages, r.stage),
          label(w.cases.statuses, r.status),
          label(w.cases.instruments, r.instrumentType),
          r.currency,
          r.claimMinor,
          r.paidMinor,
          r.claimMinor - r.paidMinor - r.discountMinor,
          r.openedOn,
          r.dueDate,
          r.nextActionOn,
          r.lawyerName,
        ];
      }
    })();
    return exported(ctx, 'cases', input.format, input.lang, columns, rows, input.filter);
  },

  'exports.debtors': (ctx, input) => {
    const { sqlite } = ctx.open();
    const h = WORDS[input.lang].x.debtors;
    const ids = input.query ? searchIds(sqlite, 'party', queryTerms(input.query), 5000) : null;
    const columns: ListColumn[] = [
      { header: h.name, type: 'text', width: 30 },
      { header: h.kind, type: 'text', width: 10 },
      { header: h.nationalId, type: 'text', width: 14 },
      { header: h.crNumber, type: 'text', width: 14 },
      { header: h.phones, type: 'text', width: 30 },
      { header: h.city, type: 'text', width: 14 },
      { header: h.cases, type: 'int' },
    ];
    const rows = (function* (): Generator<ListCell[]> {
      for (const r of pages((cursor) => listParties(sqlite, { cursor, limit: PAGE, ids }))) {
        yield [r.name, label(h.kinds, r.kind), r.nationalId, r.crNumber, (JSON.parse(r.phones) as string[]).join(' / '), r.city, r.caseCount];
      }
    })();
    return exported(ctx, 'debtors', input.format, input.lang, columns, rows, { query: input.query });
  },

  'exports.communications': (ctx, input) => {
    const { sqlite } = ctx.open();
    const w = WORDS[input.lang];
    const h = w.x.communications;
    const columns: ListColumn[] = [
      { header: h.case, type: 'text', width: 16 },
      { header: h.debtor, type: 'text', width: 26 },
      { header: h.occurredAt, type: 'text', width: 18 },
      { header: h.channel, type: 'text', width: 10 },
      { header: h.direction, type: 'text', width: 10 },
      { header: h.with, type: 'text', width: 22 },
      { header: h.outcome, type: 'text', width: 16 },
      { header: h.notes, type: 'text', width: 40 },
      { header: h.followUpOn, type: 'date' },
      { header: h.by, type: 'text' },
      { header: h.corrects, type: 'int' },
    ];
    // Collected first: the statement's iterator holds the connection, and the audit entry is written after it.
    const rows: ListCell[][] = [];
    for (const r of iterateCommunications(sqlite, input.caseId, MAX_EXPORT_ROWS)) {
      rows.push([
        r.reference,
        r.debtorName,
        r.occurredAt.slice(0, 16).replace('T', ' '),
        label(w.activity.channel, r.channel),
        label(w.activity.direction, r.direction),
        r.partyName ?? r.contactName,
        label(w.activity.outcome, r.outcome),
        r.notes,
        r.followUpOn,
        r.userName,
        r.correctsId,
      ]);
    }
    return exported(ctx, 'communications', input.format, input.lang, columns, rows, { caseId: input.caseId });
  },

  'exports.payments': (ctx, input) => {
    const { sqlite } = ctx.open();
    const w = WORDS[input.lang];
    const h = w.x.payments;
    const columns: ListColumn[] = [
      { header: h.case, type: 'text', width: 16 },
      { header: h.debtor, type: 'text', width: 26 },
      { header: h.onDate, type: 'date' },
      { header: h.currency, type: 'text', width: 8 },
      { header: h.amount, type: 'money', currencyFrom: 3 },
      { header: h.method, type: 'text', width: 14 },
      { header: h.reference, type: 'text' },
      { header: h.cheque, type: 'text' },
      { header: h.receivedBy, type: 'text' },
      { header: h.costs, type: 'money', currencyFrom: 3 },
      { header: h.fees, type: 'money', currencyFrom: 3 },
      { header: h.principal, type: 'money', currencyFrom: 3 },
      { header: h.lateCharges, type: 'money', currencyFrom: 3 },
      { header: h.credit, type: 'money', currencyFrom: 3 },
      { header: h.receipt, type: 'text' },
      { header: h.reversal, type: 'text', width: 30 },
      { header: h.notes, type: 'text', width: 30 },
      { header: h.by, type: 'text' },
    ];
    const rows: ListCell[][] = [];
    for (const r of iteratePayments(sqlite, input.caseId, MAX_EXPORT_ROWS)) {
      rows.push([
        r.reference,
        r.debtorName,
        r.onDate,
        r.currency,
        r.amountMinor,
        label(w.payments.methods, r.method),
        r.paymentReference,
        [r.chequeNumber, r.chequeBank].filter(Boolean).join(' — '),
        label(w.payments.receivers, r.receivedBy),
        r.allocCostsMinor,
        r.allocFeesMinor,
        r.allocPrincipalMinor,
        r.allocLateMinor,
        r.creditMinor,
        r.receiptNumber,
        r.reversesId !== null ? `${h.reverses} #${r.reversesId}: ${r.reversalReason}` : '',
        r.notes,
        r.userName,
      ]);
    }
    return exported(ctx, 'payments', input.format, input.lang, columns, rows, { caseId: input.caseId });
  },

  'exports.register': (ctx, input) => {
    const { sqlite } = ctx.open();
    const w = WORDS[input.lang];
    const h = w.x.register;
    const columns: ListColumn[] = [
      { header: h.number, type: 'text', width: 16 },
      { header: h.date, type: 'date' },
      { header: h.kind, type: 'text', width: 16 },
      { header: h.case, type: 'text', width: 16 },
      { header: h.debtor, type: 'text', width: 26 },
      { header: h.client, type: 'text', width: 22 },
      { header: h.currency, type: 'text', width: 8 },
      { header: h.amount, type: 'money', currencyFrom: 6 },
      { header: h.deadline, type: 'date' },
      { header: h.state, type: 'text', width: 12 },
      { header: h.method, type: 'text', width: 14 },
      { header: h.by, type: 'text' },
    ];
    const rows = (function* (): Generator<ListCell[]> {
      for (const r of pages((cursor) => listRegister(sqlite, input.filter, cursor, PAGE))) {
        yield [
          r.number,
          r.letterDate,
          label(w.kinds, r.kind),
          r.caseReference,
          r.debtorName,
          r.clientName,
          r.currency,
          r.amountMinor,
          r.deadlineOn,
          r.voidedAt ? label(w.letters.states, 'voided') : label(w.letters.states, r.dispatchState),
          label(w.letters.methods, r.dispatchMethod ?? ''),
          r.createdByName,
        ];
      }
    })();
    return exported(ctx, 'register', input.format, input.lang, columns, rows, input.filter);
  },
};
