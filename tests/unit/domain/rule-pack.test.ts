// The SAMA rule pack: call cap over a rolling window, parties only, working hours and days, no reminders in a dispute.
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../../electron/domain/dates';
import {
  allowance,
  checkContact,
  contactDays,
  isCallAttempt,
  minutesOf,
  windowStart,
  type ContactFacts,
  type PackRules,
  type SamaRules,
} from '../../../electron/domain/rule-pack';

const RULES: SamaRules = { callAttempts: 10, windowDays: 30, hoursFrom: '08:00', hoursTo: '20:00', workingDays: [0, 1, 2, 3, 4], saturdayAllowed: false };
const SAMA: PackRules = { pack: 'sama', rules: RULES };
// 2026-01-04 is a Sunday.
const SUNDAY = '2026-01-04';
const THURSDAY = '2026-01-08';
const FRIDAY = '2026-01-09';
const SATURDAY = '2026-01-10';

function call(over: Partial<ContactFacts> = {}): ContactFacts {
  return { kind: 'contact', channel: 'call', direction: 'out', partyRole: 'debtor', at: { date: SUNDAY, time: '10:00' }, attemptsInWindow: 0, openDispute: false, ...over };
}

const codes = (pack: PackRules, f: ContactFacts): string[] => checkContact(pack, f).map((b) => b.code);

describe('the calendar used by the tests', () => {
  it('has the weekdays it claims', () => {
    expect([SUNDAY, THURSDAY, FRIDAY, SATURDAY].map(dayOfWeek)).toEqual([0, 4, 5, 6]);
  });
});

describe('no pack', () => {
  it('allows anything', () => {
    expect(checkContact(null, call({ partyRole: 'other', attemptsInWindow: 99, at: { date: FRIDAY, time: '23:00' }, openDispute: true }))).toEqual([]);
    expect(checkContact(null, { ...call(), kind: 'letter', channel: 'letter', letterKind: 'demand', openDispute: true })).toEqual([]);
  });
});

describe('call cap', () => {
  it('allows the tenth attempt and refuses the eleventh with its figures', () => {
    expect(codes(SAMA, call({ attemptsInWindow: 9 }))).toEqual([]);
    expect(checkContact(SAMA, call({ attemptsInWindow: 10 }))).toEqual([{ code: 'call_cap', limit: 10, window: 30, used: 10 }]);
    expect(checkContact(SAMA, call({ attemptsInWindow: 14 }))).toEqual([{ code: 'call_cap', limit: 10, window: 30, used: 14 }]);
  });

  it('follows the configured cap', () => {
    const three: PackRules = { pack: 'sama', rules: { ...RULES, callAttempts: 3, windowDays: 7 } };
    expect(codes(three, call({ attemptsInWindow: 2 }))).toEqual([]);
    expect(checkContact(three, call({ attemptsInWindow: 3 }))).toEqual([{ code: 'call_cap', limit: 3, window: 7, used: 3 }]);
  });

  it('counts only outgoing calls: messages, visits and incoming calls are not attempts', () => {
    expect(isCallAttempt('call', 'out')).toBe(true);
    expect(isCallAttempt('call', 'in')).toBe(false);
    expect(isCallAttempt('sms', 'out')).toBe(false);
    expect(codes(SAMA, call({ channel: 'sms', attemptsInWindow: 50 }))).toEqual([]);
    expect(codes(SAMA, call({ direction: 'in', attemptsInWindow: 50 }))).toEqual([]);
  });

  it('reaches the cap inside a rolling window and frees it on day 31', () => {
    const day1 = SUNDAY;
    const calls = Array.from({ length: 10 }, (_, i) => addDays(day1, i)); // one call a day, days 1-10
    const used = (date: string): number => calls.filter((d) => d >= windowStart(date, 30) && d <= date).length;
    expect(used(addDays(day1, 10))).toBe(10);
    expect(codes(SAMA, call({ attemptsInWindow: used(addDays(day1, 10)) }))).toEqual(['call_cap']);
    expect(used(addDays(day1, 29))).toBe(10); // day 30: day 1 still inside
    expect(codes(SAMA, call({ attemptsInWindow: used(addDays(day1, 29)) }))).toEqual(['call_cap']);
    expect(windowStart(addDays(day1, 30), 30)).toBe(addDays(day1, 1));
    expect(used(addDays(day1, 30))).toBe(9); // day 31: day 1 has left the window
    expect(codes(SAMA, call({ attemptsInWindow: used(addDays(day1, 30)) }))).toEqual([]);
  });
});

describe('parties only', () => {
  it('allows the debtor and a guarantor', () => {
    expect(codes(SAMA, call({ partyRole: 'debtor' }))).toEqual([]);
    expect(codes(SAMA, call({ partyRole: 'guarantor' }))).toEqual([]);
  });

  it('refuses anyone else, on any outgoing channel', () => {
    expect(codes(SAMA, call({ partyRole: 'other' }))).toEqual(['not_party']);
    expect(codes(SAMA, call({ partyRole: null }))).toEqual(['not_party']);
    expect(codes(SAMA, call({ partyRole: 'other', channel: 'whatsapp' }))).toEqual(['not_party']);
    expect(codes(SAMA, call({ partyRole: 'other', channel: 'visit' }))).toEqual(['not_party']);
  });

  it('does not refuse someone who contacts the office', () => {
    expect(codes(SAMA, call({ partyRole: 'other', direction: 'in' }))).toEqual([]);
  });
});

