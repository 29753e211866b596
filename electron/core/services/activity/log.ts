// The communication log: log an entry (checked against the case and the client's rule pack), correct it, read it.
import type { z } from 'zod';
import {
  CLOSED_CASE_OUTCOMES,
  type CaseAllowance,
  type CommunicationRow,
  type ContactChannel,
  type LogGroup,
  type logEntrySchema,
} from '../../../contract/procedures/activity';
import type { FieldIssue } from '../../../contract/result';
import { localDateTime, parseInstant, todayIso } from '../../../domain/dates';
import { allowance, checkContact, type BreachCode } from '../../../domain/rule-pack';
import { isClosedStatus, type CaseStatus } from '../../../domain/ladder';
import type { AuditChange, Ctx, Handlers } from '../../api/context';
import { refreshPromises } from '../promises/standing';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getCase, getCaseParties, type CaseRecord } from '../../../../db/queries/cases';
import { getDocument } from '../../../../db/queries/documents';
import { getParties } from '../../../../db/queries/parties';
import {
  caseDocumentNames,
  caseLog,
  correctionOf,
  getEntry,
  insertEntry,
  insertFollowUpTask,
  answerFollowUps,
  closeFollowUpOf,
  logRow,
  type CommunicationRecord,
  type LogRow,
} from '../../../../db/queries/activity';
import { loadSettings } from '../office/settings';
import { attemptsInWindow, enforce, packOf } from './rules';

type ActivityHandlers = Pick<Handlers, 'activity.log' | 'activity.correct' | 'activity.forCase' | 'activity.allowance'>;
type EntryInput = Omit<z.output<typeof logEntrySchema>, 'caseId'>;

/** A clock a few seconds ahead of the form that filled "now" is not the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

const TASK_TITLES: Record<'ar' | 'en', (channel: string, reference: string) => string> = {
  ar: (channel, reference) => `متابعة ${CHANNEL_AR[channel] ?? channel} — ${reference}`,
  en: (channel, reference) => `Follow up (${channel}) — ${reference}`,
};
const CHANNEL_AR: Record<string, string> = {
  call: 'اتصال',
  sms: 'رسالة نصية',
  whatsapp: 'واتساب',
  email: 'بريد إلكتروني',
  letter: 'خطاب',
  visit: 'زيارة',
  meeting: 'اجتماع',
};

function requireCase(db: Db, id: number): CaseRecord {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  return k;
}

function invalid(issues: FieldIssue[]): CoreError {
  return new CoreError('input.invalid', 'The log entry is not valid', issues);
}

function isClosed(k: CaseRecord): boolean {
  return k.stage === 'closed' || isClosedStatus(k.status as CaseStatus);
}

/** The stored form of an instant (UTC, milliseconds): string order is time order, as the window counts need. */
function storedInstant(at: string): string {
  return new Date(parseInstant(at)).toISOString();
}

function hhmm(at: string): { date: string; time: string } {
  const l = localDateTime(at);
  return { date: l.date, time: `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}` };
}

/**
 * Everything an entry must satisfy before it is written: the party and attachments belong to the case, no future time,
 * no past follow-up, a closed case takes only what makes sense, and the client's rule pack. Returns what to store.
 */
function checkEntry(ctx: Ctx, db: Db, k: CaseRecord, v: EntryInput, replacesId: number | null): { occurredAt: string; overridden: BreachCode[] } {
  const now = ctx.core.now();
  const today = localDateTime(now).date;
  const occurredAt = storedInstant(v.occurredAt);
  if (parseInstant(occurredAt) > now.getTime() + FUTURE_SLACK_MS) {
    throw invalid([{ path: 'occurredAt', code: 'custom', message: 'validation.not_future' }]);
  }
  const links = getCaseParties(db, k.id);
  const link = v.partyId === null ? undefined : links.find((l) => l.partyId === v.partyId);
  if (v.partyId !== null && !link) throw invalid([{ path: 'partyId', code: 'custom', message: 'validation.party_not_on_case' }]);
  for (const id of v.attachments) {
    const d = getDocument(db, id);
    if (!d || d.caseId !== k.id || d.removedAt) throw new CoreError('not_found', 'An attachment is not a document of this case', { documentId: id });
  }
  if (v.followUpOn !== null && v.followUpOn < today) throw new CoreError('activity.follow_up_past', 'The follow-up date has passed', { today });
  if (isClosed(k)) {
    const makesSense = CLOSED_CASE_OUTCOMES.includes(v.outcome) || (v.direction === 'in' && v.channel === 'call');
    if (!makesSense) throw new CoreError('activity.closed_case', 'A closed case takes only returned or delivered post, payments and incoming calls', { status: k.status });
  }
  const settings = loadSettings(db);
  const pack = packOf(db, k.clientId, settings);
  const breaches = checkContact(pack, {
    kind: 'contact',
    channel: v.channel,
    direction: v.direction,
    partyRole: link ? link.role : v.partyId === null ? 'other' : null,
    at: hhmm(occurredAt),
    attemptsInWindow:
      pack && link ? attemptsInWindow(db.$client, { partyId: link.partyId, clientId: k.clientId, at: occurredAt, windowDays: pack.rules.windowDays, exceptId: replacesId }) : 0,
    openDispute: false,
  });
  return { occurredAt, overridden: enforce(breaches, ctx.user, v.override, v.overrideReason) };
}

