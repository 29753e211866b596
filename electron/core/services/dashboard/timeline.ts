// A case's full history: stage moves, the communication log (corrections grouped under the entry they correct),
// letters, documents, promises, disputes and holds, tasks, hearings, and the money (payments and their reversals,
// settlements, instalment plans) — merged and sorted newest first.
import type { CommunicationCorrection, TimelineItem } from '../../../contract/procedures/dashboard';
import type { Stage } from '../../../domain/ladder';
import type { Sqlite } from '../../../../db/open';
import { timelineRecords } from '../../../../db/queries/timeline';
import { todayIso } from '../../../domain/dates';
import { latestPlan } from '../../../../db/queries/plans';
import { planOutlook } from '../plans/outlook';

/** The instant a Riyadh date (and optional HH:MM) names, for ordering date-only events among timed ones. */
export function riyadhInstant(date: string, time: string | null = null): string {
  return new Date(`${date}T${time ?? '00:00'}:00+03:00`).toISOString();
}

/**
 * When a dated money event happened: the moment it was recorded if that was on its date, else its date alone
 * (a payment posted days after it came in sits at the start of the day it came in).
 */
function onDay(date: string, recordedAt: string | null): { at: string; dateOnly: boolean } {
  return recordedAt !== null && todayIso(new Date(recordedAt)) === date ? { at: recordedAt, dateOnly: false } : { at: riyadhInstant(date), dateOnly: true };
}

/** Follow a correction's chain back to the entry first recorded. */
function rootOf(id: number, correctsOf: Map<number, number | null>): number {
  let at = id;
  for (let guard = 0; guard < 100; guard++) {
    const up = correctsOf.get(at);
    if (up === null || up === undefined) return at;
    at = up;
  }
  return at;
}

