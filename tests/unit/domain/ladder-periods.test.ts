// The ladder's clocks: periods on the office calendar, earliest court dates, limitation, promissory-note registration.
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../../electron/domain/dates';
import {
  DEFAULT_LADDER,
  type LadderConfig,
  addPeriod,
  appealEndsOn,
  courtDateAfter,
  earliestAfterDemandDate,
  earliestFilingDate,
  limitationEndsOn,
  limitationFlag,
  noteWarning,
  sanctionsEarliestDate,
  unregisteredNote,
} from '../../../electron/domain/ladder';

function config(over: Partial<LadderConfig>): LadderConfig {
  return { ...DEFAULT_LADDER, ...over };
}

describe('the calendar used below', () => {
  it('2026-11-22 is a Sunday, 2026-11-27 a Friday, 2026-12-12 a Saturday', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfWeek('2026-11-27')).toBe(5);
    expect(dayOfWeek('2026-12-12')).toBe(6);
  });
});

describe('addPeriod', () => {
  it('counts calendar days without rolling', () => {
    expect(addPeriod('2026-11-22', { days: 5, unit: 'calendar' })).toBe('2026-11-27');
    expect(addPeriod('2026-11-22', { days: 0, unit: 'calendar' })).toBe('2026-11-22');
  });

  it('counts working days across a weekend and a holiday', () => {
    const c = config({ holidays: ['2026-12-01'] });
    // Thu 26 → Sun 29 (1), Mon 30 (2), Tue 1 holiday, Wed 2 (3), Thu 3 (4), Fri–Sat weekend, Sun 6 (5).
    expect(addPeriod('2026-11-26', { days: 5, unit: 'working' }, c)).toBe('2026-12-06');
    expect(addPeriod('2026-11-26', { days: 5, unit: 'working' })).toBe('2026-12-03');
  });

  it('uses the configured weekend', () => {
    // A Saturday–Sunday weekend: Fri 27 → Mon 30 is the first working day.
    expect(addPeriod('2026-11-27', { days: 1, unit: 'working' }, config({ weekend: [6, 0] }))).toBe('2026-11-30');
    expect(addPeriod('2026-11-27', { days: 1, unit: 'working' })).toBe('2026-11-29');
  });
});

describe('courtDateAfter', () => {
  it('rolls a calendar period ending on the weekend to Sunday', () => {
    expect(courtDateAfter('2026-11-27', { days: 15, unit: 'calendar' })).toBe('2026-12-13');
  });
  it('rolls past a holiday that follows the weekend', () => {
    expect(courtDateAfter('2026-11-27', { days: 15, unit: 'calendar' }, config({ holidays: ['2026-12-13'] }))).toBe('2026-12-14');
  });
  it('leaves a working day alone', () => {
    expect(courtDateAfter('2026-11-22', { days: 15, unit: 'calendar' })).toBe('2026-12-07');
  });
});

describe('earliestFilingDate', () => {
  it('is null until the notice is delivered', () => {
    expect(earliestFilingDate({ noticeDeliveredOn: null })).toBeNull();
  });
  it('is 2026-12-07 for a notice delivered 2026-11-22 (15 calendar days)', () => {
    expect(earliestFilingDate({ noticeDeliveredOn: '2026-11-22' })).toBe('2026-12-07');
  });
  it('rolls to the next working day when the 15th day is a holiday', () => {
    expect(earliestFilingDate({ noticeDeliveredOn: '2026-11-22' }, config({ holidays: ['2026-12-07'] }))).toBe('2026-12-08');
  });
  it('counts a working-day notice period on the weekend and holidays', () => {
    const c = config({ preFilingNotice: { days: 5, unit: 'working' }, holidays: ['2026-12-01'] });
    expect(earliestFilingDate({ noticeDeliveredOn: '2026-11-26' }, c)).toBe('2026-12-06');
  });
});

describe('earliestAfterDemandDate, sanctionsEarliestDate, appealEndsOn', () => {
  it('demand: null until delivered, then 5 days rolled off the weekend', () => {
    expect(earliestAfterDemandDate({ demandDeliveredOn: null })).toBeNull();
    expect(earliestAfterDemandDate({ demandDeliveredOn: '2026-11-22' })).toBe('2026-11-29');
    expect(earliestAfterDemandDate({ demandDeliveredOn: '2026-11-23' })).toBe('2026-11-29');
    expect(earliestAfterDemandDate({ demandDeliveredOn: '2026-11-24' })).toBe('2026-11-29');
    expect(earliestAfterDemandDate({ demandDeliveredOn: '2026-11-25' })).toBe('2026-11-30');
  });
  it('sanctions: 5 days after notice of the execution order', () => {
    expect(sanctionsEarliestDate('2026-11-17')).toBe('2026-11-22');
    expect(sanctionsEarliestDate('2026-11-22')).toBe('2026-11-29');
    expect(sanctionsEarliestDate('2026-11-22', config({ enforcementObjection: { days: 5, unit: 'working' } }))).toBe('2026-11-29');
  });
  it('appeal: 30 days, extended off a weekend', () => {
    expect(appealEndsOn('2026-11-22')).toBe('2026-12-22');
    expect(appealEndsOn('2026-11-11')).toBe('2026-12-13');
  });
});

