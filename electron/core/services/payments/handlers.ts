// Payments: post (allocated to the claim's components in the client's order or split by hand, numbered, in one
// transaction with the paid amount, the settlement's and the promises' standing; the receipt PDF renders right after the
// commit), reverse (a new row with the negated amounts), the case's payments and balance, and the stored receipt.
import type { CasePayments, PaymentMethod, PaymentRow, PostedPayment } from '../../../contract/procedures/payments';
import { allocatePayment, reverseAllocation } from '../../../domain/allocation';
import { todayIso } from '../../../domain/dates';
import type { CaseStatus } from '../../../domain/ladder';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getCase, type CaseRecord } from '../../../../db/queries/cases';
import { getBlob } from '../../../../db/queries/documents';
import { addPaid, casePaymentRows, getPayment, insertPayment, nextReceipt, reversalOf, type PaymentRecord } from '../../../../db/queries/payments';
import { standingSettlement } from '../../../../db/queries/settlements';
import { userNames } from '../../../../db/queries/promises';
import { refreshPromises } from '../promises/standing';
import { refreshPlan } from '../plans/standing';
import { refreshSettlement } from '../settlements/standing';
import { allocationOrderOf, caseBalance, isCaseClosed } from './balance';
import { storeReceipt } from './receipts';

export { caseBalance } from './balance';

type PaymentHandlers = Pick<Handlers, 'payments.forCase' | 'payments.post' | 'payments.reverse' | 'payments.receipt'>;

function requireCase(db: Db, id: number): CaseRecord {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  return k;
}

function invalid(path: string, message: string): CoreError {
  return new CoreError('input.invalid', 'The payment is not valid', [{ path, code: 'custom', message }]);
}

function refuseClosed(k: CaseRecord): void {
  if (isCaseClosed(k)) throw new CoreError('payments.case_closed', 'The case is closed: reopen it first', { status: k.status, stage: k.stage });
}

function toRow(p: PaymentRecord, reversedById: number | null, createdByName: string): PaymentRow {
  return {
    id: p.id,
    caseId: p.caseId,
    onDate: p.onDate,
    amountMinor: p.amountMinor,
    currency: p.currency,
    method: p.method as PaymentMethod,
    chequeNumber: p.chequeNumber,
    chequeBank: p.chequeBank,
    reference: p.reference,
    receivedBy: p.receivedBy,
    allocated: { costs: p.allocCostsMinor, fees: p.allocFeesMinor, principal: p.allocPrincipalMinor, lateCharges: p.allocLateMinor },
    creditMinor: p.creditMinor,
    manualAllocation: p.manualAllocation,
    reversesId: p.reversesId,
    reversedById,
    reversalReason: p.reversalReason,
    receiptNumber: p.receiptNumber,
    // A numbered receipt is there to open: its PDF is rendered on demand if it is not stored yet.
    hasReceipt: p.receiptNumber !== null,
    notes: p.notes,
    createdByName,
    createdAt: p.createdAt,
  };
}

function paymentRow(db: Db, id: number): PaymentRow {
  const p = getPayment(db, id);
  if (!p) throw new CoreError('not_found', 'No such payment');
  const names = userNames(db, [p.createdBy]);
  return toRow(p, reversalOf(db, id)?.id ?? null, names.get(p.createdBy ?? '') ?? '');
}

/** Newest payment first, each reversal right after the payment it reverses. */
function caseRows(db: Db, caseId: number): PaymentRow[] {
  const all = casePaymentRows(db, caseId);
  const names = userNames(db, all.map((p) => p.createdBy));
  const reversals = new Map(all.filter((p) => p.reversesId !== null).map((p) => [p.reversesId as number, p]));
  const out: PaymentRow[] = [];
  for (const p of [...all].reverse()) {
    if (p.reversesId !== null) continue;
    const r = reversals.get(p.id);
    out.push(toRow(p, r?.id ?? null, names.get(p.createdBy ?? '') ?? ''));
    if (r) out.push(toRow(r, null, names.get(r.createdBy ?? '') ?? ''));
  }
  return out;
}

function posted(db: Db, caseId: number, id: number): PostedPayment {
  const balance = caseBalance(db, requireCase(db, caseId));
  const settled = balance.balanceMinor === 0;
  const closeAs = settled ? (standingSettlement(db, caseId)?.state === 'paid' ? 'settled' : 'closed_paid') : null;
  return { payment: paymentRow(db, id), balance, settled, closeAs };
}

