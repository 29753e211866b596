// Payments: post (allocated to the claim's components, numbered, with its receipt PDF, in one transaction), reverse
// (a new row with the negated amounts), the case's payments and balance, and the stored receipt.
import type { CaseBalanceRow, CasePayments, ComponentMinor, PaymentMethod, PaymentRow, PostedPayment } from '../../../contract/procedures/payments';
import { allocatePayment, balanceOf, reverseAllocation, type ComponentAmounts } from '../../../domain/allocation';
import { todayIso } from '../../../domain/dates';
import type { CaseStatus } from '../../../domain/ladder';
import type { TemplateLang, TemplateValues } from '../../../domain/template';
import { renderWithUse } from '../../../domain/template';
import type { Ctx, Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getCase, type CaseRecord } from '../../../../db/queries/cases';
import { getBlob, putBlob } from '../../../../db/queries/documents';
import { getOffice } from '../../../../db/queries/office';
import {
  addPaid,
  casePaymentRows,
  getPayment,
  insertPayment,
  nextReceipt,
  paymentTotals,
  peekReceipt,
  receiptNumber,
  reversalOf,
  setReceipt,
  type PaymentRecord,
} from '../../../../db/queries/payments';
import { userNames } from '../../../../db/queries/promises';
import { renderLetters } from '../../pdf';
import { composeLetter, letterDocumentOptions } from '../../letters/compose';
import { templateBody } from '../../letters/produce';
import { withRegisterLock } from '../../letters/register-lock';
import { caseLetterValues, LetterSource } from '../../letters/values';
import { loadLadder } from '../cases/facts';
import { sha256Hex } from '../documents/handlers';
import { letterDigits } from '../letters/rows';
import { refreshPromises } from '../promises/standing';

type PaymentHandlers = Pick<Handlers, 'payments.forCase' | 'payments.post' | 'payments.reverse' | 'payments.receipt'>;

const METHOD_LABELS: Record<TemplateLang, Record<PaymentMethod, string>> = {
  ar: { bank_transfer: 'تحويل بنكي', cash: 'نقداً', cheque: 'شيك', sadad: 'سداد', mada: 'مدى', card: 'بطاقة ائتمانية' },
  en: { bank_transfer: 'Bank transfer', cash: 'Cash', cheque: 'Cheque', sadad: 'SADAD', mada: 'mada', card: 'Card' },
};

function requireCase(db: Db, id: number): CaseRecord {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  return k;
}

function invalid(path: string, message: string): CoreError {
  return new CoreError('input.invalid', 'The payment is not valid', [{ path, code: 'custom', message }]);
}

/** The claim's components as stored on the case (late charges are not charged by default). */
function claimOf(k: CaseRecord): ComponentAmounts {
  return { costs: k.costsMinor, fees: k.feesMinor, principal: k.principalMinor, lateCharges: 0 };
}