function rowOf(r: LogRow, names: Map<number, string>): CommunicationRow {
  const attachmentIds = JSON.parse(r.attachments) as number[];
  return {
    id: r.id,
    caseId: r.caseId,
    channel: r.channel as ContactChannel,
    direction: r.direction,
    occurredAt: r.occurredAt,
    partyId: r.partyId,
    partyName: r.partyName ?? '',
    partyRole: r.partyRole,
    contactName: r.contactName,
    outcome: r.outcome,
    notes: r.notes,
    followUpOn: r.followUpOn,
    attachments: attachmentIds.map((id) => ({ id, fileName: names.get(id) ?? '' })),
    paidMinor: r.paidMinor,
    letterId: r.letterId,
    letterNumber: r.letterNumber,
    userId: r.userId,
    userName: r.userName ?? '',
    createdAt: r.createdAt,
    correctsId: r.correctsId,
    overrideReason: r.overrideReason,
    overriddenRules: JSON.parse(r.overriddenRules) as string[],
  };
}

/** The log grouped: each chain of corrections under the entry it started from, newest (by what the log says now) first. */
export function groupLog(rows: CommunicationRow[]): LogGroup[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rootOf = (r: CommunicationRow): number => {
    let cur = r;
    for (let guard = 0; cur.correctsId !== null && guard < 1000; guard++) {
      const prev = byId.get(cur.correctsId);
      if (!prev) break;
      cur = prev;
    }
    return cur.id;
  };
  const groups = new Map<number, CommunicationRow[]>();
  for (const r of rows) {
    const root = rootOf(r);
    const list = groups.get(root) ?? [];
    list.push(r);
    groups.set(root, list);
  }
  const out: LogGroup[] = [];
  for (const [id, list] of groups) out.push({ id, versions: list.sort((a, b) => a.id - b.id) });
  const latest = (g: LogGroup): CommunicationRow => g.versions[g.versions.length - 1] as CommunicationRow;
  return out.sort((a, b) => {
    const x = latest(a);
    const y = latest(b);
    return x.occurredAt === y.occurredAt ? y.id - x.id : x.occurredAt < y.occurredAt ? 1 : -1;
  });
}

function readRow(db: Db, caseId: number, id: number): CommunicationRow {
  const row = logRow(db.$client, id);
  if (!row) throw new CoreError('internal', 'The entry just written is missing');
  return rowOf(row, caseDocumentNames(db.$client, caseId));
}