describe('working hours', () => {
  it.each([
    ['07:59', ['outside_hours']],
    ['08:00', []],
    ['19:59', []],
    ['20:00', ['outside_hours']],
    ['00:00', ['outside_hours']],
    ['23:59', ['outside_hours']],
  ])('a call at %s', (time, expected) => {
    expect(codes(SAMA, call({ at: { date: SUNDAY, time } }))).toEqual(expected);
  });

  it('names the hours and the time in the breach', () => {
    expect(checkContact(SAMA, call({ at: { date: THURSDAY, time: '21:15' } }))).toEqual([{ code: 'outside_hours', from: '08:00', to: '20:00', at: '21:15' }]);
  });

  it('follows configured hours', () => {
    const late: PackRules = { pack: 'sama', rules: { ...RULES, hoursFrom: '09:30', hoursTo: '17:00' } };
    expect(codes(late, call({ at: { date: SUNDAY, time: '09:29' } }))).toEqual(['outside_hours']);
    expect(codes(late, call({ at: { date: SUNDAY, time: '09:30' } }))).toEqual([]);
    expect(codes(late, call({ at: { date: SUNDAY, time: '17:00' } }))).toEqual(['outside_hours']);
  });

  it('applies to messages and visits too, not to incoming contact', () => {
    expect(codes(SAMA, call({ channel: 'sms', at: { date: SUNDAY, time: '22:00' } }))).toEqual(['outside_hours']);
    expect(codes(SAMA, call({ channel: 'visit', at: { date: SUNDAY, time: '06:00' } }))).toEqual(['outside_hours']);
    expect(codes(SAMA, call({ direction: 'in', at: { date: FRIDAY, time: '23:00' } }))).toEqual([]);
  });
});

describe('working days', () => {
  it('allows Sunday to Thursday', () => {
    for (let i = 0; i < 5; i++) expect(codes(SAMA, call({ at: { date: addDays(SUNDAY, i), time: '10:00' } }))).toEqual([]);
  });

  it('refuses Friday, with the day named', () => {
    expect(checkContact(SAMA, call({ at: { date: FRIDAY, time: '10:00' } }))).toEqual([{ code: 'non_working_day', weekday: 5, date: FRIDAY }]);
  });

  it('refuses Saturday unless the setting allows it; Friday stays refused', () => {
    expect(codes(SAMA, call({ at: { date: SATURDAY, time: '10:00' } }))).toEqual(['non_working_day']);
    const saturday: PackRules = { pack: 'sama', rules: { ...RULES, saturdayAllowed: true } };
    expect(codes(saturday, call({ at: { date: SATURDAY, time: '10:00' } }))).toEqual([]);
    expect(codes(saturday, call({ at: { date: FRIDAY, time: '10:00' } }))).toEqual(['non_working_day']);
    expect(contactDays(saturday.rules)).toEqual([0, 1, 2, 3, 4, 6]);
  });

  it('follows configured working days', () => {
    const short: PackRules = { pack: 'sama', rules: { ...RULES, workingDays: [1, 2, 3] } };
    expect(codes(short, call({ at: { date: SUNDAY, time: '10:00' } }))).toEqual(['non_working_day']);
    expect(codes(short, call({ at: { date: addDays(SUNDAY, 1), time: '10:00' } }))).toEqual([]);
  });

  it('reports every rule broken at once', () => {
    expect(codes(SAMA, call({ partyRole: 'other', attemptsInWindow: 10, at: { date: FRIDAY, time: '21:00' } }))).toEqual([
      'not_party',
      'call_cap',
      'non_working_day',
      'outside_hours',
    ]);
  });
});

describe('disputes', () => {
  const letter = (letterKind: string, openDispute: boolean): ContactFacts => ({
    ...call({ channel: 'letter', openDispute }),
    kind: 'letter',
    letterKind,
    at: { date: FRIDAY, time: '23:00' },
  });

  it('block reminders, final notices and demands', () => {
    for (const k of ['reminder', 'final_notice', 'demand']) {
      expect(checkContact(SAMA, letter(k, true))).toEqual([{ code: 'reminder_during_dispute', letterKind: k }]);
    }
  });

  it('do not block other letters, or reminders once resolved', () => {
    expect(codes(SAMA, letter('settlement_agreement', true))).toEqual([]);
    expect(codes(SAMA, letter('reminder', false))).toEqual([]);
  });

  it('do not block calls', () => {
    expect(codes(SAMA, call({ openDispute: true }))).toEqual([]);
  });

  it('producing a letter is not contact at an hour or on a day', () => {
    expect(codes(SAMA, letter('reminder', false))).toEqual([]);
  });
});

describe('allowance', () => {
  it('says what is left in the window, never below zero', () => {
    expect(allowance(RULES, 3)).toEqual({ used: 3, limit: 10, left: 7, windowDays: 30 });
    expect(allowance(RULES, 10)).toEqual({ used: 10, limit: 10, left: 0, windowDays: 30 });
    expect(allowance(RULES, 12)).toEqual({ used: 12, limit: 10, left: 0, windowDays: 30 });
  });
});

describe('minutesOf', () => {
  it('reads HH:MM and refuses anything else', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('20:00')).toBe(1200);
    expect(() => minutesOf('24:00')).toThrow(RangeError);
    expect(() => minutesOf('8:00')).toThrow(RangeError);
  });
});
