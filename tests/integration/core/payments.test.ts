// Payments through the real router on a real encrypted office: allocated costs → fees → principal or split by hand,
// overpayment refused or held as credit, reversals beside the original, gapless receipt numbers with their PDFs,
// promises kept by a posted payment and broken again by its reversal, and who may post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { CasePayments, PostedPayment } from '../../../electron/contract/procedures/payments';
import type { CasePromises, PromiseRow } from '../../../electron/contract/procedures/promises';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';
import { normalize, pdfText, qpdfCheck, writePdf } from '../pdf/tools';

let t: TestCore;
let token: string;
let clientId: number;
let seq = 0;
const login = async (username: string): Promise<string> => (unwrap(await t.call('auth.login', { username, password: PASSWORD })) as { token: string }).token;
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const raw = (name: string, input: unknown, session = token) => t.call(name, input, session);
const setDay = (iso: string): void => {
  t.clock.now = new Date(`${iso}T09:00:00+03:00`);
};

/** A case of 10,000.00 principal, 500.00 costs and 1,000.00 fees (claim 11,500.00). */
async function newCase(currency = 'SAR'): Promise<CaseDetail> {
  seq++;
  const d = await call<{ id: number }>('parties.create', { kind: 'person', name: `سعد بن فهد العتيبي ${seq}`, nationalId: makeNationalId('1', String(30_000_000 + seq)) });
  return call<CaseDetail>('cases.create', {
    clientId,
    debtorIds: [d.id],
    instrumentType: 'invoice',
    principalMinor: 1_000_000,
    costsMinor: 50_000,
    feesMinor: 100_000,
    currency,
  });
}

const pay = (caseId: number, amountMinor: number, extra: Record<string, unknown> = {}) => ({
  caseId,
  onDate: '2026-11-22',
  amountMinor,
  currency: 'SAR',
  method: 'bank_transfer',
  reference: 'FT-778812',
  ...extra,
});

beforeAll(async () => {
  t = startCore();
  setDay('2026-11-22');
  token = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الراية للتمويل', crNumber: '1010123456' })).id;
});
afterAll(() => t.dispose());

