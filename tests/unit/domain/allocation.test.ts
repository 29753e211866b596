// Allocation of payments to claim components: the default and a client's order, manual splits, credit, reversal, and the balance as the sum of its parts (a seeded property test).
import { describe, expect, it } from 'vitest';
import {
  allocatePayment,
  balanceOf,
  CLAIM_COMPONENTS,
  DEFAULT_ALLOCATION_ORDER,
  reverseAllocation,
  type ClaimComponent,
  type ClaimComponents,
  type ComponentAmounts,
  type ComponentEntry,
} from '../../../electron/domain/allocation';

const claim: ClaimComponents = { costs: 50_000, fees: 100_000, principal: 1_000_000, lateCharges: 20_000 };
const codes = (r: { problems: { code: string }[] }): string[] => r.problems.map((p) => p.code);
const total = (a: ComponentEntry): number => CLAIM_COMPONENTS.reduce((s, k) => s + (a[k] ?? 0), 0);

describe('allocatePayment: the configured order', () => {
  it('defaults to costs, then fees, then principal, then late charges', () => {
    expect(DEFAULT_ALLOCATION_ORDER).toEqual(['costs', 'fees', 'principal', 'lateCharges']);
    expect(allocatePayment({ amountMinor: 30_000, components: claim })).toEqual({
      allocated: { costs: 30_000, fees: 0, principal: 0, lateCharges: 0 },
      creditMinor: 0,
      problems: [],
    });
    expect(allocatePayment({ amountMinor: 200_000, components: claim }).allocated).toEqual({ costs: 50_000, fees: 100_000, principal: 50_000, lateCharges: 0 });
    expect(allocatePayment({ amountMinor: 1_160_000, components: claim }).allocated).toEqual({ costs: 50_000, fees: 100_000, principal: 1_000_000, lateCharges: 10_000 });
  });

  it('pays exactly the balance with no credit', () => {
    expect(allocatePayment({ amountMinor: 1_170_000, components: claim })).toMatchObject({ allocated: claim, creditMinor: 0 });
  });

  it('skips components with nothing outstanding, and treats absent late charges as none', () => {
    const r = allocatePayment({ amountMinor: 1_000, components: { costs: 0, fees: 0, principal: 5_000 } });
    expect(r.allocated).toEqual({ costs: 0, fees: 0, principal: 1_000, lateCharges: 0 });
  });

  it('follows a client’s order, the components it leaves out following in the default order', () => {
    const order: ClaimComponent[] = ['principal', 'costs'];
    expect(allocatePayment({ amountMinor: 1_010_000, components: claim, order }).allocated).toEqual({ costs: 10_000, fees: 0, principal: 1_000_000, lateCharges: 0 });
    expect(allocatePayment({ amountMinor: 1_160_000, components: claim, order }).allocated).toEqual({ costs: 50_000, fees: 100_000, principal: 1_000_000, lateCharges: 10_000 });
    expect(allocatePayment({ amountMinor: 25_000, components: claim, order: ['lateCharges', 'fees', 'costs', 'principal'] }).allocated).toEqual({ costs: 0, fees: 5_000, principal: 0, lateCharges: 20_000 });
  });

  it('refuses an order with an unknown or repeated component', () => {
    expect(allocatePayment({ amountMinor: 100, components: claim, order: ['costs', 'costs'] })).toEqual({
      allocated: { costs: 0, fees: 0, principal: 0, lateCharges: 0 },
      creditMinor: 0,
      problems: [{ code: 'order_invalid', component: 'costs' }],
    });
    expect(codes(allocatePayment({ amountMinor: 100, components: claim, order: ['interest' as ClaimComponent] }))).toEqual(['order_invalid']);
  });
});

describe('allocatePayment: more than the balance', () => {
  it('holds what exceeds the whole balance as credit, never losing it', () => {
    const r = allocatePayment({ amountMinor: 1_170_001, components: claim });
    expect(r).toEqual({ allocated: { ...claim }, creditMinor: 1, problems: [] });
    const nothingOwed = allocatePayment({ amountMinor: 5_000, components: { costs: 0, fees: 0, principal: 0 } });
    expect(nothingOwed).toMatchObject({ allocated: { costs: 0, fees: 0, principal: 0, lateCharges: 0 }, creditMinor: 5_000 });
  });
});

describe('allocatePayment: bad amounts are problems', () => {
  it('refuses zero, negative and non-whole amounts with nothing allocated', () => {
    for (const [amountMinor, code] of [[0, 'amount_not_positive'], [-100, 'amount_not_positive'], [10.5, 'amount_not_whole'], [Number.NaN, 'amount_not_whole'], [Number.POSITIVE_INFINITY, 'amount_not_whole']] as const) {
      const r = allocatePayment({ amountMinor, components: claim });
      expect(codes(r)).toEqual([code]);
      expect(total(r.allocated)).toBe(0);
      expect(r.creditMinor).toBe(0);
    }
  });

  it('throws on outstanding amounts no ledger could hold (a bug, not a user’s mistake)', () => {
    expect(() => allocatePayment({ amountMinor: 100, components: { ...claim, fees: -1 } })).toThrow(RangeError);
    expect(() => allocatePayment({ amountMinor: 100, components: { ...claim, principal: 0.5 } })).toThrow(RangeError);
  });
});