export const paymentHandlers: PaymentHandlers = {
  'payments.forCase': (ctx, input) => {
    const db = ctx.db();
    const k = requireCase(db, input.caseId);
    const result: CasePayments = { rows: caseRows(db, k.id), balance: caseBalance(db, k), openedOn: k.openedOn, status: k.status as CaseStatus };
    return result;
  },

  'payments.post': (ctx, input) => {
    const date = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    const year = Number(input.onDate.slice(0, 4));
    // One synchronous transaction: the balance read here is the balance the write sees, and the receipt's number is
    // taken with the row (gapless). The PDF is not in it: it renders from the stored payment once this commits.
    const result = ctx.write((db) => {
      const k = requireCase(db, input.caseId);
      refuseClosed(k);
      if (input.onDate > date) throw invalid('onDate', 'validation.payment_future');
      if (input.onDate < k.openedOn) throw invalid('onDate', 'validation.payment_before_opened');
      if (input.currency !== k.currency) throw new CoreError('payments.currency', 'The payment is not in the case currency', { caseCurrency: k.currency });
      if (input.amountMinor <= 0) throw invalid('amountMinor', 'validation.amount_positive');
      const before = caseBalance(db, k);
      const alloc = allocatePayment({
        amountMinor: input.amountMinor,
        components: before.outstanding,
        order: allocationOrderOf(db, k),
        ...(input.allocation ? { manual: input.allocation } : {}),
      });
      if (alloc.problems.length > 0) throw new CoreError('payments.manual_allocation', 'The manual split does not stand', alloc.problems);
      if (alloc.creditMinor > 0 && !input.holdCredit) {
        throw new CoreError('payments.overpayment', 'More than the balance', { balanceMinor: before.balanceMinor, creditMinor: alloc.creditMinor });
      }
      const allocatedMinor = input.amountMinor - alloc.creditMinor;
      const receipt = nextReceipt(db, year);
      const p = insertPayment(db, {
        caseId: k.id,
        onDate: input.onDate,
        amountMinor: input.amountMinor,
        currency: input.currency,
        method: input.method,
        chequeNumber: input.method === 'cheque' ? input.chequeNumber : '',
        chequeBank: input.method === 'cheque' ? input.chequeBank : '',
        reference: input.reference,
        receivedBy: input.receivedBy,
        allocCostsMinor: alloc.allocated.costs,
        allocFeesMinor: alloc.allocated.fees,
        allocPrincipalMinor: alloc.allocated.principal,
        allocLateMinor: alloc.allocated.lateCharges,
        creditMinor: alloc.creditMinor,
        manualAllocation: input.allocation !== null,
        receiptNumber: receipt.number,
        lang: input.lang,
        notes: input.notes,
        createdBy: ctx.user?.id ?? null,
        createdAt: now,
      });
      addPaid(db, k.id, allocatedMinor, now);
      const settlement = refreshSettlement(db, k.id, date, now);
      const promises = refreshPromises(db, k.id, date);
      const plan = refreshPlan(db, k.id, date, now);
      return {
        result: posted(db, k.id, p.id),
        audit: {
          entity: 'payment',
          entityId: String(p.id),
          after: { caseId: k.id, amountMinor: input.amountMinor, allocated: alloc.allocated, creditMinor: alloc.creditMinor, receiptNumber: receipt.number, lang: input.lang, promises, settlement, plan },
        },
      };
    });
    // After the answer: started at once, the render's synchronous part (values, layout) would run before the post returns.
    // Not awaited: a failed or interrupted render leaves the receipt to payments.receipt, which renders it again.
    setImmediate(() => {
      storeReceipt(ctx, result.payment.id).catch(() => undefined);
    });
    return result;
  },

  'payments.reverse': (ctx, input) => {
    const date = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const p = getPayment(db, input.id);
      if (!p) throw new CoreError('not_found', 'No such payment');
      if (p.reversesId !== null) throw new CoreError('payments.not_reversible', 'A reversal is not reversed');
      if (reversalOf(db, p.id)) throw new CoreError('payments.already_reversed', 'Already reversed');
      if (input.onDate > date) throw invalid('onDate', 'validation.payment_future');
      if (input.onDate < p.onDate) throw invalid('onDate', 'validation.reversal_before_payment');
      const k = requireCase(db, p.caseId);
      refuseClosed(k);
      const back = reverseAllocation({ costs: p.allocCostsMinor, fees: p.allocFeesMinor, principal: p.allocPrincipalMinor, lateCharges: p.allocLateMinor });
      const r = insertPayment(db, {
        caseId: p.caseId,
        onDate: input.onDate,
        amountMinor: 0 - p.amountMinor,
        currency: p.currency,
        method: p.method,
        chequeNumber: p.chequeNumber,
        chequeBank: p.chequeBank,
        reference: p.reference,
        receivedBy: p.receivedBy,
        allocCostsMinor: back.costs,
        allocFeesMinor: back.fees,
        allocPrincipalMinor: back.principal,
        allocLateMinor: back.lateCharges,
        creditMinor: 0 - p.creditMinor,
        manualAllocation: p.manualAllocation,
        reversesId: p.id,
        reversalReason: input.reason,
        notes: '',
        createdBy: ctx.user?.id ?? null,
        createdAt: now,
      });
      addPaid(db, p.caseId, 0 - (p.amountMinor - p.creditMinor), now);
      const settlement = refreshSettlement(db, p.caseId, date, now);
      const promises = refreshPromises(db, p.caseId, date);
      const plan = refreshPlan(db, p.caseId, date, now);
      return {
        result: posted(db, k.id, r.id),
        audit: { entity: 'payment', entityId: String(r.id), after: { caseId: p.caseId, reverses: p.id, reason: input.reason, amountMinor: r.amountMinor, promises, settlement, plan } },
      };
    });
  },

  'payments.receipt': async (ctx, input) => {
    const p = getPayment(ctx.db(), input.id);
    if (!p) throw new CoreError('not_found', 'No such payment');
    if (p.receiptNumber === null) throw new CoreError('not_found', 'This entry has no receipt');
    // Waits for a render in flight, or renders and stores a receipt the app did not get to store.
    if (p.receiptSha256 === null) await storeReceipt(ctx, p.id);
    const sha = getPayment(ctx.db(), p.id)?.receiptSha256 ?? null;
    const bytes = sha === null ? undefined : getBlob(ctx.db(), sha);
    if (!bytes) throw new CoreError('internal', 'The stored receipt is missing');
    return { fileName: `${p.receiptNumber}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
  },
};
