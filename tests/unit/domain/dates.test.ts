// ISO date-only arithmetic: strict parsing, day counts, Saudi working days, month/year steps, today in Riyadh.
import { describe, expect, it } from 'vitest';
import {
  SAUDI_WEEKEND,
  addDays,
  addMonths,
  addWorkingDays,
  addYears,
  dayOfWeek,
  daysInMonth,
  diffDays,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  isWeekend,
  isWorkingDay,
  localDateTime,
  nextWorkingDay,
  parseInstant,
  parseIsoDate,
  toEpochDay,
  toIsoDate,
  todayIso,
} from '../../../electron/domain/dates';

const DAY_MS = 86_400_000;

describe('isIsoDate / parseIsoDate', () => {
  it.each(['2026-11-22', '2026-02-28', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31', '2026-04-30'])(
    'accepts %j',
    (text) => {
      expect(isIsoDate(text)).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2026-1-05',
    '26-01-05',
    '2026/01/05',
    ' 2026-01-05',
    '2026-01-05 ',
    '2026-01-05T00:00:00Z',
    '+02026-01-05',
    '٢٠٢٦-٠١-٠٥',
    '',
  ])('rejects %j', (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(() => parseIsoDate(text)).toThrow(RangeError);
  });

  it('splits into numbers and composes back', () => {
    expect(parseIsoDate('2026-11-22')).toEqual({ year: 2026, month: 11, day: 22 });
    expect(toIsoDate({ year: 26, month: 1, day: 5 })).toBe('0026-01-05');
    expect(() => toIsoDate({ year: 2026, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => toIsoDate({ year: 2026, month: 2, day: 1.5 })).toThrow(RangeError);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe('epoch days, addDays, diffDays, dayOfWeek', () => {
  it('agree with Date.UTC for every day 1900-2100', () => {
    const first = Date.UTC(1900, 0, 1) / DAY_MS;
    const last = Date.UTC(2100, 11, 31) / DAY_MS;
    let bad = '';
    for (let day = first; day <= last && bad === ''; day += 1) {
      const d = new Date(day * DAY_MS);
      const iso = d.toISOString().slice(0, 10);
      if (fromEpochDay(day) !== iso || toEpochDay(iso) !== day || dayOfWeek(iso) !== d.getUTCDay()) bad = iso;
    }
    expect(bad).toBe('');
  });

  it('handles the ends of the supported years', () => {
    expect(fromEpochDay(toEpochDay('0001-01-01'))).toBe('0001-01-01');
    expect(fromEpochDay(toEpochDay('9999-12-31'))).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => fromEpochDay(1.5)).toThrow(RangeError);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-22', 15)).toBe('2026-12-07');
    expect(addDays('2026-11-22', 365 * 5 + 1)).toBe('2031-11-22');
    expect(() => addDays('2026-11-22', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('counts days from the first date to the second', () => {
    expect(diffDays('2026-01-01', '2026-01-31')).toBe(30);
    expect(diffDays('2026-01-31', '2026-01-01')).toBe(-30);
    expect(diffDays('2026-11-22', '2026-11-22')).toBe(0);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('names weekdays with 0 = Sunday', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0); // Sunday
    expect(dayOfWeek('2026-11-27')).toBe(5); // Friday
    expect(dayOfWeek('2026-11-28')).toBe(6); // Saturday
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });
});

describe('weekends and working days', () => {
  // Week of 2026-11-22: Sun 22 … Thu 26 working, Fri 27 and Sat 28 weekend.
  it('treats Friday and Saturday as the Saudi weekend', () => {
    expect(SAUDI_WEEKEND).toEqual([5, 6]);
    const week = [22, 23, 24, 25, 26, 27, 28].map((d) => isWeekend(`2026-11-${d}`));
    expect(week).toEqual([false, false, false, false, false, true, true]);
  });

  it('takes another weekend as a parameter', () => {
    expect(isWeekend('2026-11-22', [0, 6])).toBe(true);
    expect(isWeekend('2026-11-27', [0, 6])).toBe(false);
    expect(isWorkingDay('2026-11-27', { weekend: [0, 6] })).toBe(true);
    expect(isWorkingDay('2026-11-27', { weekend: [] })).toBe(true);
  });

  it('excludes holidays given as an array or a Set', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-11-23', { holidays: ['2026-11-23'] })).toBe(false);
    expect(isWorkingDay('2026-11-23', { holidays: new Set(['2026-11-23']) })).toBe(false);
    expect(isWorkingDay('2026-11-27')).toBe(false);
  });

  it('rejects a weekend that leaves no working day or has bad day numbers', () => {
    expect(() => addWorkingDays('2026-11-22', 1, { weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => isWorkingDay('2026-11-22', { weekend: [7] })).toThrow(RangeError);
    expect(() => isWorkingDay('2026-11-22', { weekend: [-1] })).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('returns the n-th working day after the date, skipping Friday and Saturday', () => {
    expect(addWorkingDays('2026-11-22', 0)).toBe('2026-11-22');
    expect(addWorkingDays('2026-11-22', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-22', 4)).toBe('2026-11-26');
    expect(addWorkingDays('2026-11-22', 5)).toBe('2026-11-29');
    expect(addWorkingDays('2026-11-26', 1)).toBe('2026-11-29'); // Thursday → Sunday
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-29'); // from Friday
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-29'); // from Saturday
    expect(addWorkingDays('2026-11-27', 0)).toBe('2026-11-27'); // n = 0 never moves
    expect(addWorkingDays('2026-11-22', 10)).toBe('2026-12-06');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-03'); // Thu → Sun across the year end
  });

  it('skips holidays, including ones that run into a weekend', () => {
    const eid = ['2026-03-19', '2026-03-22', '2026-03-23', '2026-03-24']; // Thu, then Sun-Tue
    expect(addWorkingDays('2026-03-18', 1, { holidays: eid })).toBe('2026-03-25');
    expect(addWorkingDays('2026-03-18', 2, { holidays: new Set(eid) })).toBe('2026-03-26');
    expect(addWorkingDays('2026-03-18', 3, { holidays: eid })).toBe('2026-03-29');
  });

  it('uses a custom weekend', () => {
    expect(addWorkingDays('2026-11-27', 1, { weekend: [0, 6] })).toBe('2026-11-30'); // Fri → Mon
    expect(addWorkingDays('2026-11-22', 7, { weekend: [] })).toBe('2026-11-29');
  });

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays('2026-11-22', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-22', 1.5)).toThrow(RangeError);
  });

  it('agrees with counting day by day over two years of random holidays', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const holidays = new Set<string>();
    for (let i = 0; i < 730; i += 1) if (random() < 0.08) holidays.add(addDays('2026-01-01', i));
    for (let trial = 0; trial < 300; trial += 1) {
      const start = addDays('2026-01-01', Math.floor(random() * 600));
      const n = Math.floor(random() * 40);
      let day = start;
      for (let left = n; left > 0; ) {
        day = addDays(day, 1);
        if (![5, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) && !holidays.has(day)) left -= 1;
      }
      expect(addWorkingDays(start, n, { holidays })).toBe(day);
    }
  });
});

describe('nextWorkingDay', () => {
  it('keeps a working day and moves off weekends and holidays', () => {
    expect(nextWorkingDay('2026-11-26')).toBe('2026-11-26');
    expect(nextWorkingDay('2026-11-27')).toBe('2026-11-29');
    expect(nextWorkingDay('2026-11-28')).toBe('2026-11-29');
    expect(nextWorkingDay('2026-11-27', { holidays: ['2026-11-29', '2026-11-30'] })).toBe('2026-12-01');
    expect(nextWorkingDay('2026-11-28', { weekend: [0, 6] })).toBe('2026-11-30');
  });
});

describe('addMonths / addYears', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-11-22', 0)).toBe('2026-11-22');
    expect(addMonths('2026-11-22', 60)).toBe('2031-11-22');
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-11-22', 0.5)).toThrow(RangeError);
  });

  it('moves 29 February to 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2026-11-22', 5)).toBe('2031-11-22'); // limitation period
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('instants and today in Riyadh', () => {
  it('switches date at 21:00 UTC (midnight in Riyadh)', () => {
    expect(todayIso(new Date('2026-11-22T20:59:59.999Z'))).toBe('2026-11-22');
    expect(todayIso(new Date('2026-11-22T21:00:00Z'))).toBe('2026-11-23');
    expect(todayIso(new Date('2026-12-31T21:30:00Z'))).toBe('2027-01-01');
    expect(todayIso(new Date('2026-11-22T21:00:00Z'), 'UTC')).toBe('2026-11-22');
  });

  it('falls back to the platform zone data for other zones', () => {
    expect(todayIso(new Date('2026-07-01T03:00:00Z'), 'America/New_York')).toBe('2026-06-30');
    expect(todayIso(new Date('2026-07-01T05:00:00Z'), 'America/New_York')).toBe('2026-07-01');
  });

  it('agrees with ICU for Asia/Riyadh on hourly instants through 2026', () => {
    const icu = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000 * 7) {
      expect(todayIso(new Date(ms))).toBe(icu.format(new Date(ms)));
    }
  });

  it('gives Riyadh wall-clock time of an instant', () => {
    expect(localDateTime('2026-11-22T11:05:30Z')).toEqual({ date: '2026-11-22', hour: 14, minute: 5, second: 30 });
    expect(localDateTime('2026-11-22T14:05:00+03:00')).toEqual({ date: '2026-11-22', hour: 14, minute: 5, second: 0 });
    expect(localDateTime('1969-12-31T22:00:00Z')).toEqual({ date: '1970-01-01', hour: 1, minute: 0, second: 0 });
    expect(localDateTime(new Date('2026-11-22T21:00:00Z')).date).toBe('2026-11-23');
  });

  it('refuses instants without an offset, which would depend on the machine zone', () => {
    expect(parseInstant('2026-11-22T11:05:00.123Z')).toBe(Date.UTC(2026, 10, 22, 11, 5, 0, 123));
    expect(() => parseInstant('2026-11-22T11:05:00')).toThrow(RangeError);
    expect(() => parseInstant('2026-11-22')).toThrow(RangeError);
    expect(() => parseInstant('not a date')).toThrow(RangeError);
    expect(() => parseInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});