describe('allocatePayment: a manual split', () => {
  it('is used as the user split it when it is valid', () => {
    const r = allocatePayment({ amountMinor: 300_000, components: claim, manual: { principal: 250_000, fees: 50_000 } });
    expect(r).toEqual({ allocated: { costs: 0, fees: 50_000, principal: 250_000, lateCharges: 0 }, creditMinor: 0, problems: [] });
  });

  it('must add up to the amount', () => {
    const r = allocatePayment({ amountMinor: 300_000, components: claim, manual: { principal: 250_000 } });
    expect(r.problems).toEqual([{ code: 'manual_sum_mismatch', expectedMinor: 300_000, actualMinor: 250_000 }]);
    expect(total(r.allocated)).toBe(0);
    expect(codes(allocatePayment({ amountMinor: 300_000, components: claim, manual: { principal: 300_001 } }))).toEqual(['manual_sum_mismatch']);
  });

  it('may not put more in a component than is outstanding in it', () => {
    const r = allocatePayment({ amountMinor: 60_000, components: claim, manual: { costs: 60_000 } });
    expect(r.problems).toEqual([{ code: 'manual_over_outstanding', component: 'costs', outstandingMinor: 50_000 }]);
    expect(codes(allocatePayment({ amountMinor: 100, components: { costs: 0, fees: 0, principal: 1_000 }, manual: { lateCharges: 100 } }))).toEqual(['manual_over_outstanding']);
  });

  it('refuses negative, fractional and unknown parts, reporting each', () => {
    const r = allocatePayment({ amountMinor: 1_000, components: claim, manual: { costs: -500, fees: 1_500 } });
    expect(r.problems).toEqual([{ code: 'manual_negative', component: 'costs' }]);
    expect(codes(allocatePayment({ amountMinor: 1_000, components: claim, manual: { costs: 999.5, fees: 0.5 } }))).toEqual(['manual_not_whole', 'manual_not_whole']);
    const unknown = { interest: 1_000 } as unknown as ComponentEntry;
    expect(allocatePayment({ amountMinor: 1_000, components: claim, manual: unknown }).problems).toEqual([
      { code: 'manual_unknown_component', component: 'interest' },
    ]);
  });

  it('still refuses a bad amount before looking at the split', () => {
    expect(codes(allocatePayment({ amountMinor: 0, components: claim, manual: { costs: 0 } }))).toEqual(['amount_not_positive']);
  });

  it('on an overpayment pays every component in full and holds the rest as credit', () => {
    const r = allocatePayment({ amountMinor: 1_200_000, components: claim, manual: { ...claim } });
    expect(r).toMatchObject({ allocated: claim, creditMinor: 30_000, problems: [] });
    const short = allocatePayment({ amountMinor: 1_200_000, components: claim, manual: { principal: 1_000_000 } });
    expect(short.problems).toEqual([{ code: 'manual_sum_mismatch', expectedMinor: 1_170_000, actualMinor: 1_000_000 }]);
  });
});

describe('reverseAllocation', () => {
  it('negates every component, with no −0', () => {
    const reversed = reverseAllocation({ costs: 50_000, fees: 0, principal: 25_000 });
    expect(reversed).toEqual({ costs: -50_000, fees: 0, principal: -25_000, lateCharges: 0 });
    expect(Object.is(reversed.fees, 0) && Object.is(reversed.lateCharges, 0)).toBe(true);
  });

  it('restores the balance when posted after the original', () => {
    const paid = allocatePayment({ amountMinor: 200_000, components: claim }).allocated;
    expect(balanceOf(claim, [paid], []).outstandingMinor).toBe(970_000);
    expect(balanceOf(claim, [paid, reverseAllocation(paid)], []).byComponent).toEqual(claim);
    // Reversing the reversal is refused by the service; as arithmetic it is the original again.
    expect(reverseAllocation(reverseAllocation(paid))).toEqual(paid);
  });
});

