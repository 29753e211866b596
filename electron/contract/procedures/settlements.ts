// Settlements (صلح / تسوية) on a case: an agreed amount (and optional deadline) that closes the case when paid; the
// waived part is an agreed discount while the settlement is open or paid, and breaking it restores the full claim.
import { z } from 'zod';
import { proc } from '../procedure';
import { amountMinorSchema, currencySchema, idSchema, optionalIsoDate, requiredText, text, versionSchema } from '../fields';
import type { CaseBalanceRow, ComponentMinor } from './payments';

export const SETTLEMENT_STATES = ['open', 'paid', 'broken'] as const;
export type SettlementState = (typeof SETTLEMENT_STATES)[number];

export interface SettlementRow {
  id: number;
  caseId: number;
  amountMinor: number;
  currency: string;
  agreedOn: string;
  deadline: string | null;
  /** The case's balance when agreed: discount = balance at agreement − amount. */
  balanceAtAgreementMinor: number;
  /** What was waived, per component (taken off in the reverse of the client's allocation order). */
  discount: ComponentMinor;
  discountMinor: number;
  /** Allocated on the case since the agreement (net of reversals): counts toward the agreed amount. */
  paidTowardMinor: number;
  /** Still to pay of the agreed amount (0 once paid). */
  remainingMinor: number;
  state: SettlementState;
  /** Open with its deadline passed (the case is back in the escalation queue). */
  overdue: boolean;
  endedOn: string | null;
  brokenReason: string;
  notes: string;
  createdByName: string;
  createdAt: string;
  version: number;
}

export interface CaseSettlements {
  /** Newest first. */
  rows: SettlementRow[];
  balance: CaseBalanceRow;
  openedOn: string;
  closed: boolean;
}

export const settlementInput = z.object({
  caseId: idSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  /** Pay by this date (today or later), or none. */
  deadline: optionalIsoDate.default(null),
  notes: text(2000).default(''),
});
export type SettlementInput = z.input<typeof settlementInput>;

// Who agrees a settlement or a plan is who posts payments (payments.write: partner, lawyer, paralegal, accountant).
export const settlementProcedures = {
  'settlements.forCase': proc<CaseSettlements>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  /**
   * Refused with settlements.amount (zero, or not below the balance: details {balanceMinor}), settlements.open_exists,
   * settlements.currency, payments.case_closed; a deadline before today is input.invalid.
   */
  'settlements.create': proc<SettlementRow>()({ input: settlementInput, access: 'payments.write', kind: 'write' }),
  /** Only an open settlement is broken (settlements.not_open); the discount stops counting and the full claim is owed. */
  'settlements.break': proc<SettlementRow>()({
    input: z.object({ id: idSchema, version: versionSchema, reason: requiredText(1000) }),
    access: 'payments.write',
    kind: 'write',
  }),
} as const;