/** The case's balance from its claim and the sums of every payment row (reversals negative). */
export function caseBalance(db: Db, k: CaseRecord): CaseBalanceRow {
  const t = paymentTotals(db.$client, k.id);
  const allocated: ComponentMinor = { costs: t.costs, fees: t.fees, principal: t.principal, lateCharges: t.lateCharges };
  const b = balanceOf(claimOf(k), [allocated], []);
  return {
    currency: k.currency,
    claim: claimOf(k),
    allocated,
    outstanding: b.byComponent,
    claimMinor: b.claimMinor,
    allocatedMinor: b.allocatedMinor,
    creditMinor: t.credit,
    paidMinor: b.allocatedMinor + t.credit,
    balanceMinor: b.outstandingMinor,
  };
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
    hasReceipt: p.receiptSha256 !== null,
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

interface ReceiptFacts {
  number: string;
  amountMinor: number;
  onDate: string;
  method: PaymentMethod;
  reference: string;
  balanceAfterMinor: number;
}

/** The receipt PDF from the office's `payment_receipt` template (else the shipped default). */
async function renderReceipt(ctx: Ctx, k: CaseRecord, lang: TemplateLang, r: ReceiptFacts): Promise<Uint8Array> {
  const db = ctx.db();
  const digits = letterDigits(ctx);
  const date = todayIso(ctx.core.now());
  const facts = caseLetterValues(new LetterSource(db), k.id, {
    lang,
    today: date,
    outgoingNumber: r.number,
    verifyCode: r.number,
    deadlineDays: null,
    inputs: { settlementAmountMinor: null, settlementDeadline: null, planCount: null, planFrequency: null, planFirstDate: null },
    ladder: loadLadder(db),
  });
  if (!facts) throw new CoreError('not_found', 'No such case');
  const money = (minor: number) => ({ minor, currency: k.currency });
  const values: TemplateValues = {
    ...facts.values,
    'case.balance': money(r.balanceAfterMinor),
    'payment.receiptNumber': r.number,
    'payment.amount': money(r.amountMinor),
    'payment.date': r.onDate,
    'payment.method': METHOD_LABELS[lang][r.method],
    'payment.reference': r.reference,
    'payment.balanceAfter': money(r.balanceAfterMinor),
  };
  const { blocks } = renderWithUse(templateBody(db, 'payment_receipt', lang), values, { lang, digits });
  const merged = await renderLetters(letterDocumentOptions(getOffice(db), lang, digits), [composeLetter(blocks)]);
  return merged.pdf;
}

function posted(db: Db, k: CaseRecord, id: number): PostedPayment {
  const balance = caseBalance(db, requireCase(db, k.id));
  return { payment: paymentRow(db, id), balance, settled: balance.balanceMinor === 0 };
}

export const paymentHandlers: PaymentHandlers = {
  'payments.forCase': (ctx, input) => {
    const db = ctx.db();
    const k = requireCase(db, input.caseId);
    const result: CasePayments = { rows: caseRows(db, k.id), balance: caseBalance(db, k), openedOn: k.openedOn, status: k.status as CaseStatus };
    return result;
  },

  'payments.post': async (ctx, input) => {
    const db = ctx.db();
    const k = requireCase(db, input.caseId);
    const date = todayIso(ctx.core.now());
    if (input.onDate > date) throw invalid('onDate', 'validation.payment_future');
    if (input.onDate < k.openedOn) throw invalid('onDate', 'validation.payment_before_opened');
    if (input.currency !== k.currency) throw new CoreError('payments.currency', 'The payment is not in the case currency', { caseCurrency: k.currency });
    if (input.amountMinor <= 0) throw invalid('amountMinor', 'validation.amount_positive');
    const year = Number(input.onDate.slice(0, 4));
    const sqlite = db.$client;

    return withRegisterLock(async () => {
      // Under the lock nothing else posts: the balance read here is the balance the write sees.
      const before = caseBalance(db, requireCase(db, k.id));
      const alloc = allocatePayment({
        amountMinor: input.amountMinor,
        components: before.outstanding,
        ...(input.allocation ? { manual: input.allocation } : {}),
      });
      if (alloc.problems.length > 0) throw new CoreError('payments.manual_allocation', 'The manual split does not stand', alloc.problems);
      if (alloc.creditMinor > 0 && !input.holdCredit) {
        throw new CoreError('payments.overpayment', 'More than the balance', { balanceMinor: before.balanceMinor, creditMinor: alloc.creditMinor });
      }
      const allocatedMinor = input.amountMinor - alloc.creditMinor;
      const balanceAfterMinor = before.balanceMinor - allocatedMinor;
      const number = receiptNumber(year, peekReceipt(sqlite, year));
      const pdf = await renderReceipt(ctx, k, input.lang, {
        number,
        amountMinor: input.amountMinor,
        onDate: input.onDate,
        method: input.method,
        reference: input.reference,
        balanceAfterMinor,
      });
      const sha = sha256Hex(pdf);
      const now = ctx.core.now().toISOString();
      return ctx.write((wdb) => {
        const taken = nextReceipt(wdb, year);
        if (taken.number !== number) throw new Error(`receipt number moved: printed ${number}, counter gave ${taken.number}`);
        putBlob(wdb, sha, pdf, now);
        const p = insertPayment(wdb, {
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
          notes: input.notes,
          createdBy: ctx.user?.id ?? null,
          createdAt: now,
        });
        setReceipt(wdb, p.id, number, sha);
        addPaid(wdb, k.id, allocatedMinor, now);
        const promises = refreshPromises(wdb, k.id, date);
        return {
          result: posted(wdb, k, p.id),
          audit: {
            entity: 'payment',
            entityId: String(p.id),
            after: { caseId: k.id, amountMinor: input.amountMinor, allocated: alloc.allocated, creditMinor: alloc.creditMinor, receiptNumber: number, sha256: sha, promises },
          },
        };
      });
    });
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
      const promises = refreshPromises(db, p.caseId, date);
      return {
        result: posted(db, k, r.id),
        audit: { entity: 'payment', entityId: String(r.id), after: { caseId: p.caseId, reverses: p.id, reason: input.reason, amountMinor: r.amountMinor, promises } },
      };
    });
  },

  'payments.receipt': (ctx, input) => {
    const db = ctx.db();
    const p = getPayment(db, input.id);
    if (!p) throw new CoreError('not_found', 'No such payment');
    if (p.receiptSha256 === null || p.receiptNumber === null) throw new CoreError('not_found', 'This entry has no receipt');
    const bytes = getBlob(db, p.receiptSha256);
    if (!bytes) throw new CoreError('internal', 'The stored receipt is missing');
    return { fileName: `${p.receiptNumber}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
  },
};
