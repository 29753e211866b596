// Instalment plans through the real router on a real encrypted office: a schedule that adds up with dates off the
// weekend, posted payments paying instalments (partly, fully, late) and a reversal undoing one, the default after N
// missed putting the case back in the escalation queue on the right day, renegotiation keeping the old schedule,
// cancellation, and every refusal changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail, QueueRow } from '../../../electron/contract/procedures/cases';
import type { PostedPayment } from '../../../electron/contract/procedures/payments';
import type { CasePlans, PlanPreview, PlanRow } from '../../../electron/contract/procedures/plans';
import type { FieldIssue } from '../../../electron/contract/result';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
let token: string;
let clientId: number;
let seq = 0;
const login = async (username: string): Promise<string> => (unwrap(await t.call('auth.login', { username, password: PASSWORD })) as { token: string }).token;
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const raw = (name: string, input: unknown, session = token) => t.call(name, input, session);
/** Move the clock to 09:00 Riyadh on `iso` and sign in again (a day later the old session has locked). */
async function at(iso: string): Promise<void> {
  t.clock.now = new Date(`${iso}T09:00:00+03:00`);
  token = await login('partner');
}
const plans = (caseId: number): Promise<CasePlans> => call<CasePlans>('plans.forCase', { caseId });
const queue = async (): Promise<QueueRow[]> => (await call<{ rows: QueueRow[] }>('cases.escalationQueue', { limit: 200 })).rows;
const issues = (r: Awaited<ReturnType<typeof raw>>): FieldIssue[] => (r.ok ? [] : (r.error.details as FieldIssue[]));

/** A case of 10,000.00 principal, 500.00 costs and 1,000.00 fees (claim and balance 11,500.00). */
async function newCase(currency = 'SAR'): Promise<CaseDetail> {
  seq++;
  const d = await call<{ id: number }>('parties.create', { kind: 'person', name: `نورة بنت خالد القحطاني ${seq}`, nationalId: makeNationalId('1', String(40_000_000 + seq)) });
  return call<CaseDetail>('cases.create', { clientId, debtorIds: [d.id], instrumentType: 'invoice', principalMinor: 1_000_000, costsMinor: 50_000, feesMinor: 100_000, currency });
}

const terms = (caseId: number, extra: Record<string, unknown> = {}) => ({ caseId, currency: 'SAR', count: 3, frequency: 'monthly', firstDate: '2026-12-01', ...extra });
const pay = (caseId: number, amountMinor: number, onDate: string) => ({ caseId, onDate, amountMinor, currency: 'SAR', method: 'bank_transfer', reference: 'FT-1' });
const states = (p: PlanRow | null) => p?.instalments.map((i) => [i.state, i.paidMinor]);

beforeAll(async () => {
  t = startCore();
  t.clock.now = new Date('2026-11-22T09:00:00+03:00');
  token = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الأفق للتقسيط', crNumber: '1010654321' })).id;
});
afterAll(() => t.dispose());