describe('payments', () => {
  it('allocates costs, then fees, then principal; the balance is the sum of its parts and the case keeps what was paid', async () => {
    const k = await newCase();
    const first = await call<PostedPayment>('payments.post', pay(k.id, 120_000));
    expect(first.payment.allocated).toEqual({ costs: 50_000, fees: 70_000, principal: 0, lateCharges: 0 });
    expect(first.balance).toMatchObject({ claimMinor: 1_150_000, allocatedMinor: 120_000, creditMinor: 0, paidMinor: 120_000, balanceMinor: 1_030_000 });
    expect(first.balance.outstanding).toEqual({ costs: 0, fees: 30_000, principal: 1_000_000, lateCharges: 0 });
    expect(first.settled).toBe(false);
    const second = await call<PostedPayment>('payments.post', pay(k.id, 40_000, { method: 'cash' }));
    expect(second.payment.allocated).toEqual({ costs: 0, fees: 30_000, principal: 10_000, lateCharges: 0 });
    const view = await call<CasePayments>('payments.forCase', { caseId: k.id });
    const b = view.balance;
    expect(b.balanceMinor).toBe(b.outstanding.costs + b.outstanding.fees + b.outstanding.principal + b.outstanding.lateCharges);
    expect(b.balanceMinor).toBe(b.claimMinor - b.allocatedMinor);
    expect(view.rows.map((r) => r.id)).toEqual([second.payment.id, first.payment.id]);
    // The case keeps what was paid (lists and the case page show claim − paid).
    expect((await call<CaseDetail>('cases.get', { id: k.id })).paidMinor).toBe(160_000);
    const listed = await call<{ rows: { id: number; paidMinor: number }[] }>('cases.list', { limit: 200 });
    expect(listed.rows.find((r) => r.id === k.id)?.paidMinor).toBe(160_000);
  });

  it('takes a manual split that adds up and refuses one that does not, changing nothing', async () => {
    const k = await newCase();
    const ok = await call<PostedPayment>('payments.post', pay(k.id, 300_000, { allocation: { principal: 250_000, fees: 50_000 } }));
    expect(ok.payment).toMatchObject({ manualAllocation: true, allocated: { costs: 0, fees: 50_000, principal: 250_000, lateCharges: 0 } });
    const bad = await raw('payments.post', pay(k.id, 100_000, { allocation: { principal: 50_000 } }));
    expect(errorCode(bad)).toBe('payments.manual_allocation');
    expect(!bad.ok && bad.error.details).toEqual([{ code: 'manual_sum_mismatch', expectedMinor: 100_000, actualMinor: 50_000 }]);
    expect(errorCode(await raw('payments.post', pay(k.id, 100_000, { allocation: { costs: 60_000, fees: 40_000 } })))).toBe('payments.manual_allocation');
    const view = await call<CasePayments>('payments.forCase', { caseId: k.id });
    expect(view.rows).toHaveLength(1);
    expect(view.balance.balanceMinor).toBe(850_000);
  });

  it('refuses more than the balance unless the excess is held as credit, and says when the balance is zero', async () => {
    const k = await newCase();
    const over = await raw('payments.post', pay(k.id, 1_200_000));
    expect(errorCode(over)).toBe('payments.overpayment');
    expect(!over.ok && over.error.details).toMatchObject({ balanceMinor: 1_150_000 });
    expect((await call<CasePayments>('payments.forCase', { caseId: k.id })).rows).toHaveLength(0);
    const held = await call<PostedPayment>('payments.post', pay(k.id, 1_200_000, { holdCredit: true }));
    expect(held.payment.creditMinor).toBe(50_000);
    expect(held.balance).toMatchObject({ balanceMinor: 0, creditMinor: 50_000, paidMinor: 1_200_000, allocatedMinor: 1_150_000 });
    expect(held.settled).toBe(true);
    // Not closed on its own: the user is asked.
    expect(await call<CaseDetail>('cases.get', { id: k.id })).toMatchObject({ status: 'active', paidMinor: 1_150_000 });
  });

  it('refuses bad input: another currency, a future date, before the case opened, zero, cheque without its number and bank', async () => {
    const k = await newCase();
    expect(errorCode(await raw('payments.post', pay(k.id, 1000, { currency: 'USD' })))).toBe('payments.currency');
    const future = await raw('payments.post', pay(k.id, 1000, { onDate: '2026-11-23' }));
    expect(errorCode(future)).toBe('input.invalid');
    expect(JSON.stringify(!future.ok && future.error.details)).toContain('validation.payment_future');
    const early = await raw('payments.post', pay(k.id, 1000, { onDate: '2026-01-01' }));
    expect(JSON.stringify(!early.ok && early.error.details)).toContain('validation.payment_before_opened');
    expect(errorCode(await raw('payments.post', pay(k.id, 0)))).toBe('input.invalid');
    expect(errorCode(await raw('payments.post', pay(k.id, -5)))).toBe('input.invalid');
    expect(errorCode(await raw('payments.post', pay(k.id, 10.5)))).toBe('input.invalid');
    expect(errorCode(await raw('payments.post', pay(k.id, 1000, { method: 'cheque' })))).toBe('input.invalid');
    expect(errorCode(await raw('payments.post', pay(k.id, 1000, { method: 'cheque', chequeNumber: '000123', chequeBank: 'البنك الأهلي' })))).toBeUndefined();
    expect((await call<CasePayments>('payments.forCase', { caseId: k.id })).rows).toHaveLength(1);
  });

  it('reverses a payment as a new row beside the original, restoring the balance; never twice, never a reversal', async () => {
    const k = await newCase();
    const p = await call<PostedPayment>('payments.post', pay(k.id, 200_000, { method: 'cheque', chequeNumber: '445', chequeBank: 'مصرف الراجحي' }));
    expect(errorCode(await raw('payments.reverse', { id: p.payment.id, reason: '', onDate: '2026-11-22' }))).toBe('input.invalid');
    const r = await call<PostedPayment>('payments.reverse', { id: p.payment.id, reason: 'شيك مرتجع', onDate: '2026-11-22' });
    expect(r.payment).toMatchObject({ amountMinor: -200_000, reversesId: p.payment.id, reversalReason: 'شيك مرتجع', receiptNumber: null });
    expect(r.payment.allocated).toEqual({ costs: -50_000, fees: -100_000, principal: -50_000, lateCharges: 0 });
    expect(r.balance.balanceMinor).toBe(1_150_000);
    expect(await call<CaseDetail>('cases.get', { id: k.id })).toMatchObject({ claimMinor: 1_150_000, paidMinor: 0 });
    const view = await call<CasePayments>('payments.forCase', { caseId: k.id });
    expect(view.rows.map((x) => [x.id, x.reversedById, x.reversesId])).toEqual([
      [p.payment.id, r.payment.id, null],
      [r.payment.id, null, p.payment.id],
    ]);
    expect(errorCode(await raw('payments.reverse', { id: p.payment.id, reason: 'مرة أخرى', onDate: '2026-11-22' }))).toBe('payments.already_reversed');
    expect(errorCode(await raw('payments.reverse', { id: r.payment.id, reason: 'عكس العكس', onDate: '2026-11-22' }))).toBe('payments.not_reversible');
  });

  it('numbers receipts without gaps and stores a receipt PDF with the number and the amount in words', async () => {
    const k = await newCase();
    const a = await call<PostedPayment>('payments.post', pay(k.id, 150_000));
    const b = await call<PostedPayment>('payments.post', pay(k.id, 100_000, { lang: 'en' }));
    // A refused posting takes no number.
    expect(errorCode(await raw('payments.post', pay(k.id, 5_000_000)))).toBe('payments.overpayment');
    const c = await call<PostedPayment>('payments.post', pay(k.id, 1_000));
    const nums = [a, b, c].map((x) => x.payment.receiptNumber ?? '');
    const seqs = nums.map((n) => Number(n.slice('RC-2026-'.length)));
    expect(nums.every((n) => /^RC-2026-\d{6}$/.test(n))).toBe(true);
    expect(seqs).toEqual([seqs[0], (seqs[0] ?? 0) + 1, (seqs[0] ?? 0) + 2]);
    const { pdfBase64, fileName } = await call<{ pdfBase64: string; fileName: string }>('payments.receipt', { id: a.payment.id });
    expect(fileName).toBe(`${nums[0]}.pdf`);
    const path = writePdf(Buffer.from(pdfBase64, 'base64'), 'receipt-ar');
    expect(qpdfCheck(path).ok).toBe(true);
    const text = normalize(pdfText(path));
    expect(text).toContain(nums[0]);
    expect(text).toContain('ألف وخمسمائة');
    const en = writePdf(Buffer.from((await call<{ pdfBase64: string }>('payments.receipt', { id: b.payment.id })).pdfBase64, 'base64'), 'receipt-en');
    expect(qpdfCheck(en).ok).toBe(true);
    const enText = normalize(pdfText(en));
    expect(enText).toContain(nums[1]);
    expect(enText.toLowerCase()).toContain('one thousand');
  });

  it('a posted payment keeps a promise; its reversal breaks it again', async () => {
    const k = await newCase();
    const promise = await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 100_000, dueOn: '2026-11-25', channel: 'call' });
    expect(promise.state).toBe('open');
    setDay('2026-11-24');
    token = await login('partner');
    const p = await call<PostedPayment>('payments.post', pay(k.id, 100_000, { onDate: '2026-11-24' }));
    const kept = await call<CasePromises>('promises.forCase', { caseId: k.id });
    expect(kept.promises[0]).toMatchObject({ state: 'kept', keptMinor: 100_000 });
    expect(kept.paidMinor).toBe(100_000);
    setDay('2026-11-26');
    token = await login('partner');
    await call('payments.reverse', { id: p.payment.id, reason: 'شيك مرتجع', onDate: '2026-11-26' });
    const broken = await call<CasePromises>('promises.forCase', { caseId: k.id });
    expect(broken.promises[0]).toMatchObject({ state: 'broken', keptMinor: 0 });
    setDay('2026-11-22');
    token = await login('partner');
  });

  it('staff may not post; an accountant may; anyone who reads cases sees the payments', async () => {
    const k = await newCase();
    const staff = await login('staff');
    expect(errorCode(await raw('payments.post', pay(k.id, 1000), staff))).toBe('permission.denied');
    const accountant = await login('accountant');
    const p = await call<PostedPayment>('payments.post', pay(k.id, 1000), accountant);
    expect(errorCode(await raw('payments.reverse', { id: p.payment.id, reason: 'خطأ', onDate: '2026-11-22' }, staff))).toBe('permission.denied');
    expect((await call<CasePayments>('payments.forCase', { caseId: k.id }, staff)).rows).toHaveLength(1);
  });
});
