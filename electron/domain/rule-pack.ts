// Client rule packs: what a regulated client (SAMA: banks and finance companies) forbids before a contact or a letter.
import { addDays, dayOfWeek, type Weekday } from './dates';

export const CONTACT_CHANNELS = ['call', 'sms', 'whatsapp', 'email', 'letter', 'visit', 'meeting'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The SAMA pack's figures (office settings; defaults 10 calls per 30 days, 08:00–20:00, Sunday–Thursday). */
export interface SamaRules {
  callAttempts: number;
  windowDays: number;
  /** HH:MM, inclusive. */
  hoursFrom: string;
  /** HH:MM, exclusive: a call at exactly 20:00 is outside 08:00–20:00. */
  hoursTo: string;
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: readonly number[];
  saturdayAllowed: boolean;
}

/** The rules a case is under: null for a client without a pack. */
export type PackRules = { pack: 'sama'; rules: SamaRules } | null;

/** Letters that press for payment: a SAMA client sends none while the debtor's objection is open. */
export const REMINDER_LETTER_KINDS: readonly string[] = ['reminder', 'final_notice', 'demand'];

export interface ContactFacts {
  kind: 'contact' | 'letter';
  channel: ContactChannel;
  direction: 'out' | 'in';
  /** Who was contacted: a debtor or guarantor of the case, 'other' for a free-text contact, null when unknown. */
  partyRole: 'debtor' | 'guarantor' | 'other' | null;
  /** When it happens, wall-clock Riyadh time. */
  at: { date: string; time: string };
  /** Outgoing calls already made to this party in the window (this attempt not included). */
  attemptsInWindow: number;
  openDispute: boolean;
  letterKind?: string;
}

export type Breach =
  | { code: 'call_cap'; limit: number; window: number; used: number }
  | { code: 'not_party' }
  | { code: 'outside_hours'; from: string; to: string; at: string }
  | { code: 'non_working_day'; weekday: Weekday; date: string }
  | { code: 'reminder_during_dispute'; letterKind: string };

export type BreachCode = Breach['code'];
export const BREACH_CODES: readonly BreachCode[] = ['call_cap', 'not_party', 'outside_hours', 'non_working_day', 'reminder_during_dispute'];

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an HH:MM time; RangeError otherwise. */
export function minutesOf(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`Not a time of day (HH:MM): "${time}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The days contact is allowed on: the working days, plus Saturday when the office allows it. */
export function contactDays(rules: SamaRules): Weekday[] {
  const days = new Set(rules.workingDays);
  if (rules.saturdayAllowed) days.add(6);
  return [...days].filter((d): d is Weekday => d >= 0 && d <= 6).sort((a, b) => a - b);
}

/** Whether an attempt counts toward the call cap: an outgoing call, whatever came of it. */
export function isCallAttempt(channel: string, direction: string): boolean {
  return channel === 'call' && direction === 'out';
}

/**
 * What the client's pack forbids about this contact or letter; empty when it is allowed.
 * Incoming contact is never refused (the debtor chose to call); time rules apply to contact, not to producing a letter.
 */
export function checkContact(pack: PackRules, facts: ContactFacts): Breach[] {
  if (pack === null) return [];
  const rules = pack.rules;
  const breaches: Breach[] = [];
  if (facts.kind === 'letter') {
    if (facts.openDispute && facts.letterKind !== undefined && REMINDER_LETTER_KINDS.includes(facts.letterKind)) {
      breaches.push({ code: 'reminder_during_dispute', letterKind: facts.letterKind });
    }
    return breaches;
  }
  if (facts.direction === 'in') return breaches;
  if (facts.partyRole !== 'debtor' && facts.partyRole !== 'guarantor') breaches.push({ code: 'not_party' });
  if (isCallAttempt(facts.channel, facts.direction) && facts.attemptsInWindow >= rules.callAttempts) {
    breaches.push({ code: 'call_cap', limit: rules.callAttempts, window: rules.windowDays, used: facts.attemptsInWindow });
  }
  if (facts.channel !== 'letter') {
    const weekday = dayOfWeek(facts.at.date);
    if (!contactDays(rules).includes(weekday)) breaches.push({ code: 'non_working_day', weekday, date: facts.at.date });
    const at = minutesOf(facts.at.time);
    if (at < minutesOf(rules.hoursFrom) || at >= minutesOf(rules.hoursTo)) {
      breaches.push({ code: 'outside_hours', from: rules.hoursFrom, to: rules.hoursTo, at: facts.at.time });
    }
  }
  return breaches;
}

export interface Allowance {
  used: number;
  limit: number;
  left: number;
  windowDays: number;
}

/** The call attempts left to a party in the current window ("7 of 10 call attempts left in this 30-day window"). */
export function allowance(rules: SamaRules, used: number): Allowance {
  return { used, limit: rules.callAttempts, left: Math.max(0, rules.callAttempts - used), windowDays: rules.windowDays };
}

/**
 * The first day (Riyadh) of the rolling window that ends on `date`: a window of 30 days ending on day 31 starts on
 * day 2, so a call made on day 1 no longer counts on day 31.
 */
export function windowStart(date: string, windowDays: number): string {
  return addDays(date, -(windowDays - 1));
}
