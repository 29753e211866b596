// Computed deadlines on the office calendar (weekend Friday–Saturday, holidays), the calendar's Hijri labels, and the source windows the calendar queries by.
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, diffDays } from '../../../electron/domain/dates';
import {
  calendarDays,
  caseDeadlines,
  monthGrid,
  nonWorkingReason,
  poaDeadlines,
  sourceWindow,
  weekStart,
  workingDaysBefore,
  type DeadlineFacts,
} from '../../../electron/domain/deadlines';
import { addPeriod, appealEndsOn, courtDateAfter, DEFAULT_LADDER, type LadderConfig } from '../../../electron/domain/ladder';
import { formatHijri } from '../../../electron/domain/format';

const config = (over: Partial<LadderConfig>): LadderConfig => ({ ...DEFAULT_LADDER, ...over });

const facts = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  caseId: 7,
  stage: 'demand',
  dueDate: null,
  noticeDeliveredOn: null,
  demandDeliveredOn: null,
  judgmentOn: null,
  executionOrderNotifiedOn: null,
  ...over,
});

const byCode = (f: DeadlineFacts, c: LadderConfig = DEFAULT_LADDER): Record<string, string> =>
  Object.fromEntries(caseDeadlines(f, c).map((d) => [d.code, d.dueOn]));

describe('the calendar used below', () => {
  it('2026-11-22 is a Sunday; 2026-11-27 a Friday; 2026-12-25 a Friday', () => {
    expect([dayOfWeek('2026-11-22'), dayOfWeek('2026-11-27'), dayOfWeek('2026-12-25')]).toEqual([0, 5, 5]);
  });
});

describe('statutory waits', () => {
  it('the pre-filing notice: 15 calendar days from delivery, on a working day (Sunday 22 Nov → Monday 7 Dec)', () => {
    const d = caseDeadlines(facts({ noticeDeliveredOn: '2026-11-22' }));
    expect(d).toEqual([{ code: 'filing_allowed', caseId: 7, dueOn: '2026-12-07', params: { from: '2026-11-22', days: 15, unit: 'calendar' } }]);
  });

  it("the demand's 5 days ending on a Friday roll over the weekend to Sunday, and over a holiday to Monday", () => {
    expect(byCode(facts({ demandDeliveredOn: '2026-11-22' }))).toEqual({ demand_wait_ends: '2026-11-29' });
    expect(byCode(facts({ demandDeliveredOn: '2026-11-22' }), config({ holidays: ['2026-11-29'] }))).toEqual({ demand_wait_ends: '2026-11-30' });
  });

  it('working-day periods skip the weekend and the holidays (Thursday + 5 working days, a holiday on the Monday)', () => {
    const working = config({ performanceOrderDemand: { days: 5, unit: 'working' } });
    expect(byCode(facts({ demandDeliveredOn: '2026-11-26' }), working)).toEqual({ demand_wait_ends: '2026-12-03' });
    const withHoliday = config({ performanceOrderDemand: { days: 5, unit: 'working' }, holidays: ['2026-11-30'] });
    expect(byCode(facts({ demandDeliveredOn: '2026-11-26' }), withHoliday)).toEqual({ demand_wait_ends: '2026-12-06' });
  });

  it('uses the configured periods, not numbers of its own', () => {
    expect(byCode(facts({ noticeDeliveredOn: '2026-11-22' }), config({ preFilingNotice: { days: 20, unit: 'calendar' } }))).toEqual({
      filing_allowed: '2026-12-13',
    });
  });

  it('the waits and limitation end once the claim is filed; a closed case has no deadlines', () => {
    const f = { noticeDeliveredOn: '2026-11-22', demandDeliveredOn: '2026-11-22', dueDate: '2022-01-01' };
    expect(Object.keys(byCode(facts({ ...f, stage: 'final_notice' }))).sort()).toEqual(['demand_wait_ends', 'filing_allowed', 'limitation_ends']);
    expect(byCode(facts({ ...f, stage: 'litigation' }))).toEqual({});
    expect(byCode(facts({ ...f, stage: 'closed', judgmentOn: '2026-11-22' }))).toEqual({});
  });
});

