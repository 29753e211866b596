// Whole lists read for an export, row by row (iterate, so 100,000 rows never sit in memory as one array).
import type { Sqlite } from '../open';

export interface CommunicationExportRow {
  reference: string;
  debtorName: string;
  occurredAt: string;
  channel: string;
  direction: string;
  partyName: string | null;
  contactName: string;
  outcome: string;
  notes: string;
  followUpOn: string | null;
  userName: string | null;
  correctsId: number | null;
  id: number;
}

/** The communication log of one case, or the whole office's, oldest first. */
export function iterateCommunications(sqlite: Sqlite, caseId: number | null, limit: number): IterableIterator<CommunicationExportRow> {
  return sqlite
    .prepare(
      `SELECT x.id, k.reference, k.debtor_name AS debtorName, x.occurred_at AS occurredAt, x.channel, x.direction, p.name AS partyName,
              x.contact_name AS contactName, x.outcome, x.notes, x.follow_up_on AS followUpOn, u.display_name AS userName, x.corrects_id AS correctsId
       FROM communications x JOIN cases k ON k.id = x.case_id LEFT JOIN parties p ON p.id = x.party_id LEFT JOIN users u ON u.id = x.user_id
       ${caseId === null ? '' : 'WHERE x.case_id = ?'} ORDER BY x.occurred_at, x.id LIMIT ?`,
    )
    .iterate(...(caseId === null ? [limit] : [caseId, limit])) as IterableIterator<CommunicationExportRow>;
}

export interface PaymentExportRow {
  id: number;
  reference: string;
  debtorName: string;
  onDate: string;
  amountMinor: number;
  currency: string;
  method: string;
  chequeNumber: string;
  chequeBank: string;
  paymentReference: string;
  receivedBy: string;
  allocCostsMinor: number;
  allocFeesMinor: number;
  allocPrincipalMinor: number;
  allocLateMinor: number;
  creditMinor: number;
  reversesId: number | null;
  reversalReason: string;
  receiptNumber: string | null;
  notes: string;
  userName: string | null;
}

/** Payments and reversals (negative) of one case or the whole office, by date. */
export function iteratePayments(sqlite: Sqlite, caseId: number | null, limit: number): IterableIterator<PaymentExportRow> {
  return sqlite
    .prepare(
      `SELECT y.id, k.reference, k.debtor_name AS debtorName, y.on_date AS onDate, y.amount_minor AS amountMinor, y.currency, y.method,
              y.cheque_number AS chequeNumber, y.cheque_bank AS chequeBank, y.reference AS paymentReference, y.received_by AS receivedBy,
              y.alloc_costs_minor AS allocCostsMinor, y.alloc_fees_minor AS allocFeesMinor, y.alloc_principal_minor AS allocPrincipalMinor,
              y.alloc_late_minor AS allocLateMinor, y.credit_minor AS creditMinor, y.reverses_id AS reversesId, y.reversal_reason AS reversalReason,
              y.receipt_number AS receiptNumber, y.notes, u.display_name AS userName
       FROM payments y JOIN cases k ON k.id = y.case_id LEFT JOIN users u ON u.id = y.created_by
       ${caseId === null ? '' : 'WHERE y.case_id = ?'} ORDER BY y.on_date, y.id LIMIT ?`,
    )
    .iterate(...(caseId === null ? [limit] : [caseId, limit])) as IterableIterator<PaymentExportRow>;
}
