// Allocating a payment to a case's claim components (in the client's order or as the user splits it), reversals, and the balance as the sum of its parts.
import { addMinor, allocate, sumMinor } from './money';

export const CLAIM_COMPONENTS = ['costs', 'fees', 'principal', 'lateCharges'] as const;
export type ClaimComponent = (typeof CLAIM_COMPONENTS)[number];

/** The office's default order: costs, then fees, then principal; late charges (where allowed) last. */
export const DEFAULT_ALLOCATION_ORDER: readonly ClaimComponent[] = ['costs', 'fees', 'principal', 'lateCharges'];

/** A client's stored order ('costs,fees,principal,lateCharges'); anything unreadable gives the default order. */
export function parseAllocationOrder(stored: string): ClaimComponent[] {
  const parts = stored.split(',');
  const known = parts.filter((p): p is ClaimComponent => (CLAIM_COMPONENTS as readonly string[]).includes(p));
  if (known.length !== CLAIM_COMPONENTS.length || new Set(known).size !== known.length) return [...DEFAULT_ALLOCATION_ORDER];
  return known;
}

/** Amounts per component in minor units; late charges only where the client's settings allow them. */
export interface ClaimComponents {
  costs: number;
  fees: number;
  principal: number;
  lateCharges?: number;
}

/** Minor units per component, every component present (0 where nothing). */
export type ComponentAmounts = Record<ClaimComponent, number>;

/** One entry's amounts per component: an allocation (negative for a reversal) or a discount. */
export type ComponentEntry = Partial<Record<ClaimComponent, number>>;

export interface AllocationInput {
  amountMinor: number;
  /** What is outstanding in each component now. */
  components: ClaimComponents;
  /** The client's configured order; components it leaves out follow in the default order. */
  order?: readonly ClaimComponent[];
  /** The user's own split, used instead of the order. */
  manual?: ComponentEntry;
}

export type AllocationProblem =
  | { code: 'amount_not_whole' }
  | { code: 'amount_not_positive' }
  | { code: 'order_invalid'; component: string }
  | { code: 'manual_unknown_component'; component: string }
  | { code: 'manual_not_whole'; component: ClaimComponent }
  | { code: 'manual_negative'; component: ClaimComponent }
  | { code: 'manual_over_outstanding'; component: ClaimComponent; outstandingMinor: number }
  | { code: 'manual_sum_mismatch'; expectedMinor: number; actualMinor: number };

export interface AllocationResult {
  allocated: ComponentAmounts;
  /** What exceeds the whole balance: the caller refuses the payment or holds this as the debtor's credit. */
  creditMinor: number;
  /** Empty when the allocation stands; otherwise nothing is allocated. */
  problems: AllocationProblem[];
}

function zero(): ComponentAmounts {
  return { costs: 0, fees: 0, principal: 0, lateCharges: 0 };
}

function isComponent(key: string): key is ClaimComponent {
  return (CLAIM_COMPONENTS as readonly string[]).includes(key);
}

