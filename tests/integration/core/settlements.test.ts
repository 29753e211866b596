// Settlements through the real router on a real encrypted office: the discount taken off in the reverse of the client's
// allocation order and carried on the case, paid by the payments after the agreement (the post says to close the case
// as settled), un-paid by a reversal, broken to restore the full claim; every bad input refused, changing nothing.
// Also the payment refinements: the client's own allocation order, a closed case refused, receipts after the commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { CasePayments, PostedPayment } from '../../../electron/contract/procedures/payments';
import type { CaseSettlements, SettlementRow } from '../../../electron/contract/procedures/settlements';
import { rmSync } from 'node:fs';
import { errorCode, PASSWORD, seededRouter, startCore, tempDir, type TestCore } from '../../fixtures/core';
import { normalize, pdfText, writePdf } from '../pdf/tools';

let t: TestCore;
let token: string;
let clientId: number;
let principalFirstClientId: number;
let seq = 0;
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const raw = (name: string, input: unknown, session = token) => t.call(name, input, session);
const login = async (username: string): Promise<string> => (unwrap(await t.call('auth.login', { username, password: PASSWORD })) as { token: string }).token;

/** 10,000.00 principal, 500.00 costs, 1,000.00 fees: a claim of 11,500.00, opened today (2026-11-22). */
async function newCase(client = clientId, currency = 'SAR'): Promise<CaseDetail> {
  seq++;
  const d = await call<{ id: number }>('parties.create', { kind: 'person', name: `نورة بنت خالد القحطاني ${seq}`, nationalId: makeNationalId('1', String(40_000_000 + seq)) });
  return call<CaseDetail>('cases.create', {
    clientId: client,
    debtorIds: [d.id],
    instrumentType: 'invoice',
    principalMinor: 1_000_000,
    costsMinor: 50_000,
    feesMinor: 100_000,
    currency,
  });
}

const pay = (caseId: number, amountMinor: number | string, extra: Record<string, unknown> = {}) => ({
  caseId,
  onDate: '2026-11-22',
  amountMinor,
  currency: 'SAR',
  method: 'bank_transfer',
  reference: 'FT-1',
  ...extra,
});
const agree = (caseId: number, amountMinor: number | string, extra: Record<string, unknown> = {}) => ({ caseId, amountMinor, currency: 'SAR', ...extra });

/** What must hold after every step: the balance is its parts, and the case's stored columns agree. */
async function consistent(caseId: number): Promise<CasePayments> {
  const view = await call<CasePayments>('payments.forCase', { caseId });
  const b = view.balance;
  const parts = (['costs', 'fees', 'principal', 'lateCharges'] as const).map((c) => {
    expect(b.outstanding[c]).toBe(b.claim[c] - b.allocated[c] - b.discount[c]);
    expect(b.outstanding[c]).toBeGreaterThanOrEqual(0);
    return b.outstanding[c];
  });
  expect(b.balanceMinor).toBe(parts.reduce((a, x) => a + x, 0));
  expect(b.balanceMinor).toBe(b.claimMinor - b.allocatedMinor - b.discountMinor);
  const k = await call<CaseDetail & { discountMinor?: number }>('cases.get', { id: caseId });
  expect(k.paidMinor).toBe(b.allocatedMinor);
  return view;
}

beforeAll(async () => {
  t = startCore();
  t.clock.now = new Date('2026-11-22T09:00:00+03:00');
  token = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة اليسر للتقسيط', crNumber: '1010654321' })).id;
  principalFirstClientId = (
    await call<{ id: number }>('clients.create', {
      kind: 'company',
      nameAr: 'مصرف الأفق',
      crNumber: '1010777888',
      allocationOrder: ['principal', 'fees', 'costs', 'lateCharges'],
    })
  ).id;
});
afterAll(() => t.dispose());

