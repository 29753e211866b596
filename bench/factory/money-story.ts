// One case's money history for the seed, as pure data: its payments (allocated in the client's order, never beyond the
// balance), bounced cheques and their reversals, a settlement or an instalment plan; bench/factory/money.ts stores it.
import { allocatePayment, reverseAllocation, type ClaimComponent, type ComponentAmounts } from '../../electron/domain/allocation';
import { addDays, diffDays } from '../../electron/domain/dates';
import { instalmentStates, planSchedule, type PlannedInstalment } from '../../electron/domain/instalments';
import type { Rng } from './random';

export interface StoryCase {
  id: number;
  stage: string;
  status: string;
  openedOn: string;
  /** When the case entered its stage (for closed cases: when it was closed). */
  stageEnteredOn: string;
  claim: ComponentAmounts;
  order: ClaimComponent[];
  /** Promises the daily-work seed marked kept or partly kept: a payment keeps them. */
  keptPromises: { dueOn: string; madeOn: string; amountMinor: number }[];
}

export type Method = 'bank_transfer' | 'sadad' | 'cash' | 'cheque' | 'mada' | 'card';

export interface PaymentDraft {
  /** Global order of creation: a reversal is always created after its payment. */
  seq: number;
  caseId: number;
  onDate: string;
  amountMinor: number;
  method: Method;
  chequeNumber: string;
  chequeBank: string;
  reference: string;
  receivedBy: 'office' | 'client';
  alloc: ComponentAmounts;
  /** A reversal: the draft it reverses. */
  reverses: PaymentDraft | null;
  reversalReason: string;
  /** Set when stored. */
  id: number;
}

export interface SettlementDraft {
  caseId: number;
  amountMinor: number;
  agreedOn: string;
  deadline: string | null;
  balanceAtAgreementMinor: number;
  paidAtAgreementMinor: number;
  discount: ComponentAmounts;
  state: 'open' | 'paid' | 'broken';
  endedOn: string | null;
  /** Payments on the case created before the agreement (their ids are known once stored). */
  before: PaymentDraft[];
}

export interface PlanDraft {
  caseId: number;
  totalMinor: number;
  count: number;
  frequency: 'weekly' | 'monthly';
  firstDate: string;
  agreedOn: string;
  schedule: PlannedInstalment[];
  state: 'active' | 'defaulted';
  defaultedOn: string | null;
  before: PaymentDraft[];
}

export interface CaseStory {
  payments: PaymentDraft[];
  settlement: SettlementDraft | null;
  plan: PlanDraft | null;
  paidMinor: number;
  discountMinor: number;
}

const METHODS: (readonly [Method, number])[] = [['bank_transfer', 34], ['sadad', 24], ['cash', 8], ['cheque', 12], ['mada', 12], ['card', 10]];
const CHEQUE_BANKS = ['مصرف الراجحي', 'البنك الأهلي السعودي', 'بنك الرياض', 'البنك السعودي الأول', 'بنك البلاد', 'مصرف الإنماء', 'البنك العربي الوطني'];
const BOUNCED = ['شيك مرتجع لعدم كفاية الرصيد', 'شيك مرتجع: التوقيع غير مطابق', 'شيك مرتجع: الحساب مغلق'];
const MISTAKE = 'قيد على غير القضية الصحيحة';
const zero = (): ComponentAmounts => ({ costs: 0, fees: 0, principal: 0, lateCharges: 0 });
const total = (a: ComponentAmounts): number => a.costs + a.fees + a.principal + a.lateCharges;

export interface StoryContext {
  rng: Rng;
  today: string;
  nextSeq: () => number;
}

/** Payments and what they did to one case, in date order. */
class Ledger {
  readonly payments: PaymentDraft[] = [];
  readonly outstanding: ComponentAmounts;
  paid = 0;
  private pending: PaymentDraft[] = [];

  constructor(
    private readonly k: StoryCase,
    private readonly ctx: StoryContext,
  ) {
    this.outstanding = { ...k.claim };
  }

  balance(): number {
    return total(this.outstanding);
  }

