// Promises to pay (create, cancel with a reason, the case's list) and disputes and holds on a case (open, resolve).
import type { CaseFlagRow, CasePromises, FlagKind, PromiseChannel, PromiseRow } from '../../../contract/procedures/promises';
import { todayIso } from '../../../domain/dates';
import { isClosedStatus, type CaseStatus } from '../../../domain/ladder';
import type { PromiseStanding } from '../../../domain/promise';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getCase, setDerivedColumns, updateCaseVersioned, type CaseRecord } from '../../../../db/queries/cases';
import {
  cancelPromiseVersioned,
  cancelReasons,
  caseFlagList,
  communicationCase,
  documentNames,
  getFlag,
  getPromise,
  insertFlag,
  insertPromise,
  openFlags,
  resolveFlagRow,
  userNames,
  type CaseFlagRecord,
  type PromiseRecord,
} from '../../../../db/queries/promises';
import { caseDetail } from '../cases/detail';
import { loadLadder } from '../cases/facts';
import { caseEscalation, casePayments, liveStandings, refreshPromises, riyadhDate } from './standing';

type PromiseHandlers = Pick<
  Handlers,
  'promises.forCase' | 'promises.create' | 'promises.cancel' | 'cases.flags' | 'cases.dispute' | 'cases.hold' | 'cases.resolveFlag'
>;

function requireCase(db: Db, id: number): CaseRecord {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  return k;
}

function requireOpenCase(db: Db, id: number): CaseRecord {
  const k = requireCase(db, id);
  if (k.stage === 'closed' || isClosedStatus(k.status as CaseStatus)) throw new CoreError('cases.closed', 'The case is closed');
  return k;
}

function promiseRows(db: Db, caseId: number, today: string): PromiseRow[] {
  const live = liveStandings(db, caseId, today);
  const names = userNames(db, live.map((p) => p.record.createdBy));
  const reasons = cancelReasons(db, live.filter((p) => p.record.cancelledAt !== null).map((p) => p.record.id));
  return live.map(({ record, standing }) => toRow(record, standing, names.get(record.createdBy ?? '') ?? '', reasons.get(record.id) ?? ''));
}

function toRow(p: PromiseRecord, s: PromiseStanding, createdByName: string, cancelReason: string): PromiseRow {
  return {
    id: p.id,
    caseId: p.caseId,
    amountMinor: p.amountMinor,
    currency: p.currency,
    dueOn: p.dueOn,
    channel: p.channel as PromiseChannel,
    communicationId: p.communicationId,
    state: s.state,
    keptMinor: s.keptMinor,
    madeOn: riyadhDate(p.createdAt),
    createdAt: p.createdAt,
    createdByName,
    cancelledAt: p.cancelledAt,
    cancelReason,
    version: p.version,
  };
}

function promiseRow(db: Db, id: number, today: string): PromiseRow {
  const p = getPromise(db, id);
  if (!p) throw new CoreError('not_found', 'No such promise');
  const row = promiseRows(db, p.caseId, today).find((r) => r.id === id);
  if (!row) throw new CoreError('not_found', 'No such promise');
  return row;
}

/** What the case's claim still asks for, after the posted payments and what an agreed settlement waives. */
function balanceOf(db: Db, k: CaseRecord): { paidMinor: number; balanceMinor: number } {
  const paidMinor = casePayments(db, k.id).reduce((sum, p) => sum + p.amountMinor, 0);
  return { paidMinor, balanceMinor: k.claimMinor - paidMinor - k.discountMinor };
}

function flagRows(db: Db, caseId: number): CaseFlagRow[] {
  const flags = caseFlagList(db, caseId);
  const names = userNames(db, flags.flatMap((f) => [f.openedBy, f.resolvedBy]));
  const docIds = flags.flatMap((f) => documentIdsOf(f));
  const docs = documentNames(db, docIds);
  return flags.map((f) => ({
    id: f.id,
    kind: f.kind,
    reason: f.reason,
    untilOn: f.untilOn,
    documents: documentIdsOf(f).map((id) => ({ id, fileName: docs.get(id)?.fileName ?? '' })),
    openedAt: f.openedAt,
    openedByName: names.get(f.openedBy ?? '') ?? '',
    resolvedAt: f.resolvedAt,
    resolvedByName: names.get(f.resolvedBy ?? '') ?? '',
    resolution: f.resolution,
  }));
}

function documentIdsOf(f: CaseFlagRecord): number[] {
  const ids: unknown = JSON.parse(f.documentIds);
  return Array.isArray(ids) ? ids.filter((i): i is number => typeof i === 'number') : [];
}

/** The status the case's open flags give it: a dispute outranks a hold; none leaves it active. */
function statusForFlags(flags: readonly { kind: FlagKind }[]): CaseStatus {
  if (flags.some((f) => f.kind === 'dispute')) return 'disputed';
  if (flags.some((f) => f.kind === 'hold')) return 'on_hold';
  return 'active';
}