function write(ctx: Ctx, k: CaseRecord, v: EntryInput, corrects: CommunicationRecord | null): CommunicationRow {
  const now = ctx.core.now().toISOString();
  const userId = ctx.user?.id ?? null;
  return ctx.write((db) => {
    if (corrects) {
      // Inside the transaction: two people correcting the same entry at once cannot both succeed.
      const newer = correctionOf(db.$client, corrects.caseId, corrects.id);
      if (newer !== undefined) throw new CoreError('activity.correction_of_correction', 'This entry was already corrected', { latestId: newer });
    }
    const { occurredAt, overridden } = checkEntry(ctx, db, k, v, corrects?.id ?? null);
    const values = {
      caseId: k.id,
      partyId: v.partyId,
      contactName: v.partyId === null ? v.contactName : '',
      channel: v.channel,
      direction: v.direction,
      occurredAt,
      userId,
      outcome: v.outcome,
      notes: v.notes,
      followUpOn: v.followUpOn,
      attachments: JSON.stringify([...new Set(v.attachments)]),
      paidMinor: v.outcome === 'paid' ? v.paidMinor : null,
      overrideReason: overridden.length > 0 ? v.overrideReason.trim() : '',
      overriddenRules: JSON.stringify(overridden),
      correctsId: corrects?.id ?? null,
      createdAt: now,
    };
    const entry = insertEntry(db, values);
    const audit: AuditChange[] = [
      {
        entity: 'communication',
        entityId: String(entry.id),
        before: corrects ?? undefined,
        after: { ...values, attachments: JSON.parse(values.attachments) as number[], overriddenRules: overridden },
      },
    ];
    // This contact answers the follow-ups asked for before it on the case.
    // A correction restates its entry (not a new contact): it only closes that entry's task when it moves the date.
    const answered = corrects
      ? v.followUpOn !== corrects.followUpOn
        ? closeFollowUpOf(db, corrects.id, now, userId)
        : []
      : answerFollowUps(db, { caseId: k.id, entryId: entry.id, occurredAt, at: now, by: userId });
    if (answered.length > 0) audit.push({ entity: 'task', entityId: null, after: { answeredBy: entry.id, done: answered } });
    // A follow-up date is a task for whoever logged it; a correction asks again only when it moves the date.
    if (v.followUpOn !== null && userId !== null && v.followUpOn !== corrects?.followUpOn) {
      const lang = loadSettings(db).defaultLang;
      const title = TASK_TITLES[lang](v.channel, k.reference);
      const taskId = insertFollowUpTask(db, { caseId: k.id, entryId: entry.id, title, assigneeId: userId, dueOn: v.followUpOn, at: now });
      audit.push({ entity: 'task', entityId: String(taskId), after: { caseId: k.id, title, assigneeId: userId, dueOn: v.followUpOn, source: 'follow_up', sourceId: entry.id } });
    }
    // A payment recorded here (or a correction of one) decides the case's promises and so its place in the queue.
    if (v.outcome === 'paid' || corrects?.outcome === 'paid') {
      for (const p of refreshPromises(db, k.id, todayIso(ctx.core.now()))) {
        audit.push({ entity: 'promise', entityId: String(p.id), before: { state: p.before }, after: { state: p.state, keptMinor: p.keptMinor } });
      }
    }
    return { result: readRow(db, k.id, entry.id), audit };
  });
}

export const activityHandlers: ActivityHandlers = {
  'activity.log': (ctx, input) => {
    const { caseId, ...entry } = input;
    return write(ctx, requireCase(ctx.db(), caseId), entry, null);
  },

  'activity.correct': (ctx, input) => {
    const { id, ...entry } = input;
    const db = ctx.db();
    const original = getEntry(db, id);
    if (!original) throw new CoreError('not_found', 'No such log entry');
    if (original.letterId !== null) throw new CoreError('activity.letter_entry', 'A letter wrote this entry');
    return write(ctx, requireCase(db, original.caseId), entry, original);
  },

  'activity.forCase': (ctx, input) => {
    const { sqlite } = ctx.open();
    requireCase(ctx.db(), input.caseId);
    const names = caseDocumentNames(sqlite, input.caseId);
    return groupLog(caseLog(sqlite, input.caseId).map((r) => rowOf(r, names)));
  },

  'activity.allowance': (ctx, input): CaseAllowance => {
    const db = ctx.db();
    const k = requireCase(db, input.caseId);
    const pack = packOf(db, k.clientId);
    if (pack === null) return { pack: 'none', parties: [] };
    const links = getCaseParties(db, k.id);
    const names = new Map(getParties(db, links.map((l) => l.partyId)).map((p) => [p.id, p.name]));
    const at = ctx.core.now().toISOString();
    return {
      pack: 'sama',
      parties: links.map((l) => ({
        partyId: l.partyId,
        name: names.get(l.partyId) ?? '',
        role: l.role,
        ...allowance(pack.rules, attemptsInWindow(db.$client, { partyId: l.partyId, clientId: k.clientId, at, windowDays: pack.rules.windowDays, exceptId: null })),
      })),
    };
  },
};