describe('enforcement art. 34', () => {
  it('5 days after notice of the execution order (configured), rolled to a working day; only while in enforcement', () => {
    const f = facts({ stage: 'enforcement', executionOrderNotifiedOn: '2026-11-22' });
    expect(byCode(f)).toEqual({ sanctions_allowed: '2026-11-29' });
    expect(byCode(f, config({ enforcementObjection: { days: 3, unit: 'calendar' } }))).toEqual({ sanctions_allowed: '2026-11-25' });
    expect(byCode({ ...f, stage: 'litigation' })).toEqual({});
  });
});

describe('appeal window', () => {
  it('30 days from the judgment by default; a last day on a Friday extends to Sunday', () => {
    expect(byCode(facts({ stage: 'litigation', judgmentOn: '2026-11-22' }))).toEqual({ appeal_ends: '2026-12-22' });
    expect(byCode(facts({ stage: 'litigation', judgmentOn: '2026-11-25' }))).toEqual({ appeal_ends: '2026-12-27' });
    expect(appealEndsOn('2026-11-25')).toBe('2026-12-27');
  });

  it('follows a configured window and the holidays', () => {
    const c = config({ appealWindow: { days: 10, unit: 'calendar' }, holidays: ['2026-12-02'] });
    expect(byCode(facts({ stage: 'enforcement', judgmentOn: '2026-11-22' }), c)).toEqual({ appeal_ends: '2026-12-03' });
  });
});

describe('limitation', () => {
  it('due date + 5 years, flagged 90 days before, never rolled off a Friday', () => {
    const [d] = caseDeadlines(facts({ stage: 'reminder', dueDate: '2021-12-01' }));
    expect(d).toEqual({ code: 'limitation_ends', caseId: 7, dueOn: '2026-12-01', params: { from: '2021-12-01', years: 5, flagFrom: '2026-09-02' } });
    expect(byCode(facts({ dueDate: '2021-11-27' }))).toEqual({ limitation_ends: '2026-11-27' });
    expect(byCode(facts({ dueDate: '2024-02-29' }))).toEqual({ limitation_ends: '2029-02-28' });
    expect(byCode(facts({ dueDate: '2024-02-29' }), config({ limitationYears: 3 }))).toEqual({ limitation_ends: '2027-02-28' });
  });
});

describe('power-of-attorney expiry', () => {
  it("one line per client: the power that lasts longest; a power without expiry means none; soonest first", () => {
    const lines = poaDeadlines([
      { id: 1, clientId: 1, number: 'A-1', expiresOn: '2027-01-10' },
      { id: 2, clientId: 1, number: 'A-2', expiresOn: '2027-06-30' },
      { id: 3, clientId: 2, number: 'B-1', expiresOn: '2026-12-01' },
      { id: 4, clientId: 2, number: 'B-2', expiresOn: null },
      { id: 5, clientId: 3, number: 'C-1', expiresOn: '2026-12-15' },
    ]);
    expect(lines).toEqual([
      { code: 'poa_expires', caseId: null, dueOn: '2026-12-15', params: { clientId: 3, poaId: 5, number: 'C-1' } },
      { code: 'poa_expires', caseId: null, dueOn: '2027-06-30', params: { clientId: 1, poaId: 2, number: 'A-2' } },
    ]);
  });
});

