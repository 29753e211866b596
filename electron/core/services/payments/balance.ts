// A case's balance as the sum of its parts: the claim's components less what payments allocated and what a standing
// settlement waived (per component and in total), and the client's allocation order.
import type { FieldIssue } from '../../../contract/result';
import type { CaseBalanceRow, ComponentMinor } from '../../../contract/procedures/payments';
import { balanceOf, parseAllocationOrder, type ClaimComponent, type ComponentAmounts } from '../../../domain/allocation';
import { isClosedStatus, type CaseStatus } from '../../../domain/ladder';
import type { Db } from '../../../../db/open';
import type { CaseRecord } from '../../../../db/queries/cases';
import { clientAllocationOrder, paymentTotals } from '../../../../db/queries/payments';
import { standingDiscounts } from '../../../../db/queries/settlements';

/** The claim's components as stored on the case (late charges only where the case carries them). */
export function claimOf(k: CaseRecord): ComponentAmounts {
  return { costs: k.costsMinor, fees: k.feesMinor, principal: k.principalMinor, lateCharges: k.lateChargesMinor };
}

/** The case's balance from its claim, the sums of every payment row (reversals negative) and the standing discount. */
export function caseBalance(db: Db, k: CaseRecord): CaseBalanceRow {
  const t = paymentTotals(db.$client, k.id);
  const allocated: ComponentMinor = { costs: t.costs, fees: t.fees, principal: t.principal, lateCharges: t.lateCharges };
  const discount: ComponentMinor = standingDiscounts(db.$client, k.id);
  const b = balanceOf(claimOf(k), [allocated], [discount]);
  return {
    currency: k.currency,
    claim: claimOf(k),
    allocated,
    discount,
    outstanding: b.byComponent,
    claimMinor: b.claimMinor,
    allocatedMinor: b.allocatedMinor,
    discountMinor: b.discountMinor,
    creditMinor: t.credit,
    paidMinor: b.allocatedMinor + t.credit,
    balanceMinor: b.outstandingMinor,
  };
}

/** The order the case's client set for its payments (costs, fees, principal, late charges unless it chose otherwise). */
export function allocationOrderOf(db: Db, k: CaseRecord): ClaimComponent[] {
  return parseAllocationOrder(clientAllocationOrder(db.$client, k.clientId) ?? '');
}

/** Closed by status (settled, paid, uncollectable, withdrawn) or by stage: nothing more is posted or agreed on it. */
export function isCaseClosed(k: CaseRecord): boolean {
  return k.stage === 'closed' || isClosedStatus(k.status as CaseStatus);
}

/** The claim as a case edit would leave it. */
export interface ClaimEdit {
  currency: string;
  principalMinor: number;
  costsMinor: number;
  feesMinor: number;
  lateChargesMinor: number;
}

const COMPONENT_FIELD: Record<ClaimComponent, keyof ClaimEdit> = {
  costs: 'costsMinor',
  fees: 'feesMinor',
  principal: 'principalMinor',
  lateCharges: 'lateChargesMinor',
};

/**
 * What an edit of a case's claim may not undo once money is recorded: each component stays at least what payments
 * allocated to it plus what a standing settlement waived (else its outstanding would be negative and the balance no
 * longer the sum of its parts), and the currency stays the payments' currency.
 */
export function claimEditIssues(db: Db, k: CaseRecord, next: ClaimEdit): FieldIssue[] {
  const t = paymentTotals(db.$client, k.id);
  const issues: FieldIssue[] = [];
  if (next.currency !== k.currency && t.amount !== 0) issues.push({ path: 'currency', code: 'custom', message: 'validation.currency_has_payments' });
  const discount = standingDiscounts(db.$client, k.id);
  const allocated: ComponentAmounts = { costs: t.costs, fees: t.fees, principal: t.principal, lateCharges: t.lateCharges };
  for (const c of Object.keys(COMPONENT_FIELD) as ClaimComponent[]) {
    const field = COMPONENT_FIELD[c];
    if ((next[field] as number) < allocated[c] + discount[c]) issues.push({ path: field, code: 'custom', message: 'validation.claim_below_settled' });
  }
  return issues;
}