  /** Reversals dated up to `day` restore the balance before a later payment is allocated. */
  settleReversals(day: string): void {
    for (const r of this.pending.filter((p) => p.onDate <= day)) this.apply(r);
    this.pending = this.pending.filter((p) => p.onDate > day);
  }

  private apply(p: PaymentDraft): void {
    for (const key of Object.keys(p.alloc) as ClaimComponent[]) this.outstanding[key] -= p.alloc[key];
    this.paid += total(p.alloc);
    this.payments.push(p);
  }

  /** Post `amount` (capped at the balance) on `day`; may bounce. Returns the payment, or null when nothing is owed. */
  pay(day: string, amountMinor: number, opts: { mayBounce: boolean; method?: Method } = { mayBounce: true }): PaymentDraft | null {
    const { rng } = this.ctx;
    this.settleReversals(day);
    const amount = Math.min(amountMinor, this.balance());
    if (amount <= 0) return null;
    const a = allocatePayment({ amountMinor: amount, components: this.outstanding, order: this.k.order });
    if (a.problems.length > 0 || a.creditMinor !== 0) throw new Error(`seed allocation failed on case ${this.k.id}`);
    const method = opts.method ?? rng.weighted(METHODS);
    const p: PaymentDraft = {
      seq: this.ctx.nextSeq(),
      caseId: this.k.id,
      onDate: day,
      amountMinor: amount,
      method,
      chequeNumber: method === 'cheque' ? String(rng.int(100000, 99999999)) : '',
      chequeBank: method === 'cheque' ? rng.pick(CHEQUE_BANKS) : '',
      reference: referenceFor(method, rng),
      // Debtors sometimes pay the client's own account; the client reports it.
      receivedBy: method === 'bank_transfer' && rng.chance(0.22) ? 'client' : 'office',
      alloc: a.allocated,
      reverses: null,
      reversalReason: '',
      id: 0,
    };
    this.apply(p);
    // About 1% of payments are reversed: mostly bounced cheques, now and then a posting on the wrong case.
    const bounce = opts.mayBounce && (method === 'cheque' ? rng.chance(0.085) : rng.chance(0.003));
    const back = addDays(day, rng.int(2, 12));
    if (bounce && back <= this.ctx.today) {
      this.pending.push({
        ...p,
        seq: this.ctx.nextSeq(),
        onDate: back,
        amountMinor: -amount,
        alloc: reverseAllocation(a.allocated),
        reverses: p,
        reversalReason: method === 'cheque' ? rng.pick(BOUNCED) : MISTAKE,
      });
    }
    return p;
  }

  finish(): PaymentDraft[] {
    this.settleReversals('9999-12-31');
    return this.payments;
  }
}

function referenceFor(method: Method, rng: Rng): string {
  switch (method) {
    case 'bank_transfer':
      return `FT${rng.int(10_000_000, 99_999_999)}`;
    case 'sadad':
      return String(rng.int(1_000_000_000, 9_999_999_999));
    case 'mada':
    case 'card':
      return `AUTH-${rng.int(100000, 999999)}`;
    default:
      return '';
  }
}

/** Sorted distinct-ish days in [from, to]. */
function days(rng: Rng, from: string, to: string, n: number): string[] {
  const span = Math.max(0, diffDays(from, to));
  return Array.from({ length: n }, () => addDays(from, rng.int(0, span))).sort();
}

/** A payment that leaves something owed: a share of the claim, whole riyals, at least 100. */
function partial(rng: Rng, claimMinor: number, balance: number): number {
  const share = Math.round((claimMinor * rng.pick([0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2])) / 100) * 100;
  const cap = balance - Math.max(10_000, Math.round(balance * 0.1));
  return Math.min(Math.max(10_000, share), cap);
}

function reverseOrderDiscount(outstanding: ComponentAmounts, order: readonly ClaimComponent[], discount: number): ComponentAmounts {
  const out = zero();
  let left = discount;
  for (const key of [...order].reverse()) {
    const take = Math.min(left, outstanding[key]);
    out[key] = take;
    left -= take;
  }
  return out;
}