/** Open a dispute or a hold: the status follows, the case leaves the queue (a dated hold returns on its date). */
function openFlag(
  ctx: Parameters<PromiseHandlers['cases.hold']>[0],
  caseId: number,
  flag: { kind: FlagKind; reason: string; untilOn: string | null; documentIds: number[] },
): ReturnType<PromiseHandlers['cases.hold']> {
  const now = ctx.core.now().toISOString();
  const today = todayIso(ctx.core.now());
  const { sqlite } = ctx.open();
  return ctx.write((db) => {
    const k = requireOpenCase(db, caseId);
    if (openFlags(db, caseId).some((f) => f.kind === flag.kind)) throw new CoreError('cases.flag_open', 'The case already has an open flag of this kind');
    const docs = documentNames(db, flag.documentIds);
    if (flag.documentIds.some((id) => docs.get(id)?.caseId !== caseId || docs.get(id)?.removed !== false)) {
      throw new CoreError('not_found', 'A document is not a document of this case');
    }
    const row = insertFlag(db, { caseId, kind: flag.kind, reason: flag.reason, untilOn: flag.untilOn, documentIds: JSON.stringify(flag.documentIds), openedAt: now, openedBy: ctx.user?.id ?? null });
    const status = statusForFlags(openFlags(db, caseId));
    if (status !== k.status) updateCaseVersioned(db, caseId, k.version, { status, updatedAt: now });
    setDerivedColumns(db, caseId, caseEscalation(db, requireCase(db, caseId), today, loadLadder(db)));
    return {
      result: caseDetail(db, sqlite, caseId, today, loadLadder(db)),
      audit: [
        { entity: 'case_flag', entityId: String(row.id), after: { caseId, ...flag } },
        { entity: 'case', entityId: String(caseId), before: { status: k.status }, after: { status } },
      ],
    };
  });
}

export const promiseHandlers: PromiseHandlers = {
  'promises.forCase': (ctx, input) => {
    const db = ctx.db();
    const today = todayIso(ctx.core.now());
    const k = requireCase(db, input.caseId);
    return { promises: promiseRows(db, k.id, today), currency: k.currency, claimMinor: k.claimMinor, ...balanceOf(db, k) } satisfies CasePromises;
  },

  'promises.create': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    return ctx.write((db) => {
      const k = requireOpenCase(db, input.caseId);
      const { balanceMinor } = balanceOf(db, k);
      if (input.amountMinor <= 0 || input.amountMinor > balanceMinor) {
        throw new CoreError('promises.amount', 'A promise is more than zero and no more than the balance', { balanceMinor, currency: k.currency });
      }
      if (input.dueOn < today) throw new CoreError('promises.date', 'A promise is not due before today', { today });
      if (input.communicationId !== null && communicationCase(db, input.communicationId) !== k.id) {
        throw new CoreError('not_found', 'The log entry is not an entry of this case');
      }
      const p = insertPromise(db, {
        caseId: k.id,
        communicationId: input.communicationId,
        amountMinor: input.amountMinor,
        currency: k.currency,
        dueOn: input.dueOn,
        channel: input.channel,
        createdBy: ctx.user?.id ?? null,
        createdAt: now,
      });
      refreshPromises(db, k.id, today);
      return {
        result: promiseRow(db, p.id, today),
        audit: { entity: 'promise', entityId: String(p.id), after: { caseId: k.id, amountMinor: p.amountMinor, currency: p.currency, dueOn: p.dueOn, channel: p.channel, communicationId: p.communicationId } },
      };
    });
  },

  'promises.cancel': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    return ctx.write((db) => {
      const p = getPromise(db, input.id);
      if (!p) throw new CoreError('not_found', 'No such promise');
      if (!cancelPromiseVersioned(db, p.id, input.version, now)) {
        throw new CoreError('conflict.stale', 'The promise was changed or cancelled by someone else', promiseRow(db, p.id, today));
      }
      refreshPromises(db, p.caseId, today);
      return {
        // The reason is read back from this audit entry, which commits with the cancellation.
        result: { ...promiseRow(db, p.id, today), cancelReason: input.reason },
        audit: { entity: 'promise', entityId: String(p.id), before: { state: p.state, keptMinor: p.keptMinor }, after: { cancelledAt: now, reason: input.reason } },
      };
    });
  },

  'cases.flags': (ctx, input) => {
    const db = ctx.db();
    requireCase(db, input.caseId);
    return flagRows(db, input.caseId);
  },

  'cases.dispute': (ctx, input) => openFlag(ctx, input.caseId, { kind: 'dispute', reason: input.reason, untilOn: null, documentIds: input.documentIds }),

  'cases.hold': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    if (input.until !== null && input.until <= today) {
      throw new CoreError('input.invalid', 'A hold ends after today', [{ path: 'until', code: 'custom', message: 'validation.date_after_today' }]);
    }
    return openFlag(ctx, input.caseId, { kind: 'hold', reason: input.reason, untilOn: input.until, documentIds: [] });
  },

  'cases.resolveFlag': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const f = getFlag(db, input.flagId);
      if (!f) throw new CoreError('not_found', 'No such dispute or hold');
      if (!resolveFlagRow(db, f.id, now, ctx.user?.id ?? null, input.resolution)) {
        throw new CoreError('conflict.stale', 'The dispute or hold was already resolved', flagRows(db, f.caseId));
      }
      const k = requireCase(db, f.caseId);
      // A closed case keeps its status; otherwise what is still open decides it (resolving the last one: active).
      const status = isClosedStatus(k.status as CaseStatus) ? (k.status as CaseStatus) : statusForFlags(openFlags(db, k.id));
      if (status !== k.status) updateCaseVersioned(db, k.id, k.version, { status, updatedAt: now });
      setDerivedColumns(db, k.id, caseEscalation(db, requireCase(db, k.id), today, loadLadder(db)));
      return {
        result: caseDetail(db, sqlite, k.id, today, loadLadder(db)),
        audit: [
          { entity: 'case_flag', entityId: String(f.id), before: { kind: f.kind, reason: f.reason, untilOn: f.untilOn }, after: { resolvedAt: now, resolution: input.resolution } },
          { entity: 'case', entityId: String(k.id), before: { status: k.status }, after: { status } },
        ],
      };
    });
  },
};