/** Every component's amount, a missing late charge as 0; refuses anything that is not whole minor units ≥ 0. */
function outstandingOf(components: ClaimComponents): ComponentAmounts {
  const out = zero();
  for (const key of CLAIM_COMPONENTS) {
    const value = components[key] ?? 0;
    // Outstanding amounts come from the ledger, not from a form: a bad one is a bug, not a user's mistake.
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${key} must be whole minor units ≥ 0: ${value}`);
    out[key] = value;
  }
  return out;
}

function refused(problems: AllocationProblem[]): AllocationResult {
  return { allocated: zero(), creditMinor: 0, problems };
}

function fullOrder(order: readonly ClaimComponent[], problems: AllocationProblem[]): ClaimComponent[] {
  const seen = new Set<ClaimComponent>();
  for (const key of order) {
    if (!isComponent(key) || seen.has(key)) problems.push({ code: 'order_invalid', component: String(key) });
    else seen.add(key);
  }
  // A component left out of the order still gets paid after the others, so no money goes to credit while it is owed.
  return [...seen, ...DEFAULT_ALLOCATION_ORDER.filter((key) => !seen.has(key))];
}

function manualProblems(manual: ComponentEntry, outstanding: ComponentAmounts, amountMinor: number): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  for (const key of Object.keys(manual)) {
    if (!isComponent(key)) problems.push({ code: 'manual_unknown_component', component: key });
  }
  let sum = 0;
  for (const key of CLAIM_COMPONENTS) {
    const value = manual[key] ?? 0;
    if (!Number.isSafeInteger(value)) problems.push({ code: 'manual_not_whole', component: key });
    else if (value < 0) problems.push({ code: 'manual_negative', component: key });
    else if (value > outstanding[key]) problems.push({ code: 'manual_over_outstanding', component: key, outstandingMinor: outstanding[key] });
    else sum += value;
  }
  if (problems.length > 0) return problems;
  // A split covers the amount; when the amount exceeds the whole balance the only split is every component in full,
  // and the excess is credit as with the automatic order.
  const expectedMinor = Math.min(amountMinor, sumMinor(CLAIM_COMPONENTS.map((key) => outstanding[key])));
  if (sum !== expectedMinor) problems.push({ code: 'manual_sum_mismatch', expectedMinor, actualMinor: sum });
  return problems;
}

/**
 * Allocate a payment to what is outstanding: in the given order (default costs → fees → principal → late charges),
 * or as the user split it by hand (checked, never adjusted). No component receives more than is outstanding in it;
 * what exceeds the whole balance is `creditMinor`, so amount = Σ allocated + credit, always.
 */
export function allocatePayment(input: AllocationInput): AllocationResult {
  const outstanding = outstandingOf(input.components);
  const { amountMinor } = input;
  if (!Number.isSafeInteger(amountMinor)) return refused([{ code: 'amount_not_whole' }]);
  if (amountMinor <= 0) return refused([{ code: 'amount_not_positive' }]);

  if (input.manual !== undefined) {
    const problems = manualProblems(input.manual, outstanding, amountMinor);
    if (problems.length > 0) return refused(problems);
    const allocated = zero();
    for (const key of CLAIM_COMPONENTS) allocated[key] = input.manual[key] ?? 0;
    return { allocated, creditMinor: amountMinor - sumMinor(CLAIM_COMPONENTS.map((key) => allocated[key])), problems: [] };
  }

  const problems: AllocationProblem[] = [];
  const order = fullOrder(input.order ?? DEFAULT_ALLOCATION_ORDER, problems);
  if (problems.length > 0) return refused(problems);
  const { allocations, leftover } = allocate(amountMinor, order.map((key) => ({ key, due: outstanding[key] })));
  const allocated = zero();
  for (const { key, amount } of allocations) allocated[key] = amount;
  return { allocated, creditMinor: leftover, problems: [] };
}

/** The entry that undoes an allocation (a bounced cheque, a mistake): every component negated, none as −0. */
export function reverseAllocation(allocated: ComponentEntry): ComponentAmounts {
  const reversed = zero();
  for (const key of CLAIM_COMPONENTS) reversed[key] = 0 - (allocated[key] ?? 0);
  return reversed;
}

export interface CaseBalance {
  /** What is still owed in each component: claim − allocations − discounts. */
  byComponent: ComponentAmounts;
  claimMinor: number;
  /** Net of reversals. */
  allocatedMinor: number;
  discountMinor: number;
  /** Σ byComponent, which is also claim − allocated − discount. */
  outstandingMinor: number;
}

function sumEntries(entries: readonly ComponentEntry[]): ComponentAmounts {
  const total = zero();
  for (const entry of entries) {
    for (const key of CLAIM_COMPONENTS) total[key] = addMinor(total[key], entry[key] ?? 0);
  }
  return total;
}

/**
 * A case's balance from its claim components, every allocation (reversals as negative entries) and every agreed
 * discount. Each figure is a sum of integers, so the total always equals the sum of its parts; nothing is clamped, so
 * an inconsistent ledger shows as a negative component rather than vanishing.
 */
export function balanceOf(components: ClaimComponents, allocations: readonly ComponentEntry[], discounts: readonly ComponentEntry[]): CaseBalance {
  const claim = outstandingOf(components);
  const allocated = sumEntries(allocations);
  const discounted = sumEntries(discounts);
  const byComponent = zero();
  for (const key of CLAIM_COMPONENTS) byComponent[key] = addMinor(claim[key], 0 - addMinor(allocated[key], discounted[key]));
  const total = (amounts: ComponentAmounts): number => sumMinor(CLAIM_COMPONENTS.map((key) => amounts[key]));
  return {
    byComponent,
    claimMinor: total(claim),
    allocatedMinor: total(allocated),
    discountMinor: total(discounted),
    outstandingMinor: total(byComponent),
  };
}
