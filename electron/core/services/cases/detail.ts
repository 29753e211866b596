// Everything the case page shows, read in one go.
import type { CaseDetail, CaseRow, CaseWarning } from '../../../contract/procedures/cases';
import {
  checkMove,
  correctionStages,
  limitationFlag,
  nextStages,
  noteWarning,
  type CaseStatus,
  type InstrumentType,
  type LadderConfig,
  type Stage,
} from '../../../domain/ladder';
import type { CurrencyCode } from '../../../domain/money';
import { CoreError } from '../../errors';
import type { Db, Sqlite } from '../../../../db/open';
import { getCase, getCaseParties, getCaseTags, stageHistory, type CaseListRow } from '../../../../db/queries/cases';
import { getClient, getParties } from '../../../../db/queries/parties';
import { findUserById } from '../../../../db/queries/users';
import { poaWarnings } from '../parties/clients';
import { partyRow } from '../parties/parties';
import { factsOf } from './facts';
import { caseEscalation } from '../promises/standing';

export function caseDetail(db: Db, sqlite: Sqlite, id: number, today: string, ladder: LadderConfig): CaseDetail {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  const links = getCaseParties(db, id);
  const parties = new Map(getParties(db, links.map((l) => l.partyId)).map((p) => [p.id, p]));
  const rowsFor = (role: 'debtor' | 'guarantor'): CaseDetail['debtors'] =>
    links.filter((l) => l.role === role).flatMap((l) => {
      const p = parties.get(l.partyId);
      return p ? [partyRow(p)] : [];
    });
  const facts = factsOf(k);
  const moves = [
    ...nextStages(facts, ladder).map((to) => ({ to, correction: false })),
    ...correctionStages(facts, ladder).map((to) => ({ to, correction: true })),
  ].map((m) => ({ ...m, guards: checkMove(facts, m.to, today, ladder) }));
  const q = caseEscalation(db, k, today, ladder);
  return {
    id: k.id,
    version: k.version,
    reference: k.reference,
    clientId: k.clientId,
    clientName: getClient(db, k.clientId)?.nameAr ?? '',
    clientReference: k.clientReference,
    instrumentType: k.instrumentType as InstrumentType,
    instrumentNumber: k.instrumentNumber,
    instrumentIssuedOn: k.instrumentIssuedOn,
    dueDate: k.dueDate,
    noteRegistered: k.noteRegistered,
    currency: k.currency as CurrencyCode,
    principalMinor: k.principalMinor,
    costsMinor: k.costsMinor,
    feesMinor: k.feesMinor,
    lateChargesMinor: k.lateChargesMinor,
    lateChargesAllowed: getClient(db, k.clientId)?.lateChargesAllowed ?? false,
    claimMinor: k.claimMinor,
    paidMinor: k.paidMinor,
    discountMinor: k.discountMinor,
    lawyerId: k.lawyerId,
    paralegalId: k.paralegalId,
    lawyerName: k.lawyerId ? (findUserById(db, k.lawyerId)?.displayName ?? null) : null,
    paralegalName: k.paralegalId ? (findUserById(db, k.paralegalId)?.displayName ?? null) : null,
    tags: getCaseTags(db, id),
    court: k.court,
    circuit: k.circuit,
    najizNumber: k.najizNumber,
    judge: k.judge,
    nextActionOn: k.nextActionOn,
    noticeDeliveredOn: k.noticeDeliveredOn,
    demandDeliveredOn: k.demandDeliveredOn,
    hasJudgment: k.hasJudgment,
    notes: k.notes,
    stage: k.stage as Stage,
    status: k.status as CaseStatus,
    openedOn: k.openedOn,
    stageEnteredOn: k.stageEnteredOn,
    debtors: rowsFor('debtor'),
    guarantors: rowsFor('guarantor'),
    history: stageHistory(sqlite, id).map((m) => ({
      id: m.id,
      from: m.from as Stage | null,
      to: m.to as Stage,
      on: m.on,
      at: m.at,
      byName: m.byName ?? '',
      reason: m.reason,
      override: m.override === 1,
    })),
    moves,
    escalation: {
      due: q.escalationDueOn !== null && q.escalationDueOn <= today,
      nextStage: q.escalationNextStage as Stage | null,
      dueOn: q.escalationDueOn,
      reason: q.escalationReason,
    },
    warnings: caseWarnings(db, sqlite, k, today, ladder),
    updatedAt: k.updatedAt,
  };
}

function caseWarnings(db: Db, sqlite: Sqlite, k: NonNullable<ReturnType<typeof getCase>>, today: string, ladder: LadderConfig): CaseWarning[] {
  const facts = factsOf(k);
  const warnings: CaseWarning[] = [];
  const lim = limitationFlag(facts, today, ladder);
  if (lim.flagged && lim.endsOn) warnings.push({ code: 'limitation', params: { endsOn: lim.endsOn, daysLeft: lim.daysLeft ?? 0 } });
  const note = noteWarning(facts, today, ladder);
  if (note) warnings.push({ code: 'note_unregistered', params: { kind: note.code, ...(note.transitionEndsOn ? { transitionEndsOn: note.transitionEndsOn } : {}) } });
  if (k.stage === 'litigation' || k.stage === 'enforcement') {
    for (const w of poaWarnings(db, sqlite, k.clientId, today)) {
      if (w.code === 'poa_missing_for_litigation') warnings.push({ code: 'poa_missing', params: {} });
      else if (w.code === 'poa_expiring') warnings.push({ code: 'poa_expiring', params: { number: w.number, expiresOn: w.expiresOn, daysLeft: w.daysLeft } });
      else warnings.push({ code: 'poa_missing', params: { number: w.number, expiredOn: w.expiresOn } });
    }
  }
  return warnings;
}

/** A list row with the flags a list shows (limitation, unregistered note). */
export function caseRow(r: CaseListRow, today: string, ladder: LadderConfig): CaseRow {
  const facts = { dueDate: r.dueDate, instrumentType: r.instrumentType as InstrumentType, noteRegistered: r.noteRegistered === null ? null : r.noteRegistered === 1, instrumentIssuedOn: r.instrumentIssuedOn };
  const flags: CaseRow['flags'] = [];
  if (limitationFlag(facts, today, ladder).flagged) flags.push('limitation');
  if (noteWarning(facts, today, ladder)) flags.push('note');
  return {
    id: r.id,
    reference: r.reference,
    clientReference: r.clientReference,
    clientName: r.clientName,
    debtorName: r.debtorName,
    stage: r.stage as Stage,
    status: r.status as CaseStatus,
    instrumentType: r.instrumentType as InstrumentType,
    currency: r.currency,
    claimMinor: r.claimMinor,
    paidMinor: r.paidMinor,
    discountMinor: r.discountMinor,
    balanceMinor: r.claimMinor - r.paidMinor - r.discountMinor,
    openedOn: r.openedOn,
    dueDate: r.dueDate,
    nextActionOn: r.nextActionOn,
    lawyerName: r.lawyerName,
    flags,
  };
}
