// Writing a case: checks against the database, the row, its parties, tags, search text and queue columns.
import type { z } from 'zod';
import type { caseInput } from '../../../contract/procedures/cases';
import type { FieldIssue } from '../../../contract';
import { addYears } from '../../../domain/dates';
import type { LadderConfig, Stage } from '../../../domain/ladder';
import { CoreError } from '../../errors';
import type { Db, Sqlite } from '../../../../db/open';
import {
  findCaseByClientReference,
  insertCase,
  setDerivedColumns,
  nextReference,
  setCaseParties,
  setCaseTags,
  type CaseInsert,
  type CaseRecord,
} from '../../../../db/queries/cases';
import { getClient, getParties } from '../../../../db/queries/parties';
import { findUserById } from '../../../../db/queries/users';
import { indexCase } from '../search/index-text';
import { escalationColumns, factsOf, NOTHING_PENDING, type EscalationColumns } from './facts';
import { caseEscalation } from '../promises/standing';

export type CaseValues = z.output<typeof caseInput>;

/** A due date or issue date this far ahead is a typing mistake, not a claim. */
const MAX_YEARS_AHEAD = 5;

function invalid(prefix: string, issues: FieldIssue[]): CoreError {
  return new CoreError(
    'input.invalid',
    'The case is not valid',
    issues.map((i) => ({ ...i, path: prefix ? `${prefix}.${i.path}` : i.path })),
  );
}

/** Everything the schema cannot know: the client, parties and people exist; dates are plausible. */
export function checkCaseValues(db: Db, v: CaseValues, today: string, prefix: string, exceptCaseId?: number): void {
  const issues: FieldIssue[] = [];
  const client = getClient(db, v.clientId);
  if (!client) issues.push({ path: 'clientId', code: 'custom', message: 'validation.client_missing' });
  else if (client.archived) issues.push({ path: 'clientId', code: 'custom', message: 'validation.client_archived' });
  if (client && v.lateChargesMinor > 0 && !client.lateChargesAllowed) {
    issues.push({ path: 'lateChargesMinor', code: 'custom', message: 'validation.late_charges_not_allowed' });
  }
  const ids = [...v.debtorIds, ...v.guarantorIds];
  const linked = getParties(db, ids);
  const found = new Set(linked.map((p) => p.id));
  if (v.debtorIds.some((id) => !found.has(id))) issues.push({ path: 'debtorIds', code: 'custom', message: 'validation.party_missing' });
  if (v.guarantorIds.some((id) => !found.has(id))) issues.push({ path: 'guarantorIds', code: 'custom', message: 'validation.party_missing' });
  // An erased person (PDPL) is never a party again: the office adds them anew.
  const erased = new Set(linked.filter((p) => p.erasedAt !== null).map((p) => p.id));
  if (v.debtorIds.some((id) => erased.has(id))) issues.push({ path: 'debtorIds', code: 'custom', message: 'validation.party_erased' });
  if (v.guarantorIds.some((id) => erased.has(id))) issues.push({ path: 'guarantorIds', code: 'custom', message: 'validation.party_erased' });
  for (const [field, id] of [['lawyerId', v.lawyerId], ['paralegalId', v.paralegalId]] as const) {
    if (id === null) continue;
    const user = findUserById(db, id);
    if (!user || !user.active) issues.push({ path: field, code: 'custom', message: 'validation.user_inactive' });
  }
  const limit = addYears(today, MAX_YEARS_AHEAD);
  for (const field of ['dueDate', 'instrumentIssuedOn', 'nextActionOn'] as const) {
    const d = v[field];
    if (d && d > limit) issues.push({ path: field, code: 'custom', message: 'validation.date_far_future' });
  }
  for (const field of ['instrumentIssuedOn', 'noticeDeliveredOn', 'demandDeliveredOn'] as const) {
    const d = v[field];
    if (d && d > today) issues.push({ path: field, code: 'custom', message: 'validation.date_in_future' });
  }
  if (v.clientReference && client) {
    const same = findCaseByClientReference(db, v.clientId, v.clientReference);
    if (same && same.id !== exceptCaseId) issues.push({ path: 'clientReference', code: 'custom', message: 'validation.client_reference_taken' });
  }
  if (issues.length > 0) throw invalid(prefix, issues);
}

