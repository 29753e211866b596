// A settlement's standing kept in step with the case's payments: paid when the balance (with its discount) reaches
// zero, open again when a reversal un-pays it. Called in the payment's own transaction.
import type { SettlementRow } from '../../../contract/procedures/settlements';
import type { ClaimComponent, ComponentAmounts } from '../../../domain/allocation';
import type { Db } from '../../../../db/open';
import { getCase } from '../../../../db/queries/cases';
import { setSettlementState, standingSettlement, type SettlementRecord } from '../../../../db/queries/settlements';
import { caseBalance } from '../payments/balance';

/**
 * The discount of a settlement per component: the balance at agreement less the agreed amount, taken off the
 * components in the reverse of the client's allocation order (so what the order pays first is waived last).
 */
export function discountByComponent(outstanding: ComponentAmounts, order: readonly ClaimComponent[], discountMinor: number): ComponentAmounts {
  const out: ComponentAmounts = { costs: 0, fees: 0, principal: 0, lateCharges: 0 };
  let left = discountMinor;
  for (const key of [...order].reverse()) {
    const take = Math.min(left, outstanding[key]);
    out[key] = take;
    left -= take;
  }
  // The caller checks amount < balance, so the discount always fits in what is outstanding.
  if (left !== 0) throw new RangeError(`discount ${discountMinor} exceeds what is outstanding`);
  return out;
}

export function discountOf(s: SettlementRecord): ComponentAmounts {
  return { costs: s.discountCostsMinor, fees: s.discountFeesMinor, principal: s.discountPrincipalMinor, lateCharges: s.discountLateMinor };
}

export function discountTotal(s: SettlementRecord): number {
  return s.discountCostsMinor + s.discountFeesMinor + s.discountPrincipalMinor + s.discountLateMinor;
}

/** The standing settlement's state after a posting or a reversal; returns the change, if any, for the audit entry. */
export function refreshSettlement(db: Db, caseId: number, today: string, now: string): { id: number; state: SettlementRow['state']; before: string } | null {
  const s = standingSettlement(db, caseId);
  const k = getCase(db, caseId);
  if (!s || !k) return null;
  const want = caseBalance(db, k).balanceMinor <= 0 ? 'paid' : 'open';
  if (want === s.state) return null;
  if (!setSettlementState(db, s.id, s.version, { state: want, endedOn: want === 'paid' ? today : null, updatedAt: now })) {
    throw new Error(`settlement ${s.id} changed under its case's payment`);
  }
  return { id: s.id, state: want, before: s.state };
}
