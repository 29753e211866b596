// A client's ledger figures from the raw rows: unremitted payment rows and stage fees with the office's fee on each,
// what standing remittances covered, and the checks a remittance period must pass.
import type { ClientLedger, LedgerCurrency, LedgerItemRow, RemittanceBlock, RemittancePreview, StatementCaseRow } from '../../../contract/procedures/ledger';
import { figuresOf, percentFee, type LedgerFigures } from '../../../domain/ledger';
import { addDays } from '../../../domain/dates';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getClient, type ClientRecord } from '../../../../db/queries/parties';
import {
  clientCaseCurrencies,
  collectedTotals,
  lastRemittance,
  listRemittances,
  remittedTotals,
  unremittedPayments,
  unremittedStages,
  unremittedSums,
} from '../../../../db/queries/ledger';

/** Fixed per-stage fees are agreed in SAR (the client's fee agreement). */
export const STAGE_FEE_CURRENCY = 'SAR';
const END_OF_TIME = '9999-12-31';
const ITEMS_SHOWN = 500;

export function requireClient(db: Db, id: number): ClientRecord {
  const c = getClient(db, id);
  if (!c) throw new CoreError('not_found', 'No such client');
  return c;
}

function stageFees(client: ClientRecord): Map<string, number> {
  let raw: unknown;
  try {
    raw = JSON.parse(client.feeFixedPerStage);
  } catch {
    return new Map();
  }
  const out = new Map<string, number>();
  if (raw && typeof raw === 'object') {
    for (const [stage, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) out.set(stage, v);
    }
  }
  return out;
}

/** Every unremitted item of the client in a currency dated up to `upTo`, each with the fee the office charges on it. */
export function unremittedItems(db: Db, client: ClientRecord, currency: string, upTo: string, limit = -1): LedgerItemRow[] {
  const sqlite = db.$client;
  const items: LedgerItemRow[] = unremittedPayments(sqlite, client.id, currency, upTo, limit).map((p) => ({
    kind: 'payment',
    caseId: p.caseId,
    reference: p.reference,
    debtorName: p.debtorName,
    onDate: p.onDate,
    paymentId: p.id,
    stage: null,
    amountMinor: p.amountMinor,
    receivedBy: p.receivedBy,
    // A reversal of a remitted payment takes back exactly the fee that remittance charged.
    feeMinor: p.originalFeeMinor !== null ? 0 - p.originalFeeMinor : percentFee(p.amountMinor, client.feePercentBp),
    reversal: p.reversesId !== null,
    receiptNumber: p.receiptNumber,
  }));
  if (currency === STAGE_FEE_CURRENCY) {
    const fees = stageFees(client);
    for (const s of unremittedStages(sqlite, client.id, [...fees.keys()], upTo)) {
      items.push({
        kind: 'stage_fee',
        caseId: s.caseId,
        reference: s.reference,
        debtorName: s.debtorName,
        onDate: s.onDate,
        paymentId: null,
        stage: s.stage,
        amountMinor: 0,
        receivedBy: null,
        feeMinor: fees.get(s.stage) ?? 0,
        reversal: false,
        receiptNumber: null,
      });
    }
    items.sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : 0));
  }
  return limit >= 0 ? items.slice(0, limit) : items;
}

interface UnremittedFigures {
  /** Items dated up to the period's end: the figures and the statement's cases. */
  period: { figures: LedgerFigures; cases: StatementCaseRow[]; items: number };
  /** Everything not yet remitted (its net is what the office holds for the client). */
  all: { figures: LedgerFigures; items: number };
}

