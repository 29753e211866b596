// The client rule pack applied before a contact is logged or a letter produced: facts from the database, verdict from the domain.
import { roleHas } from '../../../contract';
import type { Settings } from '../../../contract/schemas';
import { localDateTime } from '../../../domain/dates';
import { checkContact, windowStart, type Breach, type BreachCode, type PackRules, type SamaRules } from '../../../domain/rule-pack';
import type { UserRecord } from '../../../../db/queries/users';
import type { Db, Sqlite } from '../../../../db/open';
import { callAttempts, hasOpenDispute } from '../../../../db/queries/activity';
import { getClient } from '../../../../db/queries/parties';
import { CoreError } from '../../errors';
import { loadSettings } from '../office/settings';

export function samaRules(s: Settings): SamaRules {
  return {
    callAttempts: s.samaCallAttempts,
    windowDays: s.samaWindowDays,
    hoursFrom: s.samaHoursFrom,
    hoursTo: s.samaHoursTo,
    workingDays: s.samaWorkingDays,
    saturdayAllowed: s.samaSaturdayAllowed,
  };
}

/** The pack a client's cases are under (null: none). */
export function packOf(db: Db, clientId: number, settings: Settings = loadSettings(db)): PackRules {
  const client = getClient(db, clientId);
  return client?.rulePack === 'sama' ? { pack: 'sama', rules: samaRules(settings) } : null;
}

/** The instant a Riyadh calendar day starts, in the stored form (UTC, toISOString). */
function dayStartInstant(date: string): string {
  return new Date(`${date}T00:00:00+03:00`).toISOString();
}

/**
 * Call attempts to a party in the window that ends at `at`: outgoing calls on any case of the same client, counted
 * per Riyadh calendar day (a 30-day window ending on day 31 starts on day 2). `exceptId` leaves out the entry a
 * correction replaces.
 */
export function attemptsInWindow(sqlite: Sqlite, q: { partyId: number; clientId: number; at: string; windowDays: number; exceptId: number | null }): number {
  const from = dayStartInstant(windowStart(localDateTime(q.at).date, q.windowDays));
  return callAttempts(sqlite, { partyId: q.partyId, clientId: q.clientId, from, to: q.at, exceptId: q.exceptId });
}

/** What the pack forbids about producing this letter on this case now. */
export function letterBreaches(sqlite: Sqlite, pack: PackRules, caseId: number, letterKind: string, at: string): Breach[] {
  if (pack === null) return [];
  const local = localDateTime(at);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return checkContact(pack, {
    kind: 'letter',
    channel: 'letter',
    direction: 'out',
    partyRole: 'debtor',
    at: { date: local.date, time },
    attemptsInWindow: 0,
    openDispute: hasOpenDispute(sqlite, caseId),
    letterKind,
  });
}

/** Refuse with the rules broken, or let a partner past them with a reason; returns the codes overridden. */
export function enforce(breaches: Breach[], user: UserRecord | null, override: boolean, reason: string): BreachCode[] {
  if (breaches.length === 0) return [];
  if (!override) throw new CoreError('rules.breach', "The client's rule pack forbids this", { breaches });
  if (!user || !roleHas(user.role, 'rules.override')) throw new CoreError('permission.denied', 'Only a partner may go past a client rule pack');
  if (reason.trim() === '') throw new CoreError('rules.override_reason', 'Going past a client rule pack needs a reason', { breaches });
  return breaches.map((b) => b.code);
}
