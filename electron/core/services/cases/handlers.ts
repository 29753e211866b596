// Cases: list, page, create, edit, status, stage moves with guards, the escalation queue, global search.
import { roleHas } from '../../../contract';
import type { CaseDetail, QueueRow } from '../../../contract/procedures/cases';
import { todayIso } from '../../../domain/dates';
import { checkMove, correctionStages, isClosedStatus, type CaseStatus, type GuardFailure, type Stage } from '../../../domain/ladder';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import {
  escalationQueue,
  getCase,
  getCaseParties,
  getCaseTags,
  insertStageMove,
  listCases,
  updateCaseVersioned,
} from '../../../../db/queries/cases';
import { getParties, listClients } from '../../../../db/queries/parties';
import { searchIds } from '../../../../db/queries/search';
import { queryTerms } from '../search/index-text';
import { partyRow } from '../parties/parties';
import { caseDetail, caseRow } from './detail';
import { factsOf, loadLadder } from './facts';
import { holdingPromiseState } from '../promises/standing';
import { openFlags } from '../../../../db/queries/promises';
import { claimEditIssues } from '../payments/balance';
import { applyDerived, caseColumns, checkCaseValues, createCase, debtorNames, syncCase, type CaseValues } from './write';

type CaseHandlers = Pick<
  Handlers,
  'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'cases.setStatus' | 'cases.move' | 'cases.escalationQueue' | 'search.global'
>;

/** The values of a stored case, as the edit form would send them back. */
function valuesOf(db: Parameters<typeof getCaseParties>[0], k: NonNullable<ReturnType<typeof getCase>>): CaseValues {
  const links = getCaseParties(db, k.id);
  return {
    clientId: k.clientId,
    clientReference: k.clientReference,
    debtorIds: links.filter((l) => l.role === 'debtor').map((l) => l.partyId),
    guarantorIds: links.filter((l) => l.role === 'guarantor').map((l) => l.partyId),
    instrumentType: k.instrumentType as CaseValues['instrumentType'],
    instrumentNumber: k.instrumentNumber,
    instrumentIssuedOn: k.instrumentIssuedOn,
    dueDate: k.dueDate,
    noteRegistered: k.noteRegistered,
    currency: k.currency as CaseValues['currency'],
    principalMinor: k.principalMinor,
    costsMinor: k.costsMinor,
    feesMinor: k.feesMinor,
    lateChargesMinor: k.lateChargesMinor,
    lawyerId: k.lawyerId,
    paralegalId: k.paralegalId,
    tags: getCaseTags(db, k.id),
    court: k.court,
    circuit: k.circuit,
    najizNumber: k.najizNumber,
    judge: k.judge,
    nextActionOn: k.nextActionOn,
    noticeDeliveredOn: k.noticeDeliveredOn,
    demandDeliveredOn: k.demandDeliveredOn,
    hasJudgment: k.hasJudgment,
    notes: k.notes,
  };
}

function requireCase(db: Parameters<typeof getCase>[0], id: number): NonNullable<ReturnType<typeof getCase>> {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  return k;
}

/** Someone saved first: the caller gets the case as it is now, to show beside their version. */
function stale(current: CaseDetail): CoreError {
  return new CoreError('conflict.stale', 'The case was changed by someone else', current);
}

/** After a status or stage change: links, search text and queue columns recomputed from the stored case. */
function resync(db: Parameters<typeof getCaseParties>[0], sqlite: Parameters<typeof listCases>[0], k: NonNullable<ReturnType<typeof getCase>>, today: string, ladder: ReturnType<typeof loadLadder>): void {
  const v = valuesOf(db, k);
  applyDerived(db, k, syncCase(db, sqlite, k, v, debtorNames(db, v.debtorIds), today, ladder));
}