describe('instalment plans', () => {
  it('previews and agrees a schedule from the balance that adds up exactly, dates moved off the weekend', async () => {
    await at('2026-11-22');
    const k = await newCase();
    const preview = await call<PlanPreview>('plans.preview', terms(k.id));
    expect(preview.problems).toEqual([]);
    expect(preview.totalMinor).toBe(1_150_000);
    // 1 January 2027 is a Friday: the instalment moves to Sunday the 3rd; the remainder (1 halala) is on the last.
    expect(preview.schedule).toEqual([
      { n: 1, dueOn: '2026-12-01', amountMinor: 383_333 },
      { n: 2, dueOn: '2027-01-03', amountMinor: 383_333 },
      { n: 3, dueOn: '2027-02-01', amountMinor: 383_334 },
    ]);
    const first = await call<PlanPreview>('plans.preview', terms(k.id, { remainderOn: 'first' }));
    expect(first.schedule.map((i) => i.amountMinor)).toEqual([383_334, 383_333, 383_333]);
    // Before the plan the ladder has the new case in the queue today.
    expect((await queue()).some((r) => r.id === k.id)).toBe(true);

    const plan = await call<PlanRow>('plans.create', terms(k.id));
    expect(plan).toMatchObject({ state: 'active', totalMinor: 1_150_000, count: 3, remainderOn: 'last', defaultAfterMissed: 2, missed: 0, paidMinor: 0, agreedOn: '2026-11-22' });
    expect(plan.instalments.reduce((s, i) => s + i.amountMinor, 0)).toBe(1_150_000);
    expect(plan.instalments.map((i) => i.dueOn)).toEqual(['2026-12-01', '2027-01-03', '2027-02-01']);
    // Two missed at once: the first and the second, the day after the second falls due.
    expect(plan.defaultsOn).toBe('2027-01-04');
    const view = await plans(k.id);
    expect(view.current?.id).toBe(plan.id);
    expect(view.history).toEqual([]);
    // Held out of the queue until the day the plan would default.
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation).toMatchObject({ due: false, dueOn: '2027-01-04', reason: 'plan_defaulted' });
    expect((await queue()).some((r) => r.id === k.id)).toBe(false);
  });

  it('payments pay instalments partly, fully and late; a reversal restores what the bounced payment paid', async () => {
    await at('2026-11-22');
    const k = await newCase();
    const k2 = await newCase();
    await call<PlanRow>('plans.create', terms(k.id));
    await call<PlanRow>('plans.create', terms(k2.id, { count: 2 }));
    await at('2026-11-30');
    await call<PostedPayment>('payments.post', pay(k.id, 200_000, '2026-11-30'));
    expect(states((await plans(k.id)).current)).toEqual([['due', 200_000], ['due', 0], ['due', 0]]);
    // The first instalment's date passes with part paid: partly paid, one missed.
    await at('2026-12-02');
    let p = (await plans(k.id)).current;
    expect(states(p)).toEqual([['partly_paid', 200_000], ['due', 0], ['due', 0]]);
    expect(p?.missed).toBe(1);
    // Paid in full late, with some toward the second.
    await call<PostedPayment>('payments.post', pay(k.id, 283_333, '2026-12-02'));
    p = (await plans(k.id)).current;
    expect(p?.instalments[0]).toMatchObject({ state: 'paid', paidMinor: 383_333, paidOn: '2026-12-02' });
    expect(p?.instalments[1]).toMatchObject({ state: 'due', paidMinor: 100_000 });
    expect(p).toMatchObject({ missed: 0, paidMinor: 483_333 });
    // Only the third can now be missed together with the second.
    expect(p?.defaultsOn).toBe('2027-02-02');
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation).toMatchObject({ dueOn: '2027-02-02', reason: 'plan_defaulted' });
    const full = await call<PostedPayment>('payments.post', pay(k.id, 283_333, '2026-12-02'));
    expect(states((await plans(k.id)).current)).toEqual([['paid', 383_333], ['paid', 383_333], ['due', 0]]);
    // The second payment bounces: the second instalment is back to what the earlier payment put toward it.
    await call<PostedPayment>('payments.reverse', { id: full.payment.id, reason: 'شيك مرتجع', onDate: '2026-12-02' });
    expect(states((await plans(k.id)).current)).toEqual([['paid', 383_333], ['due', 100_000], ['due', 0]]);
    // The second instalment's date passes with nothing more: partly paid; nothing at all on a date: late.
    await at('2027-01-04');
    expect(states((await plans(k.id)).current)).toEqual([['paid', 383_333], ['partly_paid', 100_000], ['due', 0]]);
    await at('2026-12-02');
    expect(states((await plans(k2.id)).current)).toEqual([['late', 0], ['due', 0]]);
  });

  it('completes when every instalment is paid, and a reversal after that makes it active again', async () => {
    await at('2026-11-22');
    const k = await newCase();
    await call<PlanRow>('plans.create', terms(k.id, { totalMinor: 100_000, count: 2 }));
    await call<PostedPayment>('payments.post', pay(k.id, 50_000, '2026-11-22'));
    const last = await call<PostedPayment>('payments.post', pay(k.id, 50_000, '2026-11-22'));
    let view = await plans(k.id);
    expect(view.current).toBeNull();
    expect(view.history[0]).toMatchObject({ state: 'completed', endedOn: '2026-11-22', paidMinor: 100_000 });
    // A completed plan holds nothing: the ladder's own step is back.
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation.reason).toBeNull();
    await call<PostedPayment>('payments.reverse', { id: last.payment.id, reason: 'تحويل مرتد', onDate: '2026-11-22' });
    view = await plans(k.id);
    expect(view.current).toMatchObject({ state: 'active', paidMinor: 50_000, endedOn: null });
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation.reason).toBe('plan_defaulted');
  });

  it('defaults after two missed instalments: the case is in the queue with plan_defaulted from that day, not before', async () => {
    await at('2026-11-22');
    const k = await newCase();
    // Weekly from Tuesday 24 November: 24 Nov, 1 Dec, 8 Dec, 15 Dec.
    const plan = await call<PlanRow>('plans.create', terms(k.id, { count: 4, frequency: 'weekly', firstDate: '2026-11-24', totalMinor: 400_000 }));
    expect(plan.instalments.map((i) => i.dueOn)).toEqual(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15']);
    expect(plan.defaultsOn).toBe('2026-12-02');
    await at('2026-12-01');
    expect((await queue()).some((r) => r.id === k.id)).toBe(false);
    expect((await plans(k.id)).current).toMatchObject({ state: 'active', missed: 1 });
    // No job ran: the stored queue date was computed ahead when the plan was agreed.
    await at('2026-12-02');
    const row = (await queue()).find((r) => r.id === k.id);
    expect(row).toMatchObject({ reason: 'plan_defaulted', dueOn: '2026-12-02' });
    const live = (await plans(k.id)).current;
    expect(live).toMatchObject({ state: 'defaulted', defaultsOn: '2026-12-02', missed: 2 });
    // Paying the arrears afterwards does not undo the default (a payment on that day itself still would, as an
    // instalment paid on its due date is on time); the posting stores it.
    await at('2026-12-03');
    await call<PostedPayment>('payments.post', pay(k.id, 200_000, '2026-12-03'));
    const after = (await plans(k.id)).current;
    expect(after).toMatchObject({ state: 'defaulted', defaultsOn: '2026-12-02', missed: 0 });
    expect((await queue()).find((r) => r.id === k.id)).toMatchObject({ reason: 'plan_defaulted', dueOn: '2026-12-02' });
    // A defaulted plan is renegotiated, not cancelled.
    expect(errorCode(await raw('plans.cancel', { planId: plan.id, version: after?.version ?? 0, reason: 'x' }))).toBe('plans.not_current');
  });

  it('defaults after the setting in force when the plan was agreed (planDefaultAfterMissed)', async () => {
    await at('2026-11-22');
    await call('settings.update', { planDefaultAfterMissed: 1, planRemainderOn: 'first' });
    const k = await newCase();
    const plan = await call<PlanRow>('plans.create', terms(k.id, { count: 3, frequency: 'weekly', firstDate: '2026-11-24', totalMinor: 100 }));
    expect(plan).toMatchObject({ defaultAfterMissed: 1, remainderOn: 'first', defaultsOn: '2026-11-25' });
    expect(plan.instalments.map((i) => i.amountMinor)).toEqual([34, 33, 33]);
    await call('settings.update', { planDefaultAfterMissed: 2, planRemainderOn: 'last' });
    expect((await plans(k.id)).current?.defaultAfterMissed).toBe(1);
  });

  it('renegotiates a plan: the old one ends with the reason and keeps its schedule; the new one points back at it', async () => {
    await at('2026-11-22');
    const k = await newCase();
    const old = await call<PlanRow>('plans.create', terms(k.id, { count: 4, frequency: 'weekly', firstDate: '2026-11-24', totalMinor: 400_000 }));
    await at('2026-12-03');
    expect((await queue()).find((r) => r.id === k.id)?.reason).toBe('plan_defaulted');
    // A stale version is refused and changes nothing.
    const stale = await raw('plans.renegotiate', { planId: old.id, version: old.version + 1, reason: 'طلب المدين', currency: 'SAR', count: 6, frequency: 'monthly', firstDate: '2026-12-10' });
    expect(errorCode(stale)).toBe('conflict.stale');
    // Terms that do not stand are refused the same way, and the plan is left as it was.
    const bad = await raw('plans.renegotiate', { planId: old.id, version: old.version, reason: 'طلب المدين', currency: 'SAR', count: 0, frequency: 'monthly', firstDate: '2026-12-10' });
    expect(issues(bad)).toEqual([{ path: 'count', code: 'count_out_of_range', message: 'validation.plan_count' }]);
    expect(errorCode(await raw('plans.renegotiate', { planId: old.id, version: old.version, reason: 'طلب المدين', currency: 'SAR', count: 6, frequency: 'monthly', firstDate: '2026-12-10', totalMinor: 1_150_001 }))).toBe('plans.over_balance');
    const cur = (await plans(k.id)).current;
    expect(cur).toMatchObject({ id: old.id, state: 'defaulted' });
    expect((await plans(k.id)).history).toEqual([]);
    const next = await call<PlanRow>('plans.renegotiate', { planId: old.id, version: cur?.version, reason: 'طلب المدين بسبب تأخر الراتب', currency: 'SAR', count: 6, frequency: 'monthly', firstDate: '2026-12-10' });
    expect(next).toMatchObject({ state: 'active', replacesPlanId: old.id, count: 6, totalMinor: 1_150_000, agreedOn: '2026-12-03' });
    const view = await plans(k.id);
    expect(view.current?.id).toBe(next.id);
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({ id: old.id, state: 'renegotiated', reason: 'طلب المدين بسبب تأخر الراتب', endedOn: '2026-12-03', defaultsOn: '2026-12-02' });
    expect(view.history[0]?.instalments.map((i) => [i.dueOn, i.amountMinor])).toEqual(old.instalments.map((i) => [i.dueOn, i.amountMinor]));
    // Out of the queue again until the new plan would default.
    expect((await queue()).some((r) => r.id === k.id)).toBe(false);
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation).toMatchObject({ reason: 'plan_defaulted', dueOn: '2027-01-11', due: false });
    // The old plan is no longer the one to change.
    expect(errorCode(await raw('plans.renegotiate', { planId: old.id, version: old.version + 1, reason: 'مرة أخرى', currency: 'SAR', count: 2, frequency: 'monthly', firstDate: '2026-12-10' }))).toBe('plans.not_current');
  });

  it('cancels the active plan with a reason: the ladder has the case again', async () => {
    await at('2026-11-22');
    const k = await newCase();
    const plan = await call<PlanRow>('plans.create', terms(k.id));
    expect(errorCode(await raw('plans.cancel', { planId: plan.id, version: plan.version, reason: ' ' }))).toBe('input.invalid');
    const stale = await raw('plans.cancel', { planId: plan.id, version: plan.version + 1, reason: 'سبب' });
    expect(errorCode(stale)).toBe('conflict.stale');
    expect((!stale.ok && (stale.error.details as CasePlans).current?.state)).toBe('active');
    const cancelled = await call<PlanRow>('plans.cancel', { planId: plan.id, version: plan.version, reason: 'اتفق الطرفان على السداد دفعة واحدة' });
    expect(cancelled).toMatchObject({ state: 'cancelled', endedOn: '2026-11-22', reason: 'اتفق الطرفان على السداد دفعة واحدة' });
    expect((await plans(k.id)).current).toBeNull();
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation.reason).toBeNull();
    expect((await queue()).some((r) => r.id === k.id)).toBe(true);
    expect(errorCode(await raw('plans.cancel', { planId: plan.id, version: cancelled.version, reason: 'مرة أخرى' }))).toBe('plans.not_current');
  });

  it('refuses bad plans with translated field problems or a reason, and writes nothing', async () => {
    await at('2026-11-22');
    const k = await newCase();
    const problem = async (extra: Record<string, unknown>): Promise<FieldIssue[]> => {
      const r = await raw('plans.create', terms(k.id, extra));
      expect(errorCode(r)).toBe('input.invalid');
      return issues(r);
    };
    // Amounts that cannot add up: 0.05 over 10 instalments would leave some at zero.
    expect(await problem({ totalMinor: 5, count: 10 })).toEqual([{ path: 'totalMinor', code: 'total_below_count', message: 'validation.plan_total_below_count' }]);
    expect(await problem({ count: 0 })).toEqual([{ path: 'count', code: 'count_out_of_range', message: 'validation.plan_count' }]);
    expect(await problem({ count: 121 })).toEqual([{ path: 'count', code: 'count_out_of_range', message: 'validation.plan_count' }]);
    expect((await problem({ count: 2.5 }))[0]).toMatchObject({ path: 'count', message: 'validation.plan_count' });
    expect(await problem({ totalMinor: 0 })).toEqual([{ path: 'totalMinor', code: 'total_not_positive', message: 'validation.amount_positive' }]);
    expect((await problem({ totalMinor: 10.5 }))[0]).toMatchObject({ path: 'totalMinor' });
    expect(await problem({ firstDate: '2026-02-30' })).toEqual([{ path: 'firstDate', code: 'first_date_invalid', message: 'validation.date' }]);
    expect(await problem({ firstDate: '2026-11-21' })).toEqual([{ path: 'firstDate', code: 'first_date_past', message: 'validation.plan_first_date_past' }]);
    expect(errorCode(await raw('plans.create', terms(k.id, { frequency: 'daily' })))).toBe('input.invalid');
    // The preview answers the same problems instead of refusing, and says when the total is over the balance.
    const pv = await call<PlanPreview>('plans.preview', { caseId: k.id, totalMinor: 5_000_000, count: 0, frequency: 'monthly', firstDate: '2026-12-01' });
    expect(pv.schedule).toEqual([]);
    expect(pv.problems.map((p) => [p.path, p.message])).toEqual([
      ['count', 'validation.plan_count'],
      ['totalMinor', 'validation.plan_over_balance'],
    ]);
    // More than the balance, another currency.
    const over = await raw('plans.create', terms(k.id, { totalMinor: 1_150_001 }));
    expect(errorCode(over)).toBe('plans.over_balance');
    expect(!over.ok && over.error.details).toMatchObject({ balanceMinor: 1_150_000 });
    expect(errorCode(await raw('plans.create', terms(k.id, { currency: 'USD' })))).toBe('plans.currency');
    expect(errorCode(await raw('plans.create', terms(999_999)))).toBe('not_found');
    expect(await plans(k.id)).toMatchObject({ current: null, history: [] });
    // A second active plan.
    await call<PlanRow>('plans.create', terms(k.id, { totalMinor: 100_000 }));
    expect(errorCode(await raw('plans.create', terms(k.id, { totalMinor: 100_000 })))).toBe('plans.active_exists');
    expect((await plans(k.id)).history).toHaveLength(0);
    // A closed case.
    const closed = await newCase();
    await call<CaseDetail>('cases.setStatus', { id: closed.id, version: closed.version, status: 'withdrawn', reason: 'سحب الموكل الملف' });
    expect(errorCode(await raw('plans.create', terms(closed.id)))).toBe('cases.closed');
    expect(await plans(closed.id)).toMatchObject({ current: null, history: [], closed: true });
  });

  it('staff may read plans but not agree, renegotiate or cancel them; an accountant may', async () => {
    await at('2026-11-22');
    const k = await newCase();
    const staff = await login('staff');
    expect(errorCode(await raw('plans.create', terms(k.id), staff))).toBe('permission.denied');
    const accountant = await login('accountant');
    const plan = await call<PlanRow>('plans.create', terms(k.id), accountant);
    expect(errorCode(await raw('plans.cancel', { planId: plan.id, version: plan.version, reason: 'خطأ' }, staff))).toBe('permission.denied');
    expect(errorCode(await raw('plans.renegotiate', { planId: plan.id, version: plan.version, reason: 'خطأ', currency: 'SAR', count: 2, frequency: 'monthly', firstDate: '2026-12-01' }, staff))).toBe(
      'permission.denied',
    );
    expect((await call<CasePlans>('plans.forCase', { caseId: k.id }, staff)).current?.id).toBe(plan.id);
    expect((await call<PlanPreview>('plans.preview', { caseId: k.id, count: 2, frequency: 'weekly', firstDate: '2026-12-01' }, staff)).schedule).toHaveLength(2);
  });
});
