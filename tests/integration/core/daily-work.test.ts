// The day as the issue tells it, through the real procedures only: a call logged with a promise, the promise
// shown and then broken, the case back in the queue with the reason and on the lawyer's Today; a payment posted on
// another case keeps its promise and the case goes back to the ladder's own step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail, QueueRow } from '../../../electron/contract/procedures/cases';
import type { CasePromises, PromiseRow } from '../../../electron/contract/procedures/promises';
import type { TodayDashboard } from '../../../electron/contract/procedures/dashboard';
import { PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
let lawyerId: string;
let partyId: number;
let clientId: number;
const session = async (username: string): Promise<string> =>
  (unwrap(await t.call('auth.login', { username, password: PASSWORD })) as { token: string }).token;
const call = async <T,>(name: string, input: unknown, token: string): Promise<T> => unwrap(await t.call(name, input, token)) as T;
const setDay = (iso: string): void => {
  t.clock.now = new Date(`${iso}T09:00:00+03:00`);
};

beforeAll(async () => {
  t = startCore();
  const partner = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  lawyerId = (await call<{ id: string; role: string }[]>('users.list', {}, partner)).find((u) => u.role === 'lawyer')!.id;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة التقسيط الأولى', crNumber: '1010123456' }, partner)).id;
  partyId = (await call<{ id: number }>('parties.create', { kind: 'person', name: 'ماجد الشمري', nationalId: makeNationalId('1', '55667788') }, partner)).id;
});
afterAll(() => t.dispose());

async function caseWithPromise(token: string, amountMinor: number, dueOn: string): Promise<{ k: CaseDetail; promise: PromiseRow }> {
  const k = await call<CaseDetail>('cases.create', { clientId, debtorIds: [partyId], instrumentType: 'invoice', principalMinor: 100_000, lawyerId }, token);
  const entry = await call<{ id: number }>(
    'activity.log',
    { caseId: k.id, channel: 'call', direction: 'out', occurredAt: '2026-11-22T08:30:00+03:00', partyId, outcome: 'promised', notes: 'وعد بالسداد' },
    token,
  );
  const promise = await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor, dueOn, channel: 'call', communicationId: entry.id }, token);
  return { k, promise };
}

describe('a day of collection work', () => {
  it('a broken promise brings the case back to the queue with the reason, and onto the lawyer’s Today', async () => {
    setDay('2026-11-22');
    const lawyer = await session('lawyer');
    const { k, promise } = await caseWithPromise(lawyer, 50_000, '2026-11-25');
    expect(promise.state).toBe('open');
    const queued = (token: string) => call<{ rows: QueueRow[] }>('cases.escalationQueue', { limit: 200 }, token);
    expect((await queued(lawyer)).rows.find((r) => r.id === k.id)).toBeUndefined();

    setDay('2026-11-26'); // the day after it fell due, nothing paid
    const later = await session('lawyer');
    const row = (await queued(later)).rows.find((r) => r.id === k.id);
    expect(row).toMatchObject({ reason: 'promise_due', promiseState: 'broken' });
    const today = await call<TodayDashboard>('dashboard.today', {}, later);
    expect(today.brokenPromises.rows.map((r) => r.caseId)).toContain(k.id);
    expect((await call<CasePromises>('promises.forCase', { caseId: k.id }, later)).promises[0]?.state).toBe('broken');
  });

  it('a payment posted before the due date keeps the promise and returns the case to the ladder', async () => {
    setDay('2026-11-22');
    const lawyer = await session('lawyer');
    const { k } = await caseWithPromise(lawyer, 30_000, '2026-11-30');
    setDay('2026-11-27');
    const later = await session('lawyer');
    type WithReason = CaseDetail & { escalation: { reason: string | null } | null };
    expect((await call<WithReason>('cases.get', { id: k.id }, later)).escalation?.reason).toBe('promise_due');
    await call('payments.post', { caseId: k.id, onDate: '2026-11-27', amountMinor: 30_000, currency: 'SAR', method: 'bank_transfer', reference: 'FT-1' }, later);
    const promises = await call<CasePromises>('promises.forCase', { caseId: k.id }, later);
    expect(promises.promises[0]).toMatchObject({ state: 'kept', keptMinor: 30_000 });
    const detail = await call<WithReason>('cases.get', { id: k.id }, later);
    expect(detail.escalation?.reason ?? null).not.toBe('promise_due');
  });
});
