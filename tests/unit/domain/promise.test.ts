// Promise states at their edges: paid on the due date, a day late, partly, several promises and payments, currency.
import { describe, expect, it } from 'vitest';
import { PROMISE_GRACE_DAYS, promiseHoldingQueue, promiseStandings, type PromiseTerms } from '../../../electron/domain/promise';

const promise = (over: Partial<PromiseTerms> = {}): PromiseTerms => ({ id: 1, amountMinor: 50000, currency: 'SAR', madeOn: '2026-03-01', dueOn: '2026-03-10', ...over });
const one = (p: PromiseTerms, payments: { on: string; amountMinor: number; currency?: string; at?: string }[], today: string) => promiseStandings([p], payments, today)[0];

describe('one promise', () => {
  it('has no grace by default', () => expect(PROMISE_GRACE_DAYS).toBe(0));

  it('is open until its due date passes, whatever was paid short of it', () => {
    expect(one(promise(), [], '2026-03-10')).toEqual({ id: 1, state: 'open', keptMinor: 0 });
    expect(one(promise(), [{ on: '2026-03-05', amountMinor: 20000 }], '2026-03-10')).toEqual({ id: 1, state: 'open', keptMinor: 20000 });
  });

  it('is kept by a full payment on the due date, and at once when paid early', () => {
    expect(one(promise(), [{ on: '2026-03-10', amountMinor: 50000 }], '2026-03-11')).toMatchObject({ state: 'kept', keptMinor: 50000 });
    expect(one(promise(), [{ on: '2026-03-02', amountMinor: 50000 }], '2026-03-02')).toMatchObject({ state: 'kept' });
    // Several instalments adding up; more than promised counts as the amount.
    expect(one(promise(), [{ on: '2026-03-03', amountMinor: 30000 }, { on: '2026-03-09', amountMinor: 30000 }], '2026-03-20')).toMatchObject({ state: 'kept', keptMinor: 50000 });
  });

  it('is broken the day after it falls due with nothing paid; a payment a day late does not count', () => {
    expect(one(promise(), [], '2026-03-11')).toMatchObject({ state: 'broken', keptMinor: 0 });
    expect(one(promise(), [{ on: '2026-03-11', amountMinor: 50000 }], '2026-03-11')).toMatchObject({ state: 'broken', keptMinor: 0 });
  });

  it('is partly kept when something but not all was paid by the due date', () => {
    expect(one(promise(), [{ on: '2026-03-10', amountMinor: 49999 }], '2026-03-11')).toMatchObject({ state: 'partly_kept', keptMinor: 49999 });
  });

  it('does not count payments before it was made (the same day: by the instant when known)', () => {
    expect(one(promise(), [{ on: '2026-02-28', amountMinor: 50000 }], '2026-03-11')).toMatchObject({ state: 'broken' });
    const made = promise({ madeAt: '2026-03-01T09:00:00Z' });
    expect(one(made, [{ on: '2026-03-01', at: '2026-03-01T08:00:00Z', amountMinor: 50000 }], '2026-03-11')).toMatchObject({ state: 'broken' });
    expect(one(made, [{ on: '2026-03-01', at: '2026-03-01T10:00:00Z', amountMinor: 50000 }], '2026-03-11')).toMatchObject({ state: 'kept' });
    expect(one(made, [{ on: '2026-03-01', amountMinor: 50000 }], '2026-03-11')).toMatchObject({ state: 'kept' });
  });

  it('a grace day moves both the last paying day and the judgement', () => {
    expect(promiseStandings([promise()], [{ on: '2026-03-11', amountMinor: 50000 }], '2026-03-11', 1)[0]).toMatchObject({ state: 'kept' });
    expect(promiseStandings([promise()], [], '2026-03-11', 1)[0]).toMatchObject({ state: 'open' });
    expect(promiseStandings([promise()], [], '2026-03-12', 1)[0]).toMatchObject({ state: 'broken' });
  });

  it('counts minor units of its own currency only', () => {
    const kwd = promise({ currency: 'KWD', amountMinor: 1500 }); // 1.500 KWD: three decimals
    expect(one(kwd, [{ on: '2026-03-05', amountMinor: 1500, currency: 'KWD' }], '2026-03-11')).toMatchObject({ state: 'kept', keptMinor: 1500 });
    expect(one(kwd, [{ on: '2026-03-05', amountMinor: 1500, currency: 'SAR' }], '2026-03-11')).toMatchObject({ state: 'broken', keptMinor: 0 });
    expect(one(kwd, [{ on: '2026-03-05', amountMinor: 1000 }], '2026-03-11')).toMatchObject({ state: 'partly_kept', keptMinor: 1000 });
  });
});

describe('several promises', () => {
  const first = promise({ id: 1, amountMinor: 10000, dueOn: '2026-03-10' });
  const second = promise({ id: 2, amountMinor: 20000, dueOn: '2026-03-20' });

  it('a payment goes to the earliest promise first, the rest to the next', () => {
    const s = promiseStandings([second, first], [{ on: '2026-03-05', amountMinor: 15000 }], '2026-03-12');
    expect(s).toEqual([
      { id: 2, state: 'open', keptMinor: 5000 },
      { id: 1, state: 'kept', keptMinor: 10000 },
    ]);
  });

  it('a payment after the first is due goes to the second; the first stays broken', () => {
    const s = promiseStandings([first, second], [{ on: '2026-03-15', amountMinor: 20000 }], '2026-03-21');
    expect(s).toEqual([
      { id: 1, state: 'broken', keptMinor: 0 },
      { id: 2, state: 'kept', keptMinor: 20000 },
    ]);
  });

  it('payments in any order are taken by date', () => {
    const s = promiseStandings([first, second], [{ on: '2026-03-18', amountMinor: 5000 }, { on: '2026-03-09', amountMinor: 10000 }], '2026-03-21');
    expect(s).toEqual([
      { id: 1, state: 'kept', keptMinor: 10000 },
      { id: 2, state: 'partly_kept', keptMinor: 5000 },
    ]);
  });
});

describe('the promise that holds the queue', () => {
  it('is the last-due promise not kept, made since the stage began; the case returns the day after it falls due', () => {
    expect(promiseHoldingQueue([], '2026-03-01')).toBeNull();
    const pending = [
      { dueOn: '2026-03-10', madeOn: '2026-03-01', state: 'broken' as const },
      { dueOn: '2026-03-20', madeOn: '2026-03-11', state: 'open' as const },
      { dueOn: '2026-03-30', madeOn: '2026-03-11', state: 'kept' as const },
    ];
    expect(promiseHoldingQueue(pending, '2026-03-01')).toEqual({ dueOn: '2026-03-20', returnsOn: '2026-03-21', state: 'open' });
    // A stage move after the promises answered them.
    expect(promiseHoldingQueue(pending, '2026-03-12')).toBeNull();
    expect(promiseHoldingQueue(pending.slice(0, 1), '2026-03-01', 2)).toEqual({ dueOn: '2026-03-10', returnsOn: '2026-03-13', state: 'broken' });
  });
});
