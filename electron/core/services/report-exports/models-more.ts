// The people, court and client-statement reports as the neutral export model (money columns one per currency).
import type { ClientStatement, CourtReport, PerformanceReport } from '../../../contract/procedures/reports';
import type { Cell, ReportColumn, ReportSection } from '../../exports/model';
import { currencyOf, emptySection, emptyText } from './models';
import type { Words } from './words';

export function performanceSections(W: Words, r: PerformanceReport): ReportSection[] {
  const c = W.w.r.col;
  if (r.rows.length === 0) return [emptySection(W, W.w.r.titles.performance, r.empty, r.scope)];
  const currencies = [...new Set([...r.currencies, ...r.rows.flatMap((x) => x.collected.map((m) => m.currency))])].sort();
  const columns: ReportColumn[] = [
    { header: c.person, type: 'text', width: 2.6 },
    { header: c.role, type: 'text', width: 1.4 },
    { header: c.contacts, type: 'int' },
    { header: c.promises_made, type: 'int' },
    { header: c.promises_kept, type: 'int' },
    { header: c.letters_sent, type: 'int' },
    { header: c.cases_advanced, type: 'int' },
    ...currencies.map((cur) => ({ header: W.fill(c.collected_in, { currency: cur }), type: 'money' as const, currency: currencyOf(cur), width: 2 })),
  ];
  const rows: Cell[][] = r.rows.map((x) => [
    x.userId === null ? W.w.r.no_person : x.name,
    x.role ? W.label(W.w.roles, x.role) : '',
    x.contacts,
    x.promisesMade,
    x.promisesKept,
    x.lettersSent,
    x.casesAdvanced,
    ...currencies.map((cur) => x.collected.find((m) => m.currency === cur)?.minor ?? 0),
  ]);
  return [
    {
      title: W.w.r.titles.performance,
      notes: [W.w.r.notes.performance],
      charts: [{ kind: 'bars', title: W.w.r.charts.performance, items: r.rows.slice(0, 15).map((x) => ({ label: x.userId === null ? W.w.r.no_person : x.name, value: x.contacts, display: W.num(x.contacts) })) }],
      tables: [{ columns, rows, totalsLabel: W.w.r.total }],
    },
  ];
}

export function courtSections(W: Words, r: CourtReport): ReportSection[] {
  const c = W.w.r.col;
  const hearingTypes = W.w.calendar.hearings.type as Record<string, string>;
  const deadlines = W.w.calendar.calendar.deadline as Record<string, string>;
  const currencies = [...new Set([...r.currencies, ...r.byCourt.flatMap((x) => x.outstanding.map((m) => m.currency))])].sort();
  const courtName = (court: string): string => (court === '' ? W.w.r.no_court : court);
  const none = emptyText(W, r.empty, r.scope);
  return [
    {
      title: W.w.r.sections.hearings,
      notes: [W.w.r.notes.court],
      tables: [
        {
          columns: [
            { header: c.date, type: 'date' },
            { header: c.time, type: 'text', width: 1 },
            { header: c.reference, type: 'text', width: 2 },
            { header: c.debtor, type: 'text', width: 2.6 },
            { header: c.client, type: 'text', width: 2.4 },
            { header: c.court, type: 'text', width: 2.4 },
            { header: c.circuit, type: 'text', width: 1.6 },
            { header: c.type, type: 'text', width: 1.6 },
          ],
          rows: r.hearings.map((h) => [h.onDate, h.atTime ?? '', h.reference, h.debtorName, h.clientName, h.court, h.circuit, W.label(hearingTypes, h.type)]),
          emptyText: none,
        },
      ],
    },
    {
      title: W.w.r.sections.deadlines,
      tables: [
        {
          columns: [
            { header: c.due_on, type: 'date' },
            { header: c.deadline, type: 'text', width: 3.4 },
            { header: c.reference, type: 'text', width: 2 },
            { header: c.debtor, type: 'text', width: 2.6 },
            { header: c.client, type: 'text', width: 2.4 },
          ],
          rows: r.deadlines.map((d) => [d.dueOn, W.label(deadlines, d.code), d.reference ?? '', d.debtorName ?? '', d.clientName ?? '']),
          emptyText: none,
        },
      ],
    },
    {
      title: W.w.r.sections.by_court,
      charts: [
        {
          kind: 'bars',
          title: W.w.r.charts.court,
          items: r.byCourt.slice(0, 15).map((x) => ({ label: courtName(x.court), value: x.litigation + x.enforcement, display: W.num(x.litigation + x.enforcement) })),
        },
      ],
      tables: [
        {
          columns: [
            { header: c.court, type: 'text', width: 3 },
            { header: c.litigation, type: 'int' },
            { header: c.enforcement, type: 'int' },
            ...currencies.map((cur) => ({ header: W.fill(c.outstanding_in, { currency: cur }), type: 'money' as const, currency: currencyOf(cur), width: 2 })),
          ],
          rows: r.byCourt.map((x) => [courtName(x.court), x.litigation, x.enforcement, ...currencies.map((cur) => x.outstanding.find((m) => m.currency === cur)?.minor ?? 0)]),
          totalsLabel: W.w.r.total,
          emptyText: none,
        },
      ],
    },
  ];
}