describe('hearing preparation: working days before', () => {
  it('2 working days before a Sunday hearing is the Wednesday; a holiday on it pushes to Tuesday', () => {
    expect(workingDaysBefore('2026-11-29', 2)).toBe('2026-11-25');
    expect(workingDaysBefore('2026-11-29', 2, config({ holidays: ['2026-11-25'] }))).toBe('2026-11-24');
    expect(workingDaysBefore('2026-11-24', 0)).toBe('2026-11-24');
    expect(() => workingDaysBefore('2026-11-24', -1)).toThrow(RangeError);
  });

  it('names why a day is not worked', () => {
    expect(nonWorkingReason('2026-11-27')).toBe('weekend');
    expect(nonWorkingReason('2026-11-23', config({ holidays: ['2026-11-23'] }))).toBe('holiday');
    expect(nonWorkingReason('2026-11-23')).toBeNull();
  });
});

describe('calendar days', () => {
  it('label each day with its Umm al-Qura date: 2026-11-22 is 1448/06/12', () => {
    const days = calendarDays('2026-11-21', '2026-11-23');
    expect(days.map((d) => [d.date, d.hijri])).toEqual([
      ['2026-11-21', { year: 1448, month: 6, day: 11 }],
      ['2026-11-22', { year: 1448, month: 6, day: 12 }],
      ['2026-11-23', { year: 1448, month: 6, day: 13 }],
    ]);
    expect(formatHijri('2026-11-22', { lang: 'ar', digits: 'western' })).toBe('1448/06/12');
  });

  it('the month grid of November 2026 runs 42 days from Sunday 1 Nov; Hijri months turn inside it; weekend and holidays marked', () => {
    const grid = monthGrid(2026, 11);
    expect(grid).toEqual({ from: '2026-11-01', to: '2026-12-12' });
    const days = calendarDays(grid.from, grid.to, config({ holidays: ['2026-12-01'] }));
    expect(days).toHaveLength(42);
    const firsts = days.filter((d) => d.hijri.day === 1).map((d) => [d.date, d.hijri.month]);
    expect(firsts.length).toBeGreaterThanOrEqual(1);
    expect(days.filter((d) => d.weekend).every((d) => d.weekday === 5 || d.weekday === 6)).toBe(true);
    expect(days.filter((d) => d.weekend)).toHaveLength(12);
    expect(days.filter((d) => d.holiday).map((d) => d.date)).toEqual(['2026-12-01']);
    // Consecutive Hijri days: each is the previous + 1, or a new month's 1st after a 29th or 30th.
    days.slice(1).forEach((d, i) => {
      const prev = days[i]!.hijri;
      expect(d.hijri.day === prev.day + 1 || (d.hijri.day === 1 && prev.day >= 29)).toBe(true);
    });
    expect(weekStart('2026-11-26')).toBe('2026-11-22');
  });

  it('refuses an empty or over-long range', () => {
    expect(() => calendarDays('2026-11-22', '2026-11-21')).toThrow(RangeError);
    expect(() => calendarDays('2026-11-01', '2027-01-05')).toThrow(RangeError);
  });
});

describe('source windows (the calendar queries stored dates by range)', () => {
  it('every deadline lies within [min, max] days of its source, for calendar and working periods, weekends and holidays', () => {
    const configs = [
      DEFAULT_LADDER,
      config({ holidays: ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'] }),
      config({ weekend: [4, 5, 6], holidays: ['2026-12-06'] }),
    ];
    for (const c of configs) {
      for (const period of [
        { days: 0, unit: 'calendar' as const },
        { days: 5, unit: 'calendar' as const },
        { days: 15, unit: 'calendar' as const },
        { days: 5, unit: 'working' as const },
        { days: 23, unit: 'working' as const },
      ]) {
        const w = sourceWindow(period, c);
        for (let i = 0; i < 40; i += 1) {
          const from = addDays('2026-11-10', i);
          const span = diffDays(from, courtDateAfter(from, period, c));
          expect(span).toBeGreaterThanOrEqual(w.min);
          expect(span).toBeLessThanOrEqual(w.max);
          expect(diffDays(from, addPeriod(from, period, c))).toBeGreaterThanOrEqual(w.min);
        }
      }
    }
  });
});