describe('settlements', () => {
  it('waives balance − amount in the reverse of the allocation order; the case carries the discount; payments after it pay it', async () => {
    const k = await newCase();
    await call<PostedPayment>('payments.post', pay(k.id, 20_000)); // costs 200.00 paid before the agreement
    const s = await call<SettlementRow>('settlements.create', agree(k.id, 800_000, { deadline: '2026-12-31', notes: 'اتفاق هاتفي' }));
    // Balance 11,300.00 − 8,000.00 = 3,300.00 waived: principal first (the order pays it last), then fees, then costs.
    expect(s).toMatchObject({ state: 'open', balanceAtAgreementMinor: 1_130_000, discountMinor: 330_000, remainingMinor: 800_000, paidTowardMinor: 0, deadline: '2026-12-31', overdue: false });
    expect(s.discount).toEqual({ costs: 0, fees: 0, principal: 330_000, lateCharges: 0 });
    const view = await consistent(k.id);
    expect(view.balance).toMatchObject({ balanceMinor: 800_000, discountMinor: 330_000 });
    expect(await call<CaseDetail>('cases.get', { id: k.id })).toMatchObject({ paidMinor: 20_000 });

    const part = await call<PostedPayment>('payments.post', pay(k.id, 300_000));
    expect(part).toMatchObject({ settled: false, closeAs: null });
    expect((await call<CaseSettlements>('settlements.forCase', { caseId: k.id })).rows[0]).toMatchObject({ state: 'open', paidTowardMinor: 300_000, remainingMinor: 500_000 });
    const last = await call<PostedPayment>('payments.post', pay(k.id, 500_000, { method: 'cheque', chequeNumber: '9001', chequeBank: 'البنك العربي' }));
    expect(last).toMatchObject({ settled: true, closeAs: 'settled' });
    expect(last.balance).toMatchObject({ balanceMinor: 0, discountMinor: 330_000 });
    const paid = (await call<CaseSettlements>('settlements.forCase', { caseId: k.id })).rows[0];
    expect(paid).toMatchObject({ state: 'paid', endedOn: '2026-11-22', remainingMinor: 0, paidTowardMinor: 800_000 });
    await consistent(k.id);

    // The bounced cheque un-pays it: open again, the balance is what the cheque was.
    const back = await call<PostedPayment>('payments.reverse', { id: last.payment.id, reason: 'شيك مرتجع', onDate: '2026-11-22' });
    expect(back).toMatchObject({ settled: false, closeAs: null, balance: { balanceMinor: 500_000 } });
    expect((await call<CaseSettlements>('settlements.forCase', { caseId: k.id })).rows[0]).toMatchObject({ state: 'open', endedOn: null });
    await consistent(k.id);

    // Paid again, then closed as settled through the case's status.
    const again = await call<PostedPayment>('payments.post', pay(k.id, 500_000));
    expect(again.closeAs).toBe('settled');
    const detail = await call<CaseDetail>('cases.get', { id: k.id });
    await call('cases.setStatus', { id: k.id, version: detail.version, status: 'settled', reason: 'سُددت التسوية' });
    // A closed case takes no more payments, reversals or settlements, with a translated reason to reopen it.
    expect(errorCode(await raw('payments.post', pay(k.id, 100, { holdCredit: true })))).toBe('payments.case_closed');
    expect(errorCode(await raw('payments.reverse', { id: again.payment.id, reason: 'خطأ', onDate: '2026-11-22' }))).toBe('payments.case_closed');
    expect(errorCode(await raw('settlements.create', agree(k.id, 100)))).toBe('payments.case_closed');
    expect((await call<CasePayments>('payments.forCase', { caseId: k.id })).rows).toHaveLength(5);
  });

  it('breaking an open settlement restores the full claim; payments made toward it stay', async () => {
    const k = await newCase();
    const s = await call<SettlementRow>('settlements.create', agree(k.id, 600_000));
    expect(s.discount).toEqual({ costs: 0, fees: 0, principal: 550_000, lateCharges: 0 });
    await call('payments.post', pay(k.id, 100_000));
    expect(errorCode(await raw('settlements.break', { id: s.id, version: s.version, reason: '' }))).toBe('input.invalid');
    expect(errorCode(await raw('settlements.break', { id: s.id, version: s.version + 5, reason: 'لم يلتزم' }))).toBe('conflict.stale');
    const broken = await call<SettlementRow>('settlements.break', { id: s.id, version: s.version, reason: 'لم يلتزم بالموعد' });
    expect(broken).toMatchObject({ state: 'broken', brokenReason: 'لم يلتزم بالموعد', endedOn: '2026-11-22', discountMinor: 550_000 });
    const view = await consistent(k.id);
    expect(view.balance).toMatchObject({ balanceMinor: 1_050_000, discountMinor: 0, allocatedMinor: 100_000 });
    expect(errorCode(await raw('settlements.break', { id: s.id, version: broken.version, reason: 'مرة أخرى' }))).toBe('settlements.not_open');
    // A new settlement may be agreed once the old one is broken.
    const next = await call<SettlementRow>('settlements.create', agree(k.id, 900_000));
    expect(next.discountMinor).toBe(150_000);
    await consistent(k.id);
  });

  it('takes the discount off in the reverse of the client’s own order, and posts in that order', async () => {
    const k = await newCase(principalFirstClientId);
    const first = await call<PostedPayment>('payments.post', pay(k.id, 1_050_000));
    // principal → fees → costs: the principal is paid first.
    expect(first.payment.allocated).toEqual({ costs: 0, fees: 50_000, principal: 1_000_000, lateCharges: 0 });
    const s = await call<SettlementRow>('settlements.create', agree(k.id, 30_000));
    // Reverse order: costs waived first, then fees.
    expect(s.discount).toEqual({ costs: 50_000, fees: 20_000, principal: 0, lateCharges: 0 });
    await consistent(k.id);
  });

  it('refuses every bad settlement and changes nothing', async () => {
    const k = await newCase();
    const before = await call<CasePayments>('payments.forCase', { caseId: k.id });
    expect(errorCode(await raw('settlements.create', agree(k.id, 0)))).toBe('input.invalid');
    expect(errorCode(await raw('settlements.create', agree(k.id, -100)))).toBe('input.invalid');
    expect(errorCode(await raw('settlements.create', agree(k.id, 10.5)))).toBe('input.invalid');
    expect(errorCode(await raw('settlements.create', agree(k.id, '8000')))).toBe('input.invalid');
    expect(errorCode(await raw('settlements.create', agree(k.id, 100, { currency: 'USD' })))).toBe('settlements.currency');
    const atBalance = await raw('settlements.create', agree(k.id, 1_150_000));
    expect(errorCode(atBalance)).toBe('settlements.amount');
    expect(!atBalance.ok && atBalance.error.details).toEqual({ balanceMinor: 1_150_000 });
    expect(errorCode(await raw('settlements.create', agree(k.id, 2_000_000)))).toBe('settlements.amount');
    const past = await raw('settlements.create', agree(k.id, 100_000, { deadline: '2026-11-21' }));
    expect(errorCode(past)).toBe('input.invalid');
    expect(JSON.stringify(!past.ok && past.error.details)).toContain('validation.deadline_past');
    expect(errorCode(await raw('settlements.create', agree(k.id, 100_000, { deadline: '2026-02-30' })))).toBe('input.invalid');
    expect(errorCode(await raw('settlements.create', agree(99_999, 100_000)))).toBe('not_found');
    const staff = await login('staff');
    expect(errorCode(await raw('settlements.create', agree(k.id, 100_000), staff))).toBe('permission.denied');
    expect((await call<CaseSettlements>('settlements.forCase', { caseId: k.id }, staff)).rows).toHaveLength(0);
    const after = await call<CasePayments>('payments.forCase', { caseId: k.id });
    expect(after.balance).toEqual(before.balance);
    // One at a time: a second while the first stands is refused; deadline today is fine.
    const s = await call<SettlementRow>('settlements.create', agree(k.id, 700_000, { deadline: '2026-11-22' }));
    const second = await raw('settlements.create', agree(k.id, 500_000));
    expect(errorCode(second)).toBe('settlements.open_exists');
    expect(!second.ok && second.error.details).toEqual({ id: s.id, state: 'open' });
    expect((await call<CaseSettlements>('settlements.forCase', { caseId: k.id })).rows).toHaveLength(1);
    expect((await call<CasePayments>('payments.forCase', { caseId: k.id })).balance.balanceMinor).toBe(700_000);
    // Overdue the day after its deadline.
    t.clock.now = new Date('2026-11-23T09:00:00+03:00');
    token = await login('partner'); // a day idle locks the session
    expect((await call<CaseSettlements>('settlements.forCase', { caseId: k.id })).rows[0]).toMatchObject({ state: 'open', overdue: true });
    t.clock.now = new Date('2026-11-22T09:00:00+03:00');
    token = await login('partner');
  });
});