export const caseHandlers: CaseHandlers = {
  'cases.list': (ctx, input) => {
    const { sqlite } = ctx.open();
    const today = todayIso(ctx.core.now());
    const ladder = loadLadder(ctx.db());
    const { query, ...filter } = input.filter;
    const ids = query ? searchIds(sqlite, 'case', queryTerms(query), 5000) : null;
    const page = listCases(sqlite, { filter: { ...filter, ids }, sort: input.sort, dir: input.dir, cursor: input.cursor, limit: input.limit });
    return { rows: page.rows.map((r) => caseRow(r, today, ladder)), nextCursor: page.nextCursor, total: page.total };
  },

  'cases.get': (ctx, input) => caseDetail(ctx.db(), ctx.open().sqlite, input.id, todayIso(ctx.core.now()), loadLadder(ctx.db())),

  'cases.create': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      checkCaseValues(db, input, today, '');
      const ladder = loadLadder(db);
      const k = createCase(db, sqlite, input, { now, today, ladder });
      insertStageMove(db, { caseId: k.id, fromStage: null, toStage: 'intake', on: today, at: now, byUserId: ctx.user?.id ?? null, reason: '' });
      const detail = caseDetail(db, sqlite, k.id, today, ladder);
      return { result: detail, audit: { entity: 'case', entityId: String(k.id), after: { reference: k.reference, ...input } } };
    });
  },

  'cases.update': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const ladder = loadLadder(db);
      const current = requireCase(db, input.id);
      if (current.stage === 'closed' || isClosedStatus(current.status as CaseStatus)) {
        throw new CoreError('cases.closed', 'A closed case cannot be edited');
      }
      checkCaseValues(db, input.case, today, 'case', input.id);
      const settled = claimEditIssues(db, current, input.case);
      if (settled.length > 0) {
        throw new CoreError('input.invalid', 'The claim is below what was paid or waived', settled.map((i) => ({ ...i, path: `case.${i.path}` })));
      }
      const before = valuesOf(db, current);
      const names = debtorNames(db, input.case.debtorIds);
      if (!updateCaseVersioned(db, input.id, input.version, caseColumns(input.case, now, names))) {
        throw stale(caseDetail(db, sqlite, input.id, today, ladder));
      }
      const k = requireCase(db, input.id);
      applyDerived(db, k, syncCase(db, sqlite, k, input.case, names, today, ladder));
      return { result: caseDetail(db, sqlite, input.id, today, ladder), audit: { entity: 'case', entityId: String(input.id), before, after: input.case } };
    });
  },

  'cases.setStatus': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const ladder = loadLadder(db);
      const current = requireCase(db, input.id);
      // Disputed and on hold come with their reason and end through cases.dispute / cases.hold / cases.resolveFlag.
      if (input.status === 'disputed' || input.status === 'on_hold') {
        throw new CoreError('input.invalid', 'Open a dispute or a hold instead', [{ path: 'status', code: 'custom', message: 'validation.status_by_flag' }]);
      }
      if (input.status === 'active' && openFlags(db, input.id).length > 0) throw new CoreError('cases.flag_open', 'Resolve the open dispute or hold first');
      if (!updateCaseVersioned(db, input.id, input.version, { status: input.status, updatedAt: now })) {
        throw stale(caseDetail(db, sqlite, input.id, today, ladder));
      }
      const k = requireCase(db, input.id);
      resync(db, sqlite, k, today, ladder);
      return {
        result: caseDetail(db, sqlite, input.id, today, ladder),
        audit: { entity: 'case', entityId: String(input.id), before: { status: current.status }, after: { status: input.status, reason: input.reason } },
      };
    });
  },

  'cases.move': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    const { sqlite } = ctx.open();
    const user = ctx.user;
    return ctx.write((db) => {
      const ladder = loadLadder(db);
      const current = requireCase(db, input.id);
      if (current.version !== input.version) {
        throw stale(caseDetail(db, sqlite, input.id, today, ladder));
      }
      const facts = factsOf(current);
      const guards: GuardFailure[] = checkMove(facts, input.to, today, ladder);
      const correction = correctionStages(facts, ladder).includes(input.to);
      if (correction && input.reason.trim() === '') {
        throw new CoreError('cases.override_reason', 'A correction needs a reason');
      }
      if (guards.length > 0) {
        const canOverride = input.override && user !== null && roleHas(user.role, 'stage.override') && guards.every((g) => g.overridable);
        if (!canOverride) {
          if (input.override && user && !roleHas(user.role, 'stage.override')) throw new CoreError('permission.denied', 'Only a partner may override a guard');
          throw new CoreError('cases.guarded', 'The ladder does not allow this move now', guards);
        }
        if (input.reason.trim() === '') throw new CoreError('cases.override_reason', 'Overriding a guard needs a reason');
      }
      updateCaseVersioned(db, input.id, input.version, { stage: input.to, stageEnteredOn: today, updatedAt: now });
      insertStageMove(db, {
        caseId: input.id,
        fromStage: current.stage,
        toStage: input.to,
        on: today,
        at: now,
        byUserId: user?.id ?? null,
        reason: input.reason,
        override: guards.length > 0,
        guards: JSON.stringify(guards),
      });
      const k = requireCase(db, input.id);
      resync(db, sqlite, k, today, ladder);
      return {
        result: caseDetail(db, sqlite, input.id, today, ladder),
        audit: {
          entity: 'case',
          entityId: String(input.id),
          before: { stage: current.stage },
          after: { stage: input.to, reason: input.reason, overriddenGuards: guards.map((g) => g.code) },
        },
      };
    });
  },

  'cases.escalationQueue': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    const ladder = loadLadder(ctx.db());
    const db = ctx.db();
    const page = escalationQueue(ctx.open().sqlite, { today, cursor: input.cursor, limit: input.limit });
    return {
      rows: page.rows.map((r) => ({
        ...caseRow(r, today, ladder),
        nextStage: r.nextStage as Stage | null,
        dueOn: r.dueOn,
        reason: r.reason as QueueRow['reason'],
        // Broken or partly kept is decided today, from the payments recorded since the promise was made.
        promiseState: r.reason === 'promise_due' ? holdingPromiseState(db, r.id, today) : null,
      })),
      nextCursor: page.nextCursor,
    };
  },

  'search.global': (ctx, input) => {
    const { sqlite, db } = ctx.open();
    const terms = queryTerms(input.query);
    const caseIds = searchIds(sqlite, 'case', terms, 8);
    const partyIds = searchIds(sqlite, 'party', terms, 8);
    const clientIds = searchIds(sqlite, 'client', terms, 5);
    const cases = caseIds.flatMap((id) => {
      const k = getCase(db, id);
      return k ? [{ id: k.id, reference: k.reference, clientReference: k.clientReference, debtorName: k.debtorName, stage: k.stage as never }] : [];
    });
    const parties = getParties(db, partyIds).map((p) => {
      const r = partyRow(p);
      return { id: r.id, name: r.name, kind: r.kind, nationalId: r.nationalId, crNumber: r.crNumber, phone: r.phone };
    });
    const clients = clientIds.length
      ? listClients(sqlite, { cursor: null, limit: 5, includeArchived: true, ids: clientIds }).rows.map((c) => ({ id: c.id, nameAr: c.nameAr, nameEn: c.nameEn }))
      : [];
    return { cases, parties, clients };
  },
};