describe('limitation', () => {
  it('ends 5 years after the due date', () => {
    expect(limitationEndsOn({ dueDate: '2021-11-22' })).toBe('2026-11-22');
    expect(limitationEndsOn({ dueDate: '2024-02-29' })).toBe('2029-02-28');
    expect(limitationEndsOn({ dueDate: '2021-11-22' }, config({ limitationYears: 10 }))).toBe('2031-11-22');
    expect(limitationEndsOn({ dueDate: null })).toBeNull();
  });

  it('is not flagged without a due date', () => {
    expect(limitationFlag({ dueDate: null }, '2026-11-22')).toEqual({ flagged: false, endsOn: null, daysLeft: null });
  });

  it('is not flagged 91 days ahead, flagged at exactly 90', () => {
    const endsOn = '2026-11-22';
    expect(limitationFlag({ dueDate: '2021-11-22' }, addDays(endsOn, -91))).toEqual({ flagged: false, endsOn, daysLeft: 91 });
    expect(limitationFlag({ dueDate: '2021-11-22' }, addDays(endsOn, -90))).toEqual({ flagged: true, endsOn, daysLeft: 90 });
    expect(limitationFlag({ dueDate: '2021-11-22' }, '2026-08-24')).toEqual({ flagged: true, endsOn, daysLeft: 90 });
  });

  it('is flagged on the day and after it, with negative days left', () => {
    expect(limitationFlag({ dueDate: '2021-11-22' }, '2026-11-22')).toEqual({ flagged: true, endsOn: '2026-11-22', daysLeft: 0 });
    expect(limitationFlag({ dueDate: '2021-11-22' }, '2026-12-02')).toEqual({ flagged: true, endsOn: '2026-11-22', daysLeft: -10 });
  });

  it('follows the configured warning window', () => {
    const c = config({ limitationWarnDays: 30 });
    expect(limitationFlag({ dueDate: '2021-11-22' }, '2026-10-22', c).flagged).toBe(false);
    expect(limitationFlag({ dueDate: '2021-11-22' }, '2026-10-23', c)).toEqual({ flagged: true, endsOn: '2026-11-22', daysLeft: 30 });
  });
});

describe('promissory-note registration', () => {
  const note = { instrumentType: 'promissory_note' as const, noteRegistered: false, instrumentIssuedOn: '2026-06-01' };

  it('does not concern other instruments or registered notes', () => {
    expect(noteWarning({ ...note, instrumentType: 'cheque' }, '2027-12-01')).toBeNull();
    expect(noteWarning({ ...note, instrumentType: 'invoice' }, '2027-12-01')).toBeNull();
    expect(noteWarning({ ...note, noteRegistered: true }, '2027-12-01')).toBeNull();
    expect(unregisteredNote({ ...note, noteRegistered: true }, '2027-12-01')).toBeNull();
  });

  it('warns about an unregistered note issued before the cutoff, with the transition end', () => {
    const w = { code: 'unregistered_before_cutoff', transitionEndsOn: '2027-10-27' };
    expect(noteWarning(note, '2026-09-01')).toEqual({ ...w, enforceable: true });
    expect(noteWarning(note, '2026-10-28')).toEqual({ ...w, enforceable: true });
    expect(noteWarning(note, '2027-10-27')).toEqual({ ...w, enforceable: true });
    expect(noteWarning(note, '2027-10-28')).toEqual({ ...w, enforceable: false });
  });

  it('treats a note issued the day before the cutoff as transitional and one issued on it as new law', () => {
    expect(noteWarning({ ...note, instrumentIssuedOn: '2026-10-27' }, '2026-11-01')?.code).toBe('unregistered_before_cutoff');
    expect(noteWarning({ ...note, instrumentIssuedOn: '2026-10-28' }, '2026-11-01')).toEqual({ code: 'unregistered_after_cutoff', enforceable: false });
  });

  it('treats an unknown registration as unregistered', () => {
    expect(noteWarning({ ...note, noteRegistered: null, instrumentIssuedOn: '2026-11-01' }, '2026-11-01')).toEqual({
      code: 'unregistered_after_cutoff',
      enforceable: false,
    });
  });

  it('without an issue date: before the cutoff the note predates it; after, no transition is assumed', () => {
    expect(noteWarning({ ...note, instrumentIssuedOn: null }, '2026-10-27')).toEqual({
      code: 'unregistered_before_cutoff',
      transitionEndsOn: '2027-10-27',
      enforceable: true,
    });
    expect(noteWarning({ ...note, instrumentIssuedOn: null }, '2026-10-28')).toEqual({ code: 'unregistered_after_cutoff', enforceable: false });
  });

  it('follows the configured cutoff and transition', () => {
    const c = config({ noteRegistrationCutoff: '2027-01-01', noteTransitionDays: 30 });
    expect(unregisteredNote(note, '2027-01-30', c)).toEqual({ issuedBeforeCutoff: true, transitionEndsOn: '2027-01-30', enforceableToday: true });
    expect(unregisteredNote(note, '2027-01-31', c)).toEqual({ issuedBeforeCutoff: true, transitionEndsOn: '2027-01-30', enforceableToday: false });
    // No transition at all: blocked from the cutoff day.
    const none = config({ noteTransitionDays: 0 });
    expect(unregisteredNote(note, '2026-10-27', none)?.enforceableToday).toBe(true);
    expect(unregisteredNote(note, '2026-10-28', none)).toEqual({ issuedBeforeCutoff: true, transitionEndsOn: '2026-10-27', enforceableToday: false });
  });

  it('does not roll the transition end off a weekend', () => {
    // 2027-10-29 is a Friday: a transition of 367 days ends on it and stays there.
    expect(dayOfWeek('2027-10-29')).toBe(5);
    expect(unregisteredNote(note, '2027-10-30', config({ noteTransitionDays: 367 }))).toEqual({
      issuedBeforeCutoff: true,
      transitionEndsOn: '2027-10-29',
      enforceableToday: false,
    });
  });
});