describe('balanceOf', () => {
  it('is the claim less allocations and discounts, per component and in total', () => {
    const b = balanceOf(claim, [{ costs: 50_000, fees: 10_000 }, { principal: 100_000 }], [{ principal: 200_000, lateCharges: 20_000 }]);
    expect(b).toEqual({
      byComponent: { costs: 0, fees: 90_000, principal: 700_000, lateCharges: 0 },
      claimMinor: 1_170_000,
      allocatedMinor: 160_000,
      discountMinor: 220_000,
      outstandingMinor: 790_000,
    });
  });

  it('shows an inconsistent ledger as a negative component instead of hiding it', () => {
    expect(balanceOf({ costs: 100, fees: 0, principal: 0 }, [{ costs: 150 }], []).byComponent.costs).toBe(-50);
  });

  it('refuses sums past the safe integers rather than lose a halala', () => {
    expect(() => balanceOf(claim, [{ costs: Number.MAX_SAFE_INTEGER }, { costs: 1 }], [])).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- a seeded property test

/** mulberry32: a small deterministic generator, so a failure reproduces from its seed. */
function generator(seed: number): (below: number) => number {
  let a = seed >>> 0;
  return (below) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u32 = (t ^ (t >>> 14)) >>> 0;
    return u32 % below; // integers only; the tiny modulo bias does not matter here
  };
}

function shuffled<T>(items: readonly T[], next: (below: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = next(i + 1);
    const swap = out[i] as T;
    out[i] = out[j] as T;
    out[j] = swap;
  }
  return out;
}

interface Posting {
  allocated: ComponentAmounts;
  creditMinor: number;
  reversed: boolean;
}

describe('property: for any sequence of payments, reversals and discounts, no halala is created or lost', () => {
  it('holds across 500 seeded cases', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const next = generator(seed);
      const components: ClaimComponents = {
        costs: next(200_000),
        fees: next(500_000),
        principal: 1 + next(50_000_000),
        ...(next(2) === 0 ? { lateCharges: next(100_000) } : {}),
      };
      const postings: Posting[] = [];
      const allocations: ComponentEntry[] = [];
      const discounts: ComponentEntry[] = [];
      let received = 0;
      let returned = 0;
      let heldCredit = 0;
      const steps = 1 + next(20);
      for (let step = 0; step < steps; step += 1) {
        const before = balanceOf(components, allocations, discounts);
        const kind = next(10);
        if (kind < 5) {
          // An automatic payment in a random order, sometimes more than the balance.
          const amountMinor = 1 + next(Math.max(1, Math.trunc((before.outstandingMinor * 6) / 5)) + 1);
          const order = shuffled(CLAIM_COMPONENTS, next).slice(0, next(5));
          const r = allocatePayment({ amountMinor, components: before.byComponent, order });
          expect(r.problems).toEqual([]);
          expect(total(r.allocated) + r.creditMinor).toBe(amountMinor);
          for (const k of CLAIM_COMPONENTS) expect(r.allocated[k]).toBeLessThanOrEqual(before.byComponent[k]);
          expect(r.creditMinor > 0 ? total(r.allocated) === before.outstandingMinor : true).toBe(true);
          postings.push({ allocated: r.allocated, creditMinor: r.creditMinor, reversed: false });
          allocations.push(r.allocated);
          received += amountMinor;
          heldCredit += r.creditMinor;
        } else if (kind < 7) {
          // A manual split: a valid one is taken as is, a broken one changes nothing.
          const split: ComponentEntry = {};
          for (const k of CLAIM_COMPONENTS) split[k] = next(before.byComponent[k] + 1);
          const amountMinor = total(split);
          const broken = next(3) === 0;
          if (broken) split.principal = (split.principal ?? 0) + 1 + next(3);
          if (amountMinor === 0) continue;
          const r = allocatePayment({ amountMinor, components: before.byComponent, manual: split });
          if (broken) {
            expect(r.problems.length).toBeGreaterThan(0);
            expect(total(r.allocated) + r.creditMinor).toBe(0);
            continue;
          }
          expect(r).toEqual({ allocated: { costs: 0, fees: 0, principal: 0, lateCharges: 0, ...split }, creditMinor: 0, problems: [] });
          postings.push({ allocated: r.allocated, creditMinor: 0, reversed: false });
          allocations.push(r.allocated);
          received += amountMinor;
        } else if (kind < 9) {
          // A reversal of a payment not yet reversed: its allocation negated and its credit given back.
          const open = postings.filter((p) => !p.reversed);
          if (open.length === 0) continue;
          const original = open[next(open.length)];
          if (original === undefined) throw new Error('unreachable: a posting index within the list');
          original.reversed = true;
          allocations.push(reverseAllocation(original.allocated));
          returned += total(original.allocated) + original.creditMinor;
          heldCredit -= original.creditMinor;
        } else {
          // An agreed discount on part of what is outstanding.
          const discount: ComponentEntry = {};
          for (const k of CLAIM_COMPONENTS) discount[k] = next(Math.max(0, before.byComponent[k]) + 1);
          discounts.push(discount);
        }
        const after = balanceOf(components, allocations, discounts);
        expect(after.outstandingMinor).toBe(total(after.byComponent));
        expect(after.outstandingMinor).toBe(after.claimMinor - after.allocatedMinor - after.discountMinor);
        for (const k of CLAIM_COMPONENTS) expect(after.byComponent[k]).toBeGreaterThanOrEqual(0);
        // Every halala received is either allocated, held as credit or given back by a reversal.
        expect(received).toBe(after.allocatedMinor + heldCredit + returned);
      }
      // Reversing every payment restores the claim less the discounts only.
      for (const p of postings.filter((q) => !q.reversed)) allocations.push(reverseAllocation(p.allocated));
      const restored = balanceOf(components, allocations, discounts);
      expect(restored.allocatedMinor).toBe(0);
      expect(restored.outstandingMinor).toBe(restored.claimMinor - restored.discountMinor);
    }
  });
});
