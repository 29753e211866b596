// A case's history from every table that records it: each read is a range of that table's (case_id, …) index.
import type { Sqlite } from '../open';
import { cached } from './statements';

const NAME = (col: string): string => `(SELECT display_name FROM users WHERE id = ${col})`;

export interface TimelineRecords {
  moves: { id: number; from: string | null; to: string; at: string; byName: string | null; reason: string; override: number }[];
  communications: {
    id: number;
    channel: string;
    direction: 'in' | 'out';
    occurredAt: string;
    createdAt: string;
    byName: string | null;
    outcome: string;
    notes: string;
    followUpOn: string | null;
    letterId: number | null;
    letterNumber: string | null;
    letterKind: string | null;
    partyName: string | null;
    contactName: string;
    correctsId: number | null;
    paidMinor: number | null;
    overrideReason: string;
  }[];
  voidedLetters: { id: number; number: string; kind: string; voidedAt: string; byName: string | null; reason: string }[];
  documents: {
    id: number;
    fileName: string;
    type: string;
    createdAt: string;
    byName: string | null;
    removedAt: string | null;
    removedByName: string | null;
    removedReason: string;
  }[];
  promises: {
    id: number;
    amountMinor: number;
    keptMinor: number;
    currency: string;
    dueOn: string;
    state: string;
    createdAt: string;
    byName: string | null;
    cancelledAt: string | null;
  }[];
  flags: {
    id: number;
    kind: 'dispute' | 'hold';
    reason: string;
    untilOn: string | null;
    openedAt: string;
    openedByName: string | null;
    resolvedAt: string | null;
    resolvedByName: string | null;
    resolution: string;
  }[];
  tasks: {
    id: number;
    title: string;
    dueOn: string;
    assigneeName: string | null;
    createdAt: string;
    byName: string | null;
    doneAt: string | null;
    doneByName: string | null;
  }[];
  hearings: {
    id: number;
    onDate: string;
    atTime: string | null;
    court: string;
    circuit: string;
    type: string;
    result: string;
    resultNotes: string;
    byName: string | null;
  }[];
  /** Payments and reversals (a reversal names the receipt of the payment it reverses). */
  payments: {
    id: number;
    onDate: string;
    amountMinor: number;
    currency: string;
    method: string;
    chequeNumber: string;
    reference: string;
    receivedBy: 'office' | 'client';
    receiptNumber: string | null;
    reversesId: number | null;
    reversedReceipt: string | null;
    reversalReason: string;
    notes: string;
    createdAt: string;
    byName: string | null;
  }[];
  settlements: {
    id: number;
    amountMinor: number;
    currency: string;
    agreedOn: string;
    deadline: string | null;
    state: 'open' | 'paid' | 'broken';
    endedOn: string | null;
    brokenReason: string;
    createdAt: string;
    updatedAt: string;
    byName: string | null;
  }[];
  plans: {
    id: number;
    totalMinor: number;
    currency: string;
    count: number;
    frequency: 'weekly' | 'monthly';
    firstDate: string;
    agreedOn: string;
    state: 'active' | 'completed' | 'defaulted' | 'renegotiated' | 'cancelled';
    defaultedOn: string | null;
    endedOn: string | null;
    replacesPlanId: number | null;
    reason: string;
    createdAt: string;
    updatedAt: string;
    byName: string | null;
  }[];
}