describe('settlements in the escalation queue', () => {
  it('an open settlement with a deadline holds the case until the day after it, then it is back as settlement_overdue', async () => {
    const k = await newCase();
    const s = await call<SettlementRow>('settlements.create', agree(k.id, 900_000, { deadline: '2026-11-30' }));
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation).toMatchObject({ reason: 'settlement_overdue', dueOn: '2026-12-01', due: false });
    t.clock.now = new Date('2026-12-01T09:00:00+03:00');
    token = await login('partner');
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation).toMatchObject({ reason: 'settlement_overdue', dueOn: '2026-12-01', due: true });
    const queue = await call<{ rows: { id: number; reason: string | null }[] }>('cases.escalationQueue', { limit: 200 });
    expect(queue.rows.find((r) => r.id === k.id)?.reason).toBe('settlement_overdue');
    // Broken: the ladder's own step again; a settlement without a deadline leaves the ladder alone.
    await call('settlements.break', { id: s.id, version: s.version, reason: 'فات الموعد' });
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation.reason).toBeNull();
    await call<SettlementRow>('settlements.create', agree(k.id, 900_000));
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation.reason).toBeNull();
    t.clock.now = new Date('2026-11-22T09:00:00+03:00');
    token = await login('partner');
  });
});

describe('payment refinements', () => {
  it('refuses every bad payment and changes nothing', async () => {
    const k = await newCase();
    const p = await call<PostedPayment>('payments.post', pay(k.id, 10_000));
    const bad: [Record<string, unknown>, string][] = [
      [pay(k.id, 0), 'input.invalid'],
      [pay(k.id, -1), 'input.invalid'],
      [pay(k.id, 100.25), 'input.invalid'], // more decimals than halalas
      [pay(k.id, 'مئة'), 'input.invalid'],
      [pay(k.id, Number.NaN), 'input.invalid'],
      [pay(k.id, 1000, { onDate: '2026-11-21' }), 'input.invalid'], // before the case opened (today)
      [pay(k.id, 1000, { onDate: '2026-11-23' }), 'input.invalid'], // in the future
      [pay(k.id, 1000, { onDate: '22/11/2026' }), 'input.invalid'],
      [pay(k.id, 1000, { currency: 'USD' }), 'payments.currency'],
      [pay(k.id, 1000, { currency: 'XXX' }), 'input.invalid'],
      [pay(k.id, 1000, { method: 'bitcoin' }), 'input.invalid'],
      [pay(k.id, 2_000_000), 'payments.overpayment'],
    ];
    for (const [input, code] of bad) expect([input.amountMinor, input.onDate, errorCode(await raw('payments.post', input))]).toEqual([input.amountMinor, input.onDate, code]);
    const r = await call<PostedPayment>('payments.reverse', { id: p.payment.id, reason: 'خطأ في القيد', onDate: '2026-11-22' });
    expect(errorCode(await raw('payments.reverse', { id: r.payment.id, reason: 'عكس العكس', onDate: '2026-11-22' }))).toBe('payments.not_reversible');
    expect(errorCode(await raw('payments.reverse', { id: p.payment.id, reason: 'مرة أخرى', onDate: '2026-11-22' }))).toBe('payments.already_reversed');
    const view = await consistent(k.id);
    expect(view.rows).toHaveLength(2);
    expect(view.balance.balanceMinor).toBe(1_150_000);
  });

  it('numbers the receipt in the posting and renders its PDF right after, as of that payment', async () => {
    const k = await newCase();
    const a = await call<PostedPayment>('payments.post', pay(k.id, 150_000, { lang: 'ar' }));
    const b = await call<PostedPayment>('payments.post', pay(k.id, 100_000, { lang: 'en' }));
    expect(a.payment).toMatchObject({ hasReceipt: true });
    expect(a.payment.receiptNumber).toMatch(/^RC-2026-\d{6}$/);
    // Asked for at once: waits for the render in flight; the balance printed is the one right after that payment.
    const pdfA = writePdf(Buffer.from((await call<{ pdfBase64: string }>('payments.receipt', { id: a.payment.id })).pdfBase64, 'base64'), 'settle-receipt-ar');
    const textA = normalize(pdfText(pdfA));
    expect(textA).toContain(a.payment.receiptNumber ?? '?');
    expect(textA).toContain('10,000.00');
    const pdfB = writePdf(Buffer.from((await call<{ pdfBase64: string }>('payments.receipt', { id: b.payment.id })).pdfBase64, 'base64'), 'settle-receipt-en');
    const textB = normalize(pdfText(pdfB));
    expect(textB).toContain(b.payment.receiptNumber ?? '?');
    expect(textB).toContain('9,000.00');
    // The same bytes every time it is opened (stored once).
    const again = await call<{ pdfBase64: string }>('payments.receipt', { id: a.payment.id });
    expect(Buffer.from(again.pdfBase64, 'base64').equals(Buffer.from((await call<{ pdfBase64: string }>('payments.receipt', { id: a.payment.id })).pdfBase64, 'base64'))).toBe(true);
  });

});

