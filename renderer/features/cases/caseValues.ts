// The case form's values: empty for a new case, or taken from a CaseDetail for editing (and for the stale diff).
import type { CaseDetail, CaseInput } from '../../../electron/contract/procedures/cases';

export const EMPTY_CASE: CaseInput = {
  clientId: 0,
  clientReference: '',
  debtorIds: [],
  guarantorIds: [],
  instrumentType: 'invoice',
  instrumentNumber: '',
  instrumentIssuedOn: '',
  dueDate: '',
  noteRegistered: null,
  currency: 'SAR',
  principalMinor: Number.NaN,
  costsMinor: 0,
  feesMinor: 0,
  lateChargesMinor: 0,
  lawyerId: null,
  paralegalId: null,
  tags: [],
  court: '',
  circuit: '',
  najizNumber: '',
  judge: '',
  nextActionOn: '',
  noticeDeliveredOn: '',
  demandDeliveredOn: '',
  hasJudgment: false,
  notes: '',
};

export function caseToInput(c: CaseDetail): CaseInput {
  return {
    clientId: c.clientId,
    clientReference: c.clientReference,
    debtorIds: c.debtors.map((d) => d.id),
    guarantorIds: c.guarantors.map((d) => d.id),
    instrumentType: c.instrumentType,
    instrumentNumber: c.instrumentNumber,
    instrumentIssuedOn: c.instrumentIssuedOn ?? '',
    dueDate: c.dueDate ?? '',
    noteRegistered: c.noteRegistered,
    currency: c.currency,
    principalMinor: c.principalMinor,
    costsMinor: c.costsMinor,
    feesMinor: c.feesMinor,
    lateChargesMinor: c.lateChargesMinor,
    lawyerId: c.lawyerId,
    paralegalId: c.paralegalId,
    tags: c.tags,
    court: c.court,
    circuit: c.circuit,
    najizNumber: c.najizNumber,
    judge: c.judge,
    nextActionOn: c.nextActionOn ?? '',
    noticeDeliveredOn: c.noticeDeliveredOn ?? '',
    demandDeliveredOn: c.demandDeliveredOn ?? '',
    hasJudgment: c.hasJudgment,
    notes: c.notes,
  };
}

export const CASE_FIELDS = Object.keys(EMPTY_CASE) as (keyof CaseInput)[];