export function statementSections(W: Words, r: ClientStatement): ReportSection[] {
  const c = W.w.r.col;
  const sum = W.w.r.summary;
  const stages = W.w.cases.stages as Record<string, string>;
  const methods = W.w.payments.methods as Record<string, string>;
  const receivers = W.w.payments.receivers as Record<string, string>;
  if (r.sections.length === 0) return [emptySection(W, W.w.r.titles.statement, r.empty, r.scope)];
  return r.sections.map((s) => {
    const currency = currencyOf(s.currency);
    return {
      title: W.fill(W.w.r.in_currency, { currency: W.label(W.w.cases.currencies, s.currency) }),
      notes: [W.w.r.notes.statement],
      charts: [
        {
          kind: 'funnel',
          title: W.w.r.charts.funnel,
          items: s.byStage.filter((x) => x.stage !== 'closed').map((x) => ({ label: W.label(stages, x.stage), value: x.cases, display: W.num(x.cases) })),
        },
      ],
      tables: [
        {
          title: W.w.r.sections.summary,
          currency,
          columns: [
            { header: c.item, type: 'text', width: 4 },
            { header: c.cases, type: 'int', total: false },
            { header: c.amount, type: 'money', total: false },
          ],
          rows: [
            [sum.placed, s.placedCases, s.placedMinor],
            [sum.collected, null, s.collectedMinor],
            [sum.fees_earned, null, s.feesEarnedMinor],
            [sum.remitted, null, s.remittedMinor],
            [sum.due, null, s.dueMinor],
            [sum.balance, s.stageTotal.cases, s.balanceMinor],
          ],
        },
        {
          title: W.w.r.sections.by_stage,
          currency,
          columns: [
            { header: c.stage, type: 'text', width: 3 },
            { header: c.cases, type: 'int' },
            { header: c.outstanding, type: 'money' },
          ],
          rows: s.byStage.map((x) => [W.label(stages, x.stage), x.cases, x.outstandingMinor]),
          totalsLabel: W.w.r.total,
        },
        {
          title: W.w.r.sections.payments,
          currency,
          columns: [
            { header: c.date, type: 'date' },
            { header: c.reference, type: 'text', width: 1.9 },
            { header: c.client_reference, type: 'text', width: 1.6 },
            { header: c.debtor, type: 'text', width: 2.6 },
            { header: c.amount, type: 'money', width: 1.9 },
            { header: c.method, type: 'text', width: 1.4 },
            { header: c.received_by, type: 'text', width: 1.4 },
            { header: c.receipt, type: 'text', width: 1.8 },
          ],
          rows: s.payments.map((p) => [
            p.onDate,
            p.reference,
            p.clientReference,
            p.debtorName,
            p.amountMinor,
            W.label(methods, p.method),
            W.label(receivers, p.receivedBy),
            p.receiptNumber ?? '',
          ]),
          totalsLabel: W.w.r.total,
          emptyText: W.w.r.empty.table,
        },
      ],
    };
  });
}

/** The statement's client as its title names it, in the document's language when the client has that name. */
export function statementClientName(W: Words, r: ClientStatement): string {
  return W.lang === 'en' && r.client.nameEn.trim() !== '' ? r.client.nameEn : r.client.nameAr;
}