describe('a receipt the app did not get to store', () => {
  it('is rendered on demand as of its payment, reading as the one rendered right after the posting', async () => {
    const dir = tempDir();
    const day = new Date('2026-11-22T09:00:00+03:00');
    const { vault, route } = await seededRouter(dir, () => day);
    try {
      const session = (unwrap(await route('auth.login', { username: 'partner', password: PASSWORD }, null)) as { token: string }).token;
      const r = async <T,>(name: string, input: unknown): Promise<T> => unwrap(await route(name, input, session)) as T;
      const client = await r<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الاختبار', crNumber: '1010123456' });
      const party = await r<{ id: number }>('parties.create', { kind: 'person', name: 'سعد الحربي', nationalId: makeNationalId('1', '11223344') });
      const k = await r<{ id: number }>('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 500_000 });
      const first = await r<PostedPayment>('payments.post', pay(k.id, 120_000));
      await r<PostedPayment>('payments.post', pay(k.id, 30_000)); // a later payment must not change the first receipt's balance
      const rendered = await r<{ pdfBase64: string }>('payments.receipt', { id: first.payment.id });
      // The app stopped before storing it: the number is there, the PDF is not. (A stored receipt never changes —
      // trigger payments_fixed_receipt — so the test steps around the trigger to make the state a crash leaves.)
      const raw = vault.current().sqlite;
      const trigger = (raw.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'payments_fixed_receipt'").get() as { sql: string }).sql;
      raw.exec('DROP TRIGGER payments_fixed_receipt');
      raw.prepare('UPDATE payments SET receipt_sha256 = NULL WHERE id = ?').run(first.payment.id);
      raw.exec(trigger);
      expect((await r<CasePayments>('payments.forCase', { caseId: k.id })).rows.find((x) => x.id === first.payment.id)).toMatchObject({ hasReceipt: true });
      const again = await r<{ pdfBase64: string; fileName: string }>('payments.receipt', { id: first.payment.id });
      expect(again.fileName).toBe(`${first.payment.receiptNumber}.pdf`);
      const textBefore = normalize(pdfText(writePdf(Buffer.from(rendered.pdfBase64, 'base64'), 'settle-receipt-first')));
      const textAgain = normalize(pdfText(writePdf(Buffer.from(again.pdfBase64, 'base64'), 'settle-receipt-again')));
      expect(textAgain).toBe(textBefore);
      expect(textAgain).toContain('3,800.00');
      const stored = vault.current().sqlite.prepare('SELECT receipt_sha256 AS sha FROM payments WHERE id = ?').get(first.payment.id) as { sha: string | null };
      expect(stored.sha).not.toBeNull();
    } finally {
      vault.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
