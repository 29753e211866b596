// From a case row to what the ladder reasons about, and the office's ladder configuration.
import { DEFAULT_LADDER, escalationDue, isLadderConfig, type CaseFacts, type CaseStatus, type InstrumentType, type LadderConfig, type Stage } from '../../../domain/ladder';
import type { Db } from '../../../../db/open';
import { readSettings } from '../../../../db/queries/office';
import type { CaseRecord } from '../../../../db/queries/cases';

/** The ladder the office configured (settings key `ladder`), or DOMAIN.md's defaults. */
export function loadLadder(db: Db): LadderConfig {
  const stored = readSettings(db).ladder;
  return isLadderConfig(stored) ? stored : DEFAULT_LADDER;
}

export function factsOf(k: Pick<CaseRecord, 'stage' | 'status' | 'instrumentType' | 'openedOn' | 'stageEnteredOn' | 'dueDate' | 'noticeDeliveredOn' | 'demandDeliveredOn' | 'noteRegistered' | 'instrumentIssuedOn' | 'hasJudgment'>): CaseFacts {
  return {
    stage: k.stage as Stage,
    status: k.status as CaseStatus,
    instrumentType: k.instrumentType as InstrumentType,
    openedOn: k.openedOn,
    stageEnteredOn: k.stageEnteredOn,
    dueDate: k.dueDate,
    noticeDeliveredOn: k.noticeDeliveredOn,
    demandDeliveredOn: k.demandDeliveredOn,
    noteRegistered: k.noteRegistered,
    instrumentIssuedOn: k.instrumentIssuedOn,
    hasJudgment: k.hasJudgment,
  };
}

/** The queue columns stored on the case, so the escalation queue is an index range. */
export function escalationColumns(facts: CaseFacts, today: string, ladder: LadderConfig): { escalationNextStage: string | null; escalationDueOn: string | null } {
  const e = escalationDue(facts, today, ladder);
  return e.nextStage && e.dueOn ? { escalationNextStage: e.nextStage, escalationDueOn: e.dueOn } : { escalationNextStage: null, escalationDueOn: null };
}