/** The unremitted figures summed in SQL per case (the items themselves are only read to issue a remittance). */
export function unremittedFigures(db: Db, client: ClientRecord, currency: string, periodTo: string): UnremittedFigures {
  const sums = unremittedSums(db.$client, client.id, currency, client.feePercentBp, periodTo);
  const period: LedgerItemRow[] = [];
  const all: LedgerItemRow[] = [];
  let periodRows = 0;
  let allRows = 0;
  for (const g of sums) {
    // One pseudo-item per group: the sums of its rows (figuresOf and statementCases only add).
    const item: LedgerItemRow = {
      kind: 'payment',
      caseId: g.caseId,
      reference: g.reference,
      debtorName: g.debtorName,
      onDate: '',
      paymentId: null,
      stage: null,
      amountMinor: g.amountMinor,
      receivedBy: g.receivedBy,
      feeMinor: g.feeMinor,
      reversal: false,
      receiptNumber: null,
    };
    all.push(item);
    allRows += g.rows;
    if (g.inPeriod === 1) {
      period.push(item);
      periodRows += g.rows;
    }
  }
  if (currency === STAGE_FEE_CURRENCY) {
    const fees = stageFees(client);
    for (const st of unremittedStages(db.$client, client.id, [...fees.keys()], END_OF_TIME)) {
      const item: LedgerItemRow = { kind: 'stage_fee', caseId: st.caseId, reference: st.reference, debtorName: st.debtorName, onDate: st.onDate, paymentId: null, stage: st.stage, amountMinor: 0, receivedBy: null, feeMinor: fees.get(st.stage) ?? 0, reversal: false, receiptNumber: null };
      all.push(item);
      allRows++;
      if (st.onDate <= periodTo) {
        period.push(item);
        periodRows++;
      }
    }
  }
  return {
    period: { figures: figuresOf(period), cases: statementCases(period), items: periodRows },
    all: { figures: figuresOf(all), items: allRows },
  };
}

/** The currencies a client's ledger has: those of its cases, and SAR when its agreement charges fixed stage fees. */
function ledgerCurrencies(db: Db, client: ClientRecord): { currency: string; cases: number }[] {
  const list = clientCaseCurrencies(db.$client, client.id);
  if (list.length > 0 && stageFees(client).size > 0 && !list.some((c) => c.currency === STAGE_FEE_CURRENCY)) {
    list.unshift({ currency: STAGE_FEE_CURRENCY, cases: 0 });
  }
  return list;
}

export function currencyLedger(db: Db, client: ClientRecord, currency: string, cases: number): LedgerCurrency {
  const sqlite = db.$client;
  const figures = unremittedFigures(db, client, currency, END_OF_TIME).all;
  const unremitted = figures.figures;
  const items = unremittedItems(db, client, currency, END_OF_TIME, ITEMS_SHOWN);
  const r = remittedTotals(sqlite, client.id, currency);
  const remitted: LedgerFigures = {
    collectedMinor: r.collected,
    clientReceivedMinor: r.clientReceived,
    feePercentMinor: r.feePercent,
    feeStageMinor: r.feeStage,
    feeMinor: r.feePercent + r.feeStage,
    netMinor: r.net,
  };
  const all = collectedTotals(sqlite, client.id, currency);
  const feePercent = remitted.feePercentMinor + unremitted.feePercentMinor;
  const feeStage = remitted.feeStageMinor + unremitted.feeStageMinor;
  const fee = feePercent + feeStage;
  const last = lastRemittance(sqlite, client.id, currency);
  return {
    currency,
    cases,
    total: {
      collectedMinor: all.office,
      clientReceivedMinor: all.client,
      feePercentMinor: feePercent,
      feeStageMinor: feeStage,
      feeMinor: fee,
      netMinor: all.office - fee,
      remittedMinor: r.net,
      remittedPaidMinor: r.paidNet,
      dueMinor: all.office - fee - r.net,
    },
    remitted: { ...remitted, count: r.count },
    unremitted: { ...unremitted, items: figures.items },
    items,
    nextPeriodFrom: last ? addDays(last.periodTo, 1) : (items[0]?.onDate ?? null),
  };
}

export function clientLedger(db: Db, clientId: number): ClientLedger {
  const client = requireClient(db, clientId);
  return {
    clientId: client.id,
    clientName: client.nameAr,
    feePercentBp: client.feePercentBp,
    feeFixedPerStage: Object.fromEntries(stageFees(client)),
    currencies: ledgerCurrencies(db, client).map((c) => currencyLedger(db, client, c.currency, c.cases)),
    remittances: listRemittances(db.$client, { clientId: client.id, state: null, beforeId: null, limit: 200 }),
  };
}

