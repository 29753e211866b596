// Instalment plans: exact sums for awkward totals, month-end clamping, weekend and holiday moves, bad input as problems, and states at their edges.
import { describe, expect, it } from 'vitest';
import { dayOfWeek, isWorkingDay } from '../../../electron/domain/dates';
import {
  DEFAULT_AFTER_MISSED,
  instalmentStates,
  MAX_INSTALMENTS,
  planSchedule,
  type PlanInput,
  type PlannedInstalment,
} from '../../../electron/domain/instalments';

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  totalMinor: 300_000,
  count: 3,
  frequency: 'monthly',
  firstDate: '2026-03-10',
  remainder: 'last',
  ...over,
});

function schedule(over: Partial<PlanInput> = {}): PlannedInstalment[] {
  const result = planSchedule(input(over));
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.schedule;
}

const amounts = (s: PlannedInstalment[]): number[] => s.map((i) => i.amountMinor);
const dates = (s: PlannedInstalment[]): string[] => s.map((i) => i.dueOn);
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('planSchedule: amounts', () => {
  it('splits an even total into equal instalments numbered from 1', () => {
    const s = schedule();
    expect(s.map((i) => i.n)).toEqual([1, 2, 3]);
    expect(amounts(s)).toEqual([100_000, 100_000, 100_000]);
  });

  it('puts the whole remainder on the last instalment, or on the first', () => {
    expect(amounts(schedule({ totalMinor: 4, count: 3 }))).toEqual([1, 1, 2]);
    expect(amounts(schedule({ totalMinor: 4, count: 3, remainder: 'first' }))).toEqual([2, 1, 1]);
    expect(amounts(schedule({ totalMinor: 1_000_000, count: 3 }))).toEqual([333_333, 333_333, 333_334]);
    expect(amounts(schedule({ totalMinor: 1_000_000, count: 3, remainder: 'first' }))).toEqual([333_334, 333_333, 333_333]);
  });

  it('adds up exactly for awkward totals', () => {
    expect(amounts(schedule({ totalMinor: 3, count: 3 }))).toEqual([1, 1, 1]);
    // 100,000.01 SAR over 7: 7 × 1,428,571 = 9,999,997, so 4 halalas are left over.
    const seven = schedule({ totalMinor: 10_000_001, count: 7 });
    expect(sum(amounts(seven))).toBe(10_000_001);
    expect(amounts(seven)).toEqual([1_428_571, 1_428_571, 1_428_571, 1_428_571, 1_428_571, 1_428_571, 1_428_575]);
    expect(amounts(schedule({ totalMinor: 10_000_001, count: 7, remainder: 'first' }))[0]).toBe(1_428_575);
    // A single instalment is the whole total.
    expect(amounts(schedule({ totalMinor: 12_345, count: 1 }))).toEqual([12_345]);
    // The largest safe total still adds up exactly.
    const huge = schedule({ totalMinor: Number.MAX_SAFE_INTEGER, count: 7 });
    expect(huge.reduce((a, i) => a + BigInt(i.amountMinor), 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('adds up exactly for every count from 1 to 120 and a spread of totals', () => {
    for (const total of [120, 121, 9_999, 10_000_001, 123_456_789, 99_999_999_999]) {
      for (let count = 1; count <= MAX_INSTALMENTS; count += 1) {
        if (total < count) continue;
        for (const remainder of ['first', 'last'] as const) {
          const a = amounts(schedule({ totalMinor: total, count, remainder, frequency: 'weekly' }));
          expect(a).toHaveLength(count);
          expect(sum(a)).toBe(total);
          expect(a.every((x) => Number.isSafeInteger(x) && x >= 1)).toBe(true);
          const others = remainder === 'first' ? a.slice(1) : a.slice(0, -1);
          expect(new Set(others).size).toBeLessThanOrEqual(1);
          expect(((remainder === 'first' ? a[0] : a[count - 1]) ?? 0) - Math.min(...a)).toBeLessThan(count);
        }
      }
    }
  });

  it('plans 120 monthly instalments over ten years', () => {
    const s = schedule({ totalMinor: 100_000_000, count: 120, firstDate: '2026-01-15' });
    expect(s).toHaveLength(120);
    expect(sum(amounts(s))).toBe(100_000_000);
    expect(s[0]?.amountMinor).toBe(833_333);
    expect(s[119]?.amountMinor).toBe(833_373);
    expect(s[119]?.dueOn.slice(0, 7)).toBe('2035-12');
    expect(s.every((i) => isWorkingDay(i.dueOn))).toBe(true);
  });
});

describe('planSchedule: dates', () => {
  const noWeekend = { weekend: [] as number[] };

  it('keeps the first date’s day of the month, clamped to short months without drifting', () => {
    expect(dates(schedule({ ...noWeekend, firstDate: '2027-01-31', count: 4 }))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    // Across a leap year: 29 February, then back to the 31st.
    expect(dates(schedule({ ...noWeekend, firstDate: '2028-01-31', count: 4 }))).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
    expect(dates(schedule({ ...noWeekend, firstDate: '2027-12-30', count: 4 }))).toEqual(['2027-12-30', '2028-01-30', '2028-02-29', '2028-03-30']);
    expect(dates(schedule({ ...noWeekend, firstDate: '2028-02-29', count: 13 })).slice(-2)).toEqual(['2029-01-29', '2029-02-28']);
  });

  it('counts later months from the first date, not from a date that was moved off the weekend', () => {
    // 2028-03-31 is a Friday → Sunday 2 April; April keeps the 30th (a Sunday, a working day).
    expect(dates(schedule({ firstDate: '2028-01-31', count: 4 }))).toEqual(['2028-01-31', '2028-02-29', '2028-04-02', '2028-04-30']);
  });

  it('moves a due date on Friday or Saturday to Sunday', () => {
    expect(dayOfWeek('2026-11-27')).toBe(5);
    expect(dates(schedule({ firstDate: '2026-11-27', count: 1 }))).toEqual(['2026-11-29']);
    expect(dates(schedule({ firstDate: '2026-11-28', count: 1 }))).toEqual(['2026-11-29']);
    expect(dates(schedule({ firstDate: '2026-11-29', count: 1 }))).toEqual(['2026-11-29']);
  });

  it('follows the ladder’s weekend when it is another one', () => {
    // A Saturday–Sunday weekend: Friday stays, Saturday goes to Monday.
    expect(dates(schedule({ firstDate: '2026-11-27', count: 2, frequency: 'weekly', weekend: [0, 6] }))).toEqual(['2026-11-27', '2026-12-04']);
    expect(dates(schedule({ firstDate: '2026-11-28', count: 1, weekend: [0, 6] }))).toEqual(['2026-11-30']);
  });

  it('moves a date on a holiday to the next working day, past the weekend too', () => {
    const holidays = ['2026-05-26', '2026-05-27', '2026-05-28', '2026-05-31'];
    expect(dates(schedule({ firstDate: '2026-05-26', count: 3, frequency: 'weekly', holidays }))).toEqual(['2026-06-01', '2026-06-02', '2026-06-09']);
    expect(dates(schedule({ firstDate: '2026-04-26', count: 3, holidays }))).toEqual(['2026-04-26', '2026-06-01', '2026-06-28']);
  });

  it('can put two weekly instalments on one day after a long holiday, in order', () => {
    const holidays = ['2026-03-17', '2026-03-18', '2026-03-19', '2026-03-22', '2026-03-23', '2026-03-24'];
    const s = schedule({ firstDate: '2026-03-17', count: 3, frequency: 'weekly', holidays });
    expect(dates(s)).toEqual(['2026-03-25', '2026-03-25', '2026-03-31']);
  });

  it('plans weekly instalments seven days apart', () => {
    const s = schedule({ firstDate: '2026-03-10', count: 5, frequency: 'weekly', totalMinor: 50_003 });
    expect(dates(s)).toEqual(['2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07']);
    expect(amounts(s)).toEqual([10_000, 10_000, 10_000, 10_000, 10_003]);
  });
});

describe('planSchedule: bad input is a list of problems', () => {
  const problems = (over: Partial<PlanInput>) => {
    const result = planSchedule(input(over));
    return result.ok ? [] : result.problems.map((p) => p.code);
  };

  it('refuses a count below 1 or above 120, or not whole', () => {
    expect(problems({ count: 0 })).toEqual(['count_out_of_range']);
    expect(problems({ count: -3 })).toEqual(['count_out_of_range']);
    expect(problems({ count: 121 })).toEqual(['count_out_of_range']);
    expect(problems({ count: 2.5 })).toEqual(['count_out_of_range']);
    expect(planSchedule(input({ count: 121 }))).toEqual({ ok: false, problems: [{ code: 'count_out_of_range', min: 1, max: 120 }] });
    expect(problems({ count: 120, totalMinor: 120 })).toEqual([]);
  });

  it('refuses a total that is not positive or not whole minor units', () => {
    expect(problems({ totalMinor: 0 })).toEqual(['total_not_positive']);
    expect(problems({ totalMinor: -100 })).toEqual(['total_not_positive']);
    expect(problems({ totalMinor: 100.5 })).toEqual(['total_not_whole']);
    expect(problems({ totalMinor: Number.NaN })).toEqual(['total_not_whole']);
    expect(problems({ totalMinor: Number.MAX_SAFE_INTEGER + 1 })).toEqual(['total_not_whole']);
  });

  it('refuses a plan whose instalments cannot add up: fewer halalas than instalments', () => {
    expect(planSchedule(input({ totalMinor: 1, count: 3 }))).toEqual({ ok: false, problems: [{ code: 'total_below_count', minMinor: 3 }] });
    expect(problems({ totalMinor: 2, count: 3 })).toEqual(['total_below_count']);
  });

  it('refuses an invalid first date, frequency, weekend or holiday', () => {
    for (const firstDate of ['2026-02-30', '2026-2-28', '', '2026-02-28T00:00', 'tomorrow']) {
      expect(problems({ firstDate })).toEqual(['first_date_invalid']);
    }
    expect(problems({ frequency: 'daily' as PlanInput['frequency'] })).toEqual(['frequency_invalid']);
    expect(problems({ weekend: [0, 1, 2, 3, 4, 5, 6] })).toEqual(['weekend_invalid']);
    expect(problems({ weekend: [7] })).toEqual(['weekend_invalid']);
    expect(planSchedule(input({ holidays: ['2026-13-01'] }))).toEqual({ ok: false, problems: [{ code: 'holiday_invalid', date: '2026-13-01' }] });
  });

  it('reports every problem at once', () => {
    expect(problems({ totalMinor: 0, count: 0, firstDate: 'x' })).toEqual(['total_not_positive', 'count_out_of_range', 'first_date_invalid']);
  });

  it('refuses a plan running past the last representable year instead of throwing', () => {
    expect(problems({ firstDate: '9999-06-15', count: 12 })).toEqual(['dates_out_of_range']);
    expect(problems({ firstDate: '9999-12-31', count: 1 })).toEqual(['dates_out_of_range']); // a Friday, moved into year 10000
  });
});

// ---------------------------------------------------------------- states

const plan: PlannedInstalment[] = [
  { n: 1, dueOn: '2026-03-10', amountMinor: 1000 },
  { n: 2, dueOn: '2026-04-10', amountMinor: 1000 },
  { n: 3, dueOn: '2026-05-10', amountMinor: 1000 },
];
const states = (payments: { on: string; amountMinor: number }[], today: string, defaultAfterMissed?: number) =>
  instalmentStates(plan, payments, today, defaultAfterMissed === undefined ? {} : { defaultAfterMissed });
const stateList = (r: ReturnType<typeof states>): string[] => r.instalments.map((i) => i.state);

describe('instalmentStates: one instalment at its edges', () => {
  it('defaults after 2 missed instalments unless the office says otherwise', () => expect(DEFAULT_AFTER_MISSED).toBe(2));

  it('is due on its date with nothing paid, and carries the schedule fields', () => {
    const r = states([], '2026-03-10');
    expect(r.instalments[0]).toEqual({ n: 1, dueOn: '2026-03-10', amountMinor: 1000, state: 'due', paidMinor: 0, paidOn: null });
    expect(r).toMatchObject({ missed: 0, defaulted: false, defaultedOn: null, unappliedMinor: 0 });
  });

  it('is paid by a full payment on the due date, and stays paid', () => {
    const r = states([{ on: '2026-03-10', amountMinor: 1000 }], '2026-03-11');
    expect(r.instalments[0]).toMatchObject({ state: 'paid', paidMinor: 1000, paidOn: '2026-03-10' });
    expect(r.missed).toBe(0);
  });

  it('is late the day after its date with nothing paid; a payment that day pays it late', () => {
    expect(states([], '2026-03-11').instalments[0]).toMatchObject({ state: 'late', paidMinor: 0 });
    expect(states([], '2026-03-11').missed).toBe(1);
    const paidLate = states([{ on: '2026-03-11', amountMinor: 1000 }], '2026-03-11');
    expect(paidLate.instalments[0]).toMatchObject({ state: 'paid', paidOn: '2026-03-11' });
    expect(paidLate.missed).toBe(0);
  });

  it('is partly paid after its date with part paid; before its date it is still due with the part shown', () => {
    expect(states([{ on: '2026-03-05', amountMinor: 400 }], '2026-03-10').instalments[0]).toMatchObject({ state: 'due', paidMinor: 400, paidOn: null });
    const r = states([{ on: '2026-03-05', amountMinor: 400 }, { on: '2026-03-10', amountMinor: 599 }], '2026-03-11');
    expect(r.instalments[0]).toMatchObject({ state: 'partly_paid', paidMinor: 999, paidOn: null });
    expect(r.missed).toBe(1);
  });

  it('ignores payments dated after today, and zero payments', () => {
    const r = states([{ on: '2026-03-12', amountMinor: 1000 }, { on: '2026-03-01', amountMinor: 0 }], '2026-03-11');
    expect(r.instalments[0]).toMatchObject({ state: 'late', paidMinor: 0 });
  });
});

describe('instalmentStates: payments across instalments', () => {
  it('carries an overpayment forward to the next instalments', () => {
    const r = states([{ on: '2026-03-10', amountMinor: 2500 }], '2026-03-20');
    expect(stateList(r)).toEqual(['paid', 'paid', 'due']);
    expect(r.instalments.map((i) => i.paidMinor)).toEqual([1000, 1000, 500]);
    expect(r.instalments[1]?.paidOn).toBe('2026-03-10');
  });

  it('holds what exceeds the whole schedule as unapplied, never lost', () => {
    const r = states([{ on: '2026-03-10', amountMinor: 3001 }, { on: '2026-03-11', amountMinor: 50 }], '2026-03-20');
    expect(stateList(r)).toEqual(['paid', 'paid', 'paid']);
    expect(r.unappliedMinor).toBe(51);
  });

  it('pays the earliest unpaid instalment first, so paying the current one while behind leaves it unpaid', () => {
    const r = states([{ on: '2026-04-10', amountMinor: 1000 }], '2026-04-11');
    expect(r.instalments[0]).toMatchObject({ state: 'paid', paidOn: '2026-04-10' });
    expect(r.instalments[1]).toMatchObject({ state: 'late', paidMinor: 0 });
    expect(r).toMatchObject({ missed: 1, defaulted: false });
  });

  it('takes payments in date order whatever order they are given in', () => {
    const given = [{ on: '2026-04-01', amountMinor: 700 }, { on: '2026-03-01', amountMinor: 600 }];
    const r = states(given, '2026-04-02');
    expect(r.instalments.map((i) => i.paidMinor)).toEqual([1000, 300, 0]);
    expect(r.instalments[0]?.paidOn).toBe('2026-04-01');
  });

  it('orders instalments by due date, not by position in the list', () => {
    const shuffled = [...plan.slice(2), ...plan.slice(0, 2)];
    const r = instalmentStates(shuffled, [{ on: '2026-03-01', amountMinor: 1500 }], '2026-03-02');
    expect(r.instalments.map((i) => [i.n, i.paidMinor])).toEqual([[3, 0], [1, 1000], [2, 500]]);
  });

  it('works on a planned schedule end to end', () => {
    const s = schedule({ totalMinor: 10_000_001, count: 7, firstDate: '2026-11-27' });
    const r = instalmentStates(s, [{ on: '2026-11-29', amountMinor: 10_000_001 }], '2026-11-29');
    expect(r.instalments.every((i) => i.state === 'paid')).toBe(true);
    expect(sum(r.instalments.map((i) => i.paidMinor))).toBe(10_000_001);
    expect(r.unappliedMinor).toBe(0);
  });
});

describe('instalmentStates: default', () => {
  it('does not default after 1 missed instalment', () => {
    const r = states([], '2026-04-10');
    expect(stateList(r)).toEqual(['late', 'due', 'due']);
    expect(r).toMatchObject({ missed: 1, defaulted: false, defaultedOn: null });
  });

  it('defaults after 2 missed, on the day after the second due date', () => {
    const r = states([], '2026-04-11');
    expect(stateList(r)).toEqual(['late', 'late', 'due']);
    expect(r).toMatchObject({ missed: 2, defaulted: true, defaultedOn: '2026-04-11' });
    // Judged later, it still defaulted on that day.
    expect(states([], '2026-06-01')).toMatchObject({ missed: 3, defaulted: true, defaultedOn: '2026-04-11' });
  });

  it('counts a partly paid instalment as missed', () => {
    const r = states([{ on: '2026-03-10', amountMinor: 999 }], '2026-04-11');
    expect(stateList(r)).toEqual(['partly_paid', 'late', 'due']);
    expect(r).toMatchObject({ missed: 2, defaultedOn: '2026-04-11' });
  });

  it('does not default when a missed instalment was caught up before the next one was missed', () => {
    const r = states([{ on: '2026-03-15', amountMinor: 1000 }], '2026-05-10');
    expect(stateList(r)).toEqual(['paid', 'late', 'due']);
    expect(r).toMatchObject({ missed: 1, defaulted: false });
  });

  it('does not default when the arrears are paid on the day it would have', () => {
    expect(states([{ on: '2026-04-11', amountMinor: 1000 }], '2026-04-11')).toMatchObject({ missed: 1, defaulted: false });
    expect(states([{ on: '2026-04-12', amountMinor: 1000 }], '2026-04-12')).toMatchObject({ missed: 1, defaulted: true, defaultedOn: '2026-04-11' });
  });

  it('stays defaulted once the arrears are paid after the default', () => {
    const r = states([{ on: '2026-04-20', amountMinor: 2000 }], '2026-04-25');
    expect(stateList(r)).toEqual(['paid', 'paid', 'due']);
    expect(r).toMatchObject({ missed: 0, defaulted: true, defaultedOn: '2026-04-11' });
  });

  it('follows the office’s setting', () => {
    expect(states([], '2026-03-11', 1)).toMatchObject({ defaulted: true, defaultedOn: '2026-03-11' });
    expect(states([], '2026-04-11', 3)).toMatchObject({ missed: 2, defaulted: false });
    expect(states([], '2026-05-11', 3)).toMatchObject({ missed: 3, defaulted: true, defaultedOn: '2026-05-11' });
    expect(states([], '2026-05-11', 4)).toMatchObject({ missed: 3, defaulted: false });
  });

  it('counts two instalments due on one day as two missed on the next day', () => {
    const sameDay: PlannedInstalment[] = [
      { n: 1, dueOn: '2026-03-25', amountMinor: 500 },
      { n: 2, dueOn: '2026-03-25', amountMinor: 500 },
    ];
    expect(instalmentStates(sameDay, [{ on: '2026-03-25', amountMinor: 500 }], '2026-03-26')).toMatchObject({ missed: 1, defaulted: false });
    expect(instalmentStates(sameDay, [], '2026-03-26')).toMatchObject({ missed: 2, defaultedOn: '2026-03-26' });
  });
});

describe('instalmentStates: refuses what only a bug could send', () => {
  it('a negative or fractional payment (reversals are netted out by the caller)', () => {
    expect(() => states([{ on: '2026-03-10', amountMinor: -1000 }], '2026-03-11')).toThrow(RangeError);
    expect(() => states([{ on: '2026-03-10', amountMinor: 10.5 }], '2026-03-11')).toThrow(RangeError);
  });

  it('a threshold below 1, or an instalment of nothing', () => {
    expect(() => states([], '2026-03-11', 0)).toThrow(RangeError);
    expect(() => instalmentStates([{ n: 1, dueOn: '2026-03-10', amountMinor: 0 }], [], '2026-03-11')).toThrow(RangeError);
  });
});
