// Receipts: numbered in the posting's transaction, rendered right after it commits from the stored payment (the
// balance as of that payment, the day it was posted, its language), stored in a second small write; rendered again on
// demand if the app stopped in between. The user does not wait for the PDF to post.
import type { PaymentMethod } from '../../../contract/procedures/payments';
import { localDateTime } from '../../../domain/dates';
import type { TemplateLang, TemplateValues } from '../../../domain/template';
import { renderWithUse } from '../../../domain/template';
import { createCtx, type Ctx } from '../../api/context';
import { CoreError } from '../../errors';
import { getCase } from '../../../../db/queries/cases';
import { putBlob } from '../../../../db/queries/documents';
import { getOffice } from '../../../../db/queries/office';
import { allocatedThrough, getPayment, setReceiptPdf, type PaymentRecord } from '../../../../db/queries/payments';
import { discountAt } from '../../../../db/queries/settlements';
import { renderLetters } from '../../pdf';
import { composeLetter, letterDocumentOptions } from '../../letters/compose';
import { templateBody } from '../../letters/produce';
import { caseLetterValues, LetterSource } from '../../letters/values';
import { loadLadder } from '../cases/facts';
import { sha256Hex } from '../documents/handlers';
import { letterDigits } from '../letters/rows';
import { claimOf } from './balance';

const METHOD_LABELS: Record<TemplateLang, Record<PaymentMethod, string>> = {
  ar: { bank_transfer: 'تحويل بنكي', cash: 'نقداً', cheque: 'شيك', sadad: 'سداد', mada: 'مدى', card: 'بطاقة ائتمانية' },
  en: { bank_transfer: 'Bank transfer', cash: 'Cash', cheque: 'Cheque', sadad: 'SADAD', mada: 'mada', card: 'Card' },
};

/** The receipt PDF of a stored payment from the office's `payment_receipt` template (else the shipped default). */
async function renderReceipt(ctx: Ctx, p: PaymentRecord & { receiptNumber: string }): Promise<Uint8Array> {
  const db = ctx.db();
  const k = getCase(db, p.caseId);
  if (!k) throw new CoreError('not_found', 'No such case');
  const lang = p.lang;
  const digits = letterDigits(ctx);
  // As of the payment: the day it was posted, and the balance right after it (its own and earlier rows, and the
  // discount of a settlement that stood then).
  const postedOn = localDateTime(p.createdAt).date;
  const claim = claimOf(k);
  const balanceAfterMinor =
    claim.costs + claim.fees + claim.principal + claim.lateCharges - allocatedThrough(db.$client, k.id, p.id) - discountAt(db.$client, k.id, p.createdAt);
  const facts = caseLetterValues(new LetterSource(db), k.id, {
    lang,
    today: postedOn,
    outgoingNumber: p.receiptNumber,
    verifyCode: p.receiptNumber,
    deadlineDays: null,
    inputs: { settlementAmountMinor: null, settlementDeadline: null, planCount: null, planFrequency: null, planFirstDate: null },
    ladder: loadLadder(db),
  });
  if (!facts) throw new CoreError('not_found', 'No such case');
  const money = (minor: number) => ({ minor, currency: k.currency });
  const values: TemplateValues = {
    ...facts.values,
    'case.balance': money(balanceAfterMinor),
    'payment.receiptNumber': p.receiptNumber,
    'payment.amount': money(p.amountMinor),
    'payment.date': p.onDate,
    'payment.method': METHOD_LABELS[lang][p.method as PaymentMethod],
    'payment.reference': p.reference,
    'payment.balanceAfter': money(balanceAfterMinor),
  };
  const { blocks } = renderWithUse(templateBody(db, 'payment_receipt', lang), values, { lang, digits });
  const merged = await renderLetters(letterDocumentOptions(getOffice(db), lang, digits), [composeLetter(blocks)]);
  return merged.pdf;
}

/** Renders in flight, by payment id: a receipt asked for while its render runs waits for it instead of rendering twice. */
const rendering = new Map<number, Promise<void>>();

/**
 * Render and store the receipt of a payment that has a number but no PDF yet (a no-op once stored). The store is an
 * audited write of its own; a read procedure (payments.receipt) completes a missing receipt through a write context.
 */
export function storeReceipt(ctx: Ctx, id: number): Promise<void> {
  const running = rendering.get(id);
  if (running) return running;
  const run = (async () => {
    const p = getPayment(ctx.db(), id);
    if (!p || p.receiptNumber === null || p.receiptSha256 !== null) return;
    const pdf = await renderReceipt(ctx, { ...p, receiptNumber: p.receiptNumber });
    const sha = sha256Hex(pdf);
    // Its own write context: the posting's has returned, and payments.receipt is a read.
    const writer = createCtx(ctx.core, ctx.procedure, ctx.session, ctx.user, 'write');
    const now = ctx.core.now().toISOString();
    writer.write((db) => {
      putBlob(db, sha, pdf, now);
      const stored = setReceiptPdf(db, id, sha);
      return { result: stored, audit: { entity: 'payment', entityId: String(id), after: { receiptNumber: p.receiptNumber, sha256: sha, stored } } };
    });
  })().finally(() => rendering.delete(id));
  rendering.set(id, run);
  return run;
}
