// Today's money: outstanding on open cases and collected this month, per currency (never added across currencies), for
// the office (partners) or a person's own cases, net of reversals — through the real router.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { DashboardMoney, TodayDashboard } from '../../../electron/contract/procedures/dashboard';
import type { PostedPayment } from '../../../electron/contract/procedures/payments';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
let partner: string;
let lawyer: string;
let lawyerId: string;
let clientId: number;
let seq = 0;
const login = async (username: string): Promise<string> => (unwrap(await t.call('auth.login', { username, password: PASSWORD })) as { token: string }).token;
const call = async <T,>(name: string, input: unknown, session = partner): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const money = (d: TodayDashboard, currency: string): DashboardMoney | undefined => d.money.find((m) => m.currency === currency);

async function newCase(currency: string, principalMinor: number, withLawyer: boolean): Promise<CaseDetail> {
  seq++;
  const d = await call<{ id: number }>('parties.create', { kind: 'person', name: `مدين رقم ${seq}`, nationalId: makeNationalId('1', String(40_000_000 + seq)) });
  return call<CaseDetail>('cases.create', { clientId, debtorIds: [d.id], instrumentType: 'invoice', principalMinor, currency, lawyerId: withLawyer ? lawyerId : null });
}

beforeAll(async () => {
  t = startCore();
  t.clock.now = new Date('2026-11-22T09:00:00+03:00');
  partner = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  lawyer = await login('lawyer');
  lawyerId = (await call<{ id: string; role: string }[]>('users.list', {})).find((u) => u.role === 'lawyer')?.id ?? '';
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة المال المتعدد', crNumber: '1010123456' })).id;
});
afterAll(() => t.dispose());

describe('money on Today', () => {
  it('shows an empty office as nothing owed and nothing collected', async () => {
    const d = await call<TodayDashboard>('dashboard.today', { scope: 'office' });
    expect(d.money).toEqual([]);
  });

  it('adds per currency only: outstanding on open cases, collected this month net of a reversal, the office and a lawyer’s own', async () => {
    const sar = await newCase('SAR', 1_000_000, true);
    const sarOther = await newCase('SAR', 500_000, false);
    const usd = await newCase('USD', 200_000, true);
    const post = (caseId: number, amountMinor: number, currency: string, onDate = '2026-11-22') =>
      call<PostedPayment>('payments.post', { caseId, onDate, amountMinor, currency, method: 'cash' });
    await post(sar.id, 100_000, 'SAR');
    await post(sarOther.id, 50_000, 'SAR');
    const bounced = await post(sarOther.id, 20_000, 'SAR');
    await call('payments.reverse', { id: bounced.payment.id, onDate: '2026-11-22', reason: 'شيك مرتجع' });
    await post(usd.id, 30_000, 'USD');

    const office = await call<TodayDashboard>('dashboard.today', { scope: 'office' });
    expect(office.money.map((m) => m.currency)).toEqual(['SAR', 'USD']);
    expect(money(office, 'SAR')).toEqual({ currency: 'SAR', outstandingMinor: 900_000 + 450_000, owingCases: 2, collectedMinor: 150_000 });
    expect(money(office, 'USD')).toEqual({ currency: 'USD', outstandingMinor: 170_000, owingCases: 1, collectedMinor: 30_000 });

    // A lawyer sees their own cases' money only (and may not ask for the office's).
    const mine = await call<TodayDashboard>('dashboard.today', { scope: 'me' }, lawyer);
    expect(money(mine, 'SAR')).toEqual({ currency: 'SAR', outstandingMinor: 900_000, owingCases: 1, collectedMinor: 100_000 });
    expect(money(mine, 'USD')?.outstandingMinor).toBe(170_000);
    expect(errorCode(await t.call('dashboard.today', { scope: 'office' }, lawyer))).toBe('permission.denied');
    expect(mine.moneyScope).toBe('person');
    const asPartner = await call<TodayDashboard>('dashboard.today', { scope: 'user', userId: lawyerId });
    expect(asPartner.money).toEqual(mine.money);
    // A partner's own day shows the office's money (partners answer for it), the sections stay their own.
    const partnersDay = await call<TodayDashboard>('dashboard.today', { scope: 'me' });
    expect(partnersDay.moneyScope).toBe('office');
    expect(partnersDay.money).toEqual(office.money);
  });

  it('counts a payment in its own month only, and a fully paid case as owing nothing', async () => {
    const k = await newCase('SAR', 300_000, false);
    const before = money(await call<TodayDashboard>('dashboard.today', { scope: 'office' }), 'SAR');
    t.clock.now = new Date('2026-12-02T09:00:00+03:00');
    partner = await login('partner');
    await call<PostedPayment>('payments.post', { caseId: k.id, onDate: '2026-12-01', amountMinor: 300_000, currency: 'SAR', method: 'sadad' });
    const december = money(await call<TodayDashboard>('dashboard.today', { scope: 'office' }), 'SAR');
    // November's payments are no longer "this month"; the paid-off case owes nothing and is not counted as owing.
    expect(december?.collectedMinor).toBe(300_000);
    expect(december?.outstandingMinor).toBe((before?.outstandingMinor ?? 0) - 300_000);
    expect(december?.owingCases).toBe((before?.owingCases ?? 0) - 1);
  });
});