/** `today` (Riyadh): a plan still stored as active that has defaulted by the calendar shows the day it defaulted. */
export function caseTimeline(sqlite: Sqlite, caseId: number, today: string | null = null): TimelineItem[] {
  const r = timelineRecords(sqlite, caseId);
  const items: TimelineItem[] = [];
  for (const m of r.moves) {
    items.push({ type: 'stage_move', key: `move:${m.id}`, at: m.at, dateOnly: false, byName: m.byName, from: m.from as Stage | null, to: m.to as Stage, reason: m.reason, override: m.override === 1 });
  }

  const correctsOf = new Map(r.communications.map((c) => [c.id, c.correctsId]));
  const corrections = new Map<number, CommunicationCorrection[]>();
  for (const c of r.communications) {
    if (c.correctsId === null) continue;
    const root = rootOf(c.id, correctsOf);
    const list = corrections.get(root) ?? [];
    list.push({ id: c.id, createdAt: c.createdAt, byName: c.byName, channel: c.channel, direction: c.direction, outcome: c.outcome, notes: c.notes, followUpOn: c.followUpOn });
    corrections.set(root, list);
  }
  for (const c of r.communications) {
    if (c.correctsId !== null) continue;
    if (c.letterId !== null) {
      // The letters service logs each letter's generation and dispatch steps here: shown as the letter's events.
      items.push({ type: 'letter', key: `comm:${c.id}`, at: c.occurredAt, dateOnly: false, byName: c.byName, letterId: c.letterId, number: c.letterNumber ?? '', kind: c.letterKind ?? '', event: c.outcome, notes: c.notes === c.letterNumber ? '' : c.notes });
      continue;
    }
    items.push({
      type: 'communication',
      key: `comm:${c.id}`,
      at: c.occurredAt,
      dateOnly: false,
      byName: c.byName,
      id: c.id,
      channel: c.channel,
      direction: c.direction,
      outcome: c.outcome,
      notes: c.notes,
      partyName: c.partyName,
      contactName: c.contactName,
      followUpOn: c.followUpOn,
      paidMinor: c.paidMinor,
      overrideReason: c.overrideReason,
      corrections: (corrections.get(c.id) ?? []).sort((a, b) => a.id - b.id),
    });
  }
  for (const l of r.voidedLetters) {
    items.push({ type: 'letter', key: `void:${l.id}`, at: l.voidedAt, dateOnly: false, byName: l.byName, letterId: l.id, number: l.number, kind: l.kind, event: 'voided', notes: l.reason });
  }
  for (const d of r.documents) {
    items.push({ type: 'document', key: `doc:${d.id}`, at: d.createdAt, dateOnly: false, byName: d.byName, documentId: d.id, event: 'added', fileName: d.fileName, docType: d.type, reason: '' });
    if (d.removedAt) {
      items.push({ type: 'document', key: `doc-removed:${d.id}`, at: d.removedAt, dateOnly: false, byName: d.removedByName, documentId: d.id, event: 'removed', fileName: d.fileName, docType: d.type, reason: d.removedReason });
    }
  }
  for (const p of r.promises) {
    items.push({ type: 'promise', key: `promise:${p.id}`, at: p.createdAt, dateOnly: false, byName: p.byName, promiseId: p.id, amountMinor: p.amountMinor, keptMinor: p.keptMinor, currency: p.currency, dueOn: p.dueOn, state: p.state, cancelled: p.cancelledAt !== null });
  }
  for (const f of r.flags) {
    items.push({ type: 'flag', key: `flag:${f.id}`, at: f.openedAt, dateOnly: false, byName: f.openedByName, flagId: f.id, kind: f.kind, event: 'opened', reason: f.reason, untilOn: f.untilOn });
    if (f.resolvedAt) {
      items.push({ type: 'flag', key: `flag-resolved:${f.id}`, at: f.resolvedAt, dateOnly: false, byName: f.resolvedByName, flagId: f.id, kind: f.kind, event: 'resolved', reason: f.resolution, untilOn: f.untilOn });
    }
  }
  for (const t of r.tasks) {
    items.push({ type: 'task', key: `task:${t.id}`, at: t.createdAt, dateOnly: false, byName: t.byName, taskId: t.id, event: 'created', title: t.title, dueOn: t.dueOn, assigneeName: t.assigneeName });
    if (t.doneAt) {
      items.push({ type: 'task', key: `task-done:${t.id}`, at: t.doneAt, dateOnly: false, byName: t.doneByName, taskId: t.id, event: 'done', title: t.title, dueOn: t.dueOn, assigneeName: t.assigneeName });
    }
  }
  for (const h of r.hearings) {
    // A hearing sits in the history at its own date and time (a coming one is at the top).
    items.push({
      type: 'hearing',
      key: `hearing:${h.id}`,
      at: riyadhInstant(h.onDate, h.atTime),
      dateOnly: h.atTime === null,
      byName: h.byName,
      hearingId: h.id,
      onDate: h.onDate,
      atTime: h.atTime,
      court: h.court,
      circuit: h.circuit,
      hearingType: h.type,
      result: h.result,
      resultNotes: h.resultNotes,
    });
  }
  for (const p of r.payments) {
    items.push({
      type: 'payment',
      key: `payment:${p.id}`,
      ...onDay(p.onDate, p.createdAt),
      byName: p.byName,
      paymentId: p.id,
      event: p.reversesId === null ? 'received' : 'reversed',
      onDate: p.onDate,
      amountMinor: p.amountMinor,
      currency: p.currency,
      method: p.method,
      chequeNumber: p.chequeNumber,
      reference: p.reference,
      receivedBy: p.receivedBy,
      receiptNumber: p.reversesId === null ? p.receiptNumber : p.reversedReceipt,
      reason: p.reversalReason,
      notes: p.notes,
    });
  }
  for (const s of r.settlements) {
    const base = { type: 'settlement' as const, settlementId: s.id, amountMinor: s.amountMinor, currency: s.currency, deadline: s.deadline };
    items.push({ ...base, key: `settlement:${s.id}`, ...onDay(s.agreedOn, s.createdAt), byName: s.byName, event: 'agreed', reason: '' });
    // Paid or broken is the settlement's last change (a broken one never changes again), so updated_at dates it.
    if (s.endedOn !== null && s.state !== 'open') {
      items.push({ ...base, key: `settlement-${s.state}:${s.id}`, ...onDay(s.endedOn, s.updatedAt), byName: null, event: s.state, reason: s.state === 'broken' ? s.brokenReason : '' });
    }
  }
  for (const p of r.plans) {
    const base = { type: 'plan' as const, planId: p.id, totalMinor: p.totalMinor, currency: p.currency, count: p.count, frequency: p.frequency, firstDate: p.firstDate, replacesPlanId: p.replacesPlanId };
    items.push({ ...base, key: `plan:${p.id}`, ...onDay(p.agreedOn, p.createdAt), byName: p.byName, event: 'agreed', reason: '' });
    // The day it fell into default (computed from the schedule), kept when it is renegotiated afterwards.
    // A plan still stored as active may have defaulted since (the stored state follows the postings): as the plan screen does, the
    // newest plan's day of default is worked out from its schedule and payments.
    let defaultedOn = p.defaultedOn;
    if (defaultedOn === null && p.state === 'active' && today !== null) {
      const stored = latestPlan(sqlite, caseId);
      const o = stored && stored.id === p.id ? planOutlook(sqlite, stored, today) : null;
      if (o?.state === 'defaulted') defaultedOn = o.defaultsOn;
    }
    if (defaultedOn !== null) {
      items.push({ ...base, key: `plan-defaulted:${p.id}`, ...onDay(defaultedOn, null), byName: null, event: 'defaulted', reason: '' });
    }
    if (p.endedOn !== null && (p.state === 'renegotiated' || p.state === 'cancelled' || p.state === 'completed')) {
      // A renegotiation is recorded with the new plan, by whoever agreed it.
      const next = p.state === 'renegotiated' ? r.plans.find((q) => q.replacesPlanId === p.id) : undefined;
      items.push({ ...base, key: `plan-${p.state}:${p.id}`, ...onDay(p.endedOn, next?.createdAt ?? p.updatedAt), byName: next?.byName ?? null, event: p.state, reason: p.state === 'completed' ? '' : p.reason });
    }
  }
  // Newest first; the same instant keeps the order things were recorded in, reversed.
  return items
    .map((item, i) => ({ item, i, t: Date.parse(item.at) }))
    .sort((a, b) => (a.t === b.t ? b.i - a.i : b.t - a.t))
    .map((x) => x.item);
}