/** Everything recorded on one case, table by table (the service merges and sorts). */
export function timelineRecords(sqlite: Sqlite, caseId: number): TimelineRecords {
  const all = <T>(sql: string): T[] => cached(sqlite, sql).all(caseId) as T[];
  return {
    moves: all(
      `SELECT id, from_stage AS "from", to_stage AS "to", at, ${NAME('by_user_id')} AS byName, reason, override
       FROM stage_moves WHERE case_id = ? ORDER BY id`,
    ),
    communications: all(
      `SELECT c.id, c.channel, c.direction, c.occurred_at AS occurredAt, c.created_at AS createdAt, ${NAME('c.user_id')} AS byName,
         c.outcome, c.notes, c.follow_up_on AS followUpOn, c.letter_id AS letterId, l.number AS letterNumber, l.kind AS letterKind,
         (SELECT name FROM parties WHERE id = c.party_id) AS partyName, c.contact_name AS contactName, c.corrects_id AS correctsId,
         c.paid_minor AS paidMinor, c.override_reason AS overrideReason
       FROM communications c LEFT JOIN letters l ON l.id = c.letter_id WHERE c.case_id = ? ORDER BY c.occurred_at, c.id`,
    ),
    voidedLetters: all(
      `SELECT id, number, kind, voided_at AS voidedAt, ${NAME('voided_by')} AS byName, void_reason AS reason
       FROM letters WHERE case_id = ? AND voided_at IS NOT NULL ORDER BY id`,
    ),
    documents: all(
      `SELECT id, file_name AS fileName, type, created_at AS createdAt, ${NAME('created_by')} AS byName, removed_at AS removedAt,
         ${NAME('removed_by')} AS removedByName, removed_reason AS removedReason
       FROM documents WHERE case_id = ? ORDER BY id`,
    ),
    promises: all(
      `SELECT id, amount_minor AS amountMinor, kept_minor AS keptMinor, currency, due_on AS dueOn, state, created_at AS createdAt,
         ${NAME('created_by')} AS byName, cancelled_at AS cancelledAt
       FROM promises WHERE case_id = ? ORDER BY id`,
    ),
    flags: all(
      `SELECT id, kind, reason, until_on AS untilOn, opened_at AS openedAt, ${NAME('opened_by')} AS openedByName,
         resolved_at AS resolvedAt, ${NAME('resolved_by')} AS resolvedByName, resolution
       FROM case_flags WHERE case_id = ? ORDER BY id`,
    ),
    tasks: all(
      `SELECT id, title, due_on AS dueOn, ${NAME('assignee_id')} AS assigneeName, created_at AS createdAt, ${NAME('created_by')} AS byName,
         done_at AS doneAt, ${NAME('done_by')} AS doneByName
       FROM tasks WHERE case_id = ? ORDER BY id`,
    ),
    hearings: all(
      `SELECT id, on_date AS onDate, at_time AS atTime, court, circuit, type, result, result_notes AS resultNotes, ${NAME('created_by')} AS byName
       FROM hearings WHERE case_id = ? ORDER BY on_date, id`,
    ),
    payments: all(
      `SELECT p.id, p.on_date AS onDate, p.amount_minor AS amountMinor, p.currency, p.method, p.cheque_number AS chequeNumber,
         p.reference, p.received_by AS receivedBy, p.receipt_number AS receiptNumber, p.reverses_id AS reversesId,
         (SELECT o.receipt_number FROM payments o WHERE o.id = p.reverses_id) AS reversedReceipt, p.reversal_reason AS reversalReason,
         p.notes, p.created_at AS createdAt, ${NAME('p.created_by')} AS byName
       FROM payments p WHERE p.case_id = ? ORDER BY p.on_date, p.id`,
    ),
    settlements: all(
      `SELECT id, amount_minor AS amountMinor, currency, agreed_on AS agreedOn, deadline, state, ended_on AS endedOn,
         broken_reason AS brokenReason, created_at AS createdAt, updated_at AS updatedAt, ${NAME('created_by')} AS byName
       FROM settlements WHERE case_id = ? ORDER BY id`,
    ),
    plans: all(
      `SELECT id, total_minor AS totalMinor, currency, count, frequency, first_date AS firstDate, agreed_on AS agreedOn, state,
         defaulted_on AS defaultedOn, ended_on AS endedOn, replaces_plan_id AS replacesPlanId, reason, created_at AS createdAt,
         updated_at AS updatedAt, ${NAME('created_by')} AS byName
       FROM payment_plans WHERE case_id = ? ORDER BY id`,
    ),
  };
}

export function caseExists(sqlite: Sqlite, caseId: number): boolean {
  return cached(sqlite, 'SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}