/** The stored columns for these values (without identity, stage and status). */
export function caseColumns(v: CaseValues, now: string, debtorNames: string[]): Omit<CaseInsert, 'reference' | 'stage' | 'status' | 'stageEnteredOn' | 'openedOn' | 'createdAt'> {
  return {
    clientId: v.clientId,
    clientReference: v.clientReference,
    debtorName: debtorNames[0] ?? '',
    instrumentType: v.instrumentType,
    instrumentNumber: v.instrumentNumber,
    instrumentIssuedOn: v.instrumentIssuedOn,
    dueDate: v.dueDate,
    noteRegistered: v.noteRegistered,
    currency: v.currency,
    principalMinor: v.principalMinor,
    costsMinor: v.costsMinor,
    feesMinor: v.feesMinor,
    lateChargesMinor: v.lateChargesMinor,
    claimMinor: v.principalMinor + v.costsMinor + v.feesMinor + v.lateChargesMinor,
    lawyerId: v.lawyerId,
    paralegalId: v.paralegalId,
    court: v.court,
    circuit: v.circuit,
    najizNumber: v.najizNumber,
    judge: v.judge,
    nextActionOn: v.nextActionOn,
    noticeDeliveredOn: v.noticeDeliveredOn,
    demandDeliveredOn: v.demandDeliveredOn,
    hasJudgment: v.hasJudgment,
    notes: v.notes,
    updatedAt: now,
  };
}

/** The debtors' names in the order the case lists them (the first names the case in lists). */
export function debtorNames(db: Db, debtorIds: number[]): string[] {
  const byId = new Map(getParties(db, debtorIds).map((p) => [p.id, p.name]));
  return debtorIds.map((id) => byId.get(id) ?? '');
}

/**
 * After any change: the debtors, tags, search text and the queue columns follow the row. `isNew`: the case was
 * inserted just now, so no promise, flag, plan, settlement or payment can point at it yet (none is looked up).
 */
export function syncCase(db: Db, sqlite: Sqlite, k: CaseRecord, v: CaseValues, names: string[], today: string, ladder: LadderConfig, isNew = false): EscalationColumns {
  setCaseParties(db, k.id, v.debtorIds, v.guarantorIds);
  setCaseTags(db, k.id, v.tags);
  indexCase(sqlite, { id: k.id, reference: k.reference, clientReference: v.clientReference, instrumentNumber: v.instrumentNumber, najizNumber: v.najizNumber, debtorNames: names });
  return isNew ? escalationColumns(factsOf(k), today, ladder, NOTHING_PENDING) : caseEscalation(db, k, today, ladder);
}

/** Insert one case (a new reference from the year's gapless counter) at intake, or at a given stage for imports and seeds. */
export function createCase(
  db: Db,
  sqlite: Sqlite,
  v: CaseValues,
  opts: { now: string; today: string; ladder: LadderConfig; stage?: Stage; openedOn?: string; status?: string; stageEnteredOn?: string },
): CaseRecord {
  const openedOn = opts.openedOn ?? opts.today;
  const reference = nextReference(db, Number(openedOn.slice(0, 4)));
  const names = debtorNames(db, v.debtorIds);
  const k = insertCase(db, {
    ...caseColumns(v, opts.now, names),
    reference,
    stage: opts.stage ?? 'intake',
    status: opts.status ?? 'active',
    stageEnteredOn: opts.stageEnteredOn ?? openedOn,
    openedOn,
    createdAt: opts.now,
  });
  return applyDerived(db, k, syncCase(db, sqlite, k, v, names, opts.today, opts.ladder, true));
}

/** Store derived columns (queue) without counting it as a user's edit. */
export function applyDerived(db: Db, k: CaseRecord, derived: EscalationColumns): CaseRecord {
  setDerivedColumns(db, k.id, derived);
  return { ...k, ...derived };
}