/** The case's whole money history, deterministic for the rng's state. */
export function caseStory(k: StoryCase, ctx: StoryContext): CaseStory {
  const { rng, today } = ctx;
  const claimMinor = total(k.claim);
  const closed = k.stage === 'closed';
  const end = closed ? (k.stageEnteredOn < today ? k.stageEnteredOn : today) : today;
  const windowStart = addDays(today, -730);
  // The last two years, or the case's whole life when it closed before them.
  const start = k.openedOn > windowStart ? k.openedOn : end > windowStart ? windowStart : k.openedOn;
  const ledger = new Ledger(k, ctx);
  let settlement: SettlementDraft | null = null;
  let plan: PlanDraft | null = null;
  let discountMinor = 0;

  /** `n` partial payments in [from, to] and the kept promises' payments up to `to`, in date order. */
  const regular = (from: string, to: string, n: number, opts: { mayBounce: boolean; promises: boolean }): void => {
    if (from > to) return;
    const events: { day: string; amount: number | null; mayBounce: boolean }[] = days(rng, from, to, n).map((day) => ({ day, amount: null, mayBounce: opts.mayBounce }));
    if (opts.promises) {
      for (const pr of k.keptPromises) {
        const day = addDays(pr.dueOn, -rng.int(0, 3));
        const on = day < pr.madeOn ? pr.madeOn : day;
        if (on >= k.openedOn && on <= to && on <= today) events.push({ day: on, amount: pr.amountMinor, mayBounce: false });
      }
    }
    events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    for (const e of events) ledger.pay(e.day, e.amount ?? partial(rng, claimMinor, ledger.balance()), { mayBounce: e.mayBounce });
  };
  /** A bounced cheque dated after the last payment leaves something owed: the debtor paid it again. */
  const payOff = (): void => {
    ledger.settleReversals('9999-12-31');
    const last = ledger.payments[ledger.payments.length - 1]?.onDate ?? end;
    if (ledger.balance() > 0) ledger.pay(last > today ? today : last, Number.MAX_SAFE_INTEGER, { mayBounce: false });
  };

  if (k.status === 'closed_paid') {
    const n = rng.int(1, 4);
    const ds = days(rng, start, end, n);
    ds.forEach((day, i) => ledger.pay(day, i === n - 1 ? Number.MAX_SAFE_INTEGER : partial(rng, claimMinor, ledger.balance()), { mayBounce: i < n - 1 }));
    payOff();
  } else if (k.status === 'settled' || (!closed && k.status === 'active' && rng.chance(0.007))) {
    // Settled cases were paid off at an agreed discount; a few open ones are still paying theirs (open or broken).
    const state = k.status === 'settled' ? 'paid' : rng.chance(0.55) ? 'open' : 'broken';
    const agreedOn = state === 'paid' ? addDays(end, -rng.int(0, Math.min(120, Math.max(0, diffDays(start, end))))) : addDays(today, -rng.int(0, Math.min(state === 'open' ? 40 : 300, Math.max(0, diffDays(k.openedOn, today)))));
    if (rng.chance(0.4)) regular(start, addDays(agreedOn, -1), 1, { mayBounce: false, promises: false });
    ledger.settleReversals(agreedOn);
    const balance = ledger.balance();
    const amountMinor = Math.max(100, Math.round((balance * rng.pick([0.6, 0.7, 0.75, 0.8, 0.85, 0.9])) / 100) * 100);
    if (amountMinor < balance) {
      const before = [...ledger.payments];
      const discount = reverseOrderDiscount(ledger.outstanding, k.order, balance - amountMinor);
      for (const key of k.order) ledger.outstanding[key] -= discount[key];
      const deadline = rng.chance(0.8) ? addDays(agreedOn, rng.pick([30, 45, 60, 90])) : null;
      const last = state === 'paid' ? end : deadline && deadline < today ? deadline : today;
      let endedOn: string | null = null;
      if (state === 'paid') {
        const n = rng.int(1, 3);
        const ds = days(rng, agreedOn, last, n);
        ds.forEach((day, i) => ledger.pay(day, i === n - 1 ? Number.MAX_SAFE_INTEGER : Math.round(amountMinor / n / 100) * 100, { mayBounce: false }));
        payOff();
        endedOn = ledger.payments[ledger.payments.length - 1]?.onDate ?? agreedOn;
      } else {
        if (rng.chance(0.5)) ledger.pay(addDays(agreedOn, rng.int(0, Math.max(0, diffDays(agreedOn, last)))), Math.round(amountMinor / 3 / 100) * 100, { mayBounce: false });
        if (state === 'broken') {
          // Broken after its deadline passed: the full claim is owed again.
          const brokenOn = addDays(deadline ?? addDays(agreedOn, 30), rng.int(1, 10));
          endedOn = brokenOn <= today ? brokenOn : today;
          ledger.settleReversals(endedOn);
          for (const key of k.order) ledger.outstanding[key] += discount[key];
        }
      }
      if (state !== 'broken') discountMinor = total(discount);
      settlement = { caseId: k.id, amountMinor, agreedOn, deadline, balanceAtAgreementMinor: balance, paidAtAgreementMinor: before.reduce((s, p) => s + total(p.alloc), 0), discount, state, endedOn, before };
    }
  } else if (!closed && k.status === 'active' && diffDays(k.openedOn, today) > 45 && rng.chance(0.058)) {
    // An instalment plan for the balance, agreed some months ago; most keep paying, some default.
    const weekly = rng.chance(0.15);
    const agreedOn = addDays(today, -rng.int(20, Math.min(weekly ? 120 : 400, diffDays(k.openedOn, today) - 1)));
    regular(k.openedOn > windowStart ? k.openedOn : windowStart, addDays(agreedOn, -1), rng.chance(0.3) ? 1 : 0, { mayBounce: false, promises: true });
    ledger.settleReversals(agreedOn);
    const before = [...ledger.payments];
    const firstDate = addDays(agreedOn, rng.int(7, 30));
    const elapsed = Math.max(0, Math.floor(diffDays(firstDate, today) / (weekly ? 7 : 30)) + 1);
    const count = Math.min(weekly ? 52 : 60, elapsed + rng.int(2, weekly ? 8 : 12));
    const totalMinor = ledger.balance();
    const planned = planSchedule({ totalMinor, count, frequency: weekly ? 'weekly' : 'monthly', firstDate, remainder: 'last' });
    if (planned.ok && totalMinor >= count * 100) {
      const behaviour = rng.weighted([['keeps', 70], ['late', 15], ['defaults', 15]] as const);
      const due = planned.schedule.filter((i) => i.dueOn < today);
      const stopAt = behaviour === 'defaults' ? rng.int(0, Math.max(0, due.length - 2)) : behaviour === 'late' ? Math.max(0, due.length - 1) : due.length;
      due.slice(0, stopAt).forEach((i) => {
        const day = addDays(i.dueOn, -rng.int(0, 4));
        ledger.pay(day < agreedOn ? agreedOn : day, i.amountMinor, { mayBounce: false, method: rng.pick(['bank_transfer', 'sadad', 'sadad', 'mada'] as const) });
      });
      const counted = ledger.payments.filter((p) => !before.includes(p)).map((p) => ({ on: p.onDate, amountMinor: p.amountMinor }));
      const standing = instalmentStates(planned.schedule, counted, today, { defaultAfterMissed: 2 });
      plan = {
        caseId: k.id,
        totalMinor,
        count,
        frequency: weekly ? 'weekly' : 'monthly',
        firstDate,
        agreedOn,
        schedule: planned.schedule,
        state: standing.defaulted ? 'defaulted' : 'active',
        defaultedOn: standing.defaultedOn,
        before,
      };
    }
  } else if (closed) {
    // Uncollectable or withdrawn: now and then a little was recovered before it closed.
    if (rng.chance(0.3)) regular(start, end, rng.int(1, 2), { mayBounce: true, promises: false });
  } else {
    const n = k.stage === 'intake' ? (rng.chance(0.1) ? 1 : 0) : rng.weighted([[0, 24], [1, 24], [2, 19], [3, 13], [4, 9], [5, 6], [6, 5]] as const);
    regular(start, end, n, { mayBounce: true, promises: true });
  }

  const payments = ledger.finish();
  return { payments, settlement, plan, paidMinor: ledger.paid, discountMinor };
}