function periodInvalid(path: string, message: string): CoreError {
  return new CoreError('input.invalid', 'The period is not valid', [{ path, code: 'custom', message }]);
}

export interface PeriodRequest {
  clientId: number;
  currency: string;
  periodFrom: string;
  periodTo: string;
}

/** Per case: collected, paid to the client, fee and net (the statement's table), in case reference order. */
export function statementCases(items: readonly LedgerItemRow[]): StatementCaseRow[] {
  const byCase = new Map<number, StatementCaseRow>();
  for (const it of items) {
    let row = byCase.get(it.caseId);
    if (!row) {
      row = { caseId: it.caseId, reference: it.reference, debtorName: it.debtorName, collectedMinor: 0, clientReceivedMinor: 0, feeMinor: 0, netMinor: 0 };
      byCase.set(it.caseId, row);
    }
    if (it.kind === 'payment' && it.receivedBy === 'client') row.clientReceivedMinor += it.amountMinor;
    else row.collectedMinor += it.amountMinor;
    row.feeMinor += it.feeMinor;
    row.netMinor = row.collectedMinor - row.feeMinor;
  }
  return [...byCase.values()].sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : a.caseId - b.caseId));
}

export interface RemittancePlan {
  client: ClientRecord;
  preview: RemittancePreview;
  /** Every item the remittance covers (read only when `withItems`: to issue it). */
  items: LedgerItemRow[];
}

/**
 * The items and figures of a remittance for a period, after the checks that make it a bad request (thrown); what
 * makes it impossible to issue (nothing, a net ≤ 0, more than the office holds) is `preview.blocked`.
 */
export function planRemittance(db: Db, req: PeriodRequest, today: string, withItems = false): RemittancePlan {
  if (req.periodTo > today) throw periodInvalid('periodTo', 'validation.period_future');
  if (req.periodFrom > req.periodTo) throw periodInvalid('periodTo', 'validation.period_order');
  const client = requireClient(db, req.clientId);
  const currencies = ledgerCurrencies(db, client);
  if (currencies.length === 0) throw new CoreError('remittances.no_cases', 'The client has no cases');
  const entry = currencies.find((c) => c.currency === req.currency);
  if (!entry) throw new CoreError('remittances.currency', 'The client has no cases in this currency', { currencies: currencies.map((c) => c.currency) });
  const last = lastRemittance(db.$client, client.id, req.currency);
  if (last && req.periodFrom <= last.periodTo) {
    throw new CoreError('remittances.period_overlap', 'The period starts before the last remittance ended', { lastPeriodTo: last.periodTo, nextFrom: addDays(last.periodTo, 1) });
  }
  // What the office holds for the client net of its fees is the net of everything unremitted (the ledger's due).
  const sums = unremittedFigures(db, client, req.currency, req.periodTo);
  const { figures, cases } = sums.period;
  const heldMinor = sums.all.figures.netMinor;
  const items = withItems ? unremittedItems(db, client, req.currency, req.periodTo) : [];
  if (withItems) {
    const check = figuresOf(items);
    if (items.length !== sums.period.items || check.netMinor !== figures.netMinor || check.feeMinor !== figures.feeMinor) {
      throw new Error('the remittance items do not add up to the figures');
    }
  }
  let blocked: RemittanceBlock | null = null;
  const details = { netMinor: figures.netMinor, heldMinor };
  if (sums.period.items === 0) blocked = { code: 'remittances.nothing', details };
  else if (figures.netMinor <= 0) blocked = { code: 'remittances.net_not_positive', details };
  else if (figures.netMinor > heldMinor) blocked = { code: 'remittances.exceeds_held', details };
  return {
    client,
    items,
    preview: {
      clientId: client.id,
      currency: req.currency,
      periodFrom: req.periodFrom,
      periodTo: req.periodTo,
      figures,
      heldMinor,
      cases,
      itemCount: sums.period.items,
      blocked,
    },
  };
}
