// The money property (issue 6, "Done when"): for seeded random sequences of postings (the client's order and split by
// hand, with credit), reversals (of payments, of reversals, twice), settlements agreed, paid and broken, and instalment
// plans agreed and renegotiated, all through the router on a real encrypted office, after every step
//   - the balance is the claim's components less allocations less discounts, per component and in total;
//   - it equals the case's stored claim − paid − discount (what lists sort on);
//   - no halala is created or lost: every payment row's amount is its allocations plus its credit, and the sums agree
//     with what the test itself posted and reversed;
//   - the discount is the standing settlement's, and a settlement is paid exactly when the balance is zero;
//   - a refused step changes nothing.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../bench/factory/office';
import { isProcedureName, type ApiResult } from '../../../electron/contract';
import type { CasePayments, PostedPayment } from '../../../electron/contract/procedures/payments';
import type { CaseSettlements, SettlementRow } from '../../../electron/contract/procedures/settlements';
import type { Router } from '../../../electron/core/api/router';
import type { Vault } from '../../../electron/core/vault';
import { makeNationalId } from '../../../electron/domain/validators';
import { PASSWORD, seededRouter, tempDir } from '../../fixtures/core';

const SEEDS = [1, 20261122, 777];
const STEPS = 200;
const TODAY = '2026-11-22';
const COMPONENTS = ['costs', 'fees', 'principal', 'lateCharges'] as const;

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed. */
function rng(seed: number): { int: (lo: number, hi: number) => number; pick: <T>(xs: readonly T[]) => T; chance: (p: number) => boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return { int, pick: (xs) => xs[int(0, xs.length - 1)] as (typeof xs)[number], chance: (p) => next() < p };
}

const dir = tempDir();
let vault: Vault;
let route: Router;
let token: string;
const caseIds: number[] = [];
const plansExist = isProcedureName('plans.create') && isProcedureName('plans.renegotiate');

async function call<T>(name: string, input: unknown): Promise<T> {
  return unwrap((await route(name, input, token)) as ApiResult<T>);
}
const attempt = (name: string, input: unknown): Promise<ApiResult<unknown>> => route(name, input, token);

/** What the test itself knows it posted and reversed on each case (never read back from the app). */
const ledger = new Map<number, { received: number; rows: number }>();

interface Snapshot {
  view: CasePayments;
  settlements: CaseSettlements;
  stored: { claim: number; paid: number; discount: number };
}

async function snapshot(caseId: number): Promise<Snapshot> {
  const view = await call<CasePayments>('payments.forCase', { caseId });
  const settlements = await call<CaseSettlements>('settlements.forCase', { caseId });
  const stored = vault.current().sqlite.prepare('SELECT claim_minor AS claim, paid_minor AS paid, discount_minor AS discount FROM cases WHERE id = ?').get(caseId) as Snapshot['stored'];
  return { view, settlements, stored };
}

function checkInvariants(s: Snapshot, caseId: number, where: string): void {
  const b = s.view.balance;
  let sum = 0;
  for (const c of COMPONENTS) {
    expect(b.outstanding[c], `${where}: ${c}`).toBe(b.claim[c] - b.allocated[c] - b.discount[c]);
    expect(b.outstanding[c], `${where}: ${c} ≥ 0`).toBeGreaterThanOrEqual(0);
    sum += b.outstanding[c];
  }
  expect(b.balanceMinor, `${where}: total is the sum of its parts`).toBe(sum);
  expect(b.balanceMinor, where).toBe(b.claimMinor - b.allocatedMinor - b.discountMinor);
  // The stored columns agree: what lists read is what the balance card shows.
  expect(s.stored.claim, where).toBe(b.claimMinor);
  expect(s.stored.paid, where).toBe(b.allocatedMinor);
  expect(s.stored.discount, where).toBe(b.discountMinor);
  expect(s.stored.claim - s.stored.paid - s.stored.discount, where).toBe(b.balanceMinor);
  // No halala created or lost: each row, and the sums, are allocations plus credit; the sums are what the test posted.
  let amount = 0;
  let allocated = 0;
  let credit = 0;
  for (const r of s.view.rows) {
    const rowAllocated = COMPONENTS.reduce((a, c) => a + r.allocated[c], 0);
    expect(r.amountMinor, `${where}: row ${r.id}`).toBe(rowAllocated + r.creditMinor);
    amount += r.amountMinor;
    allocated += rowAllocated;
    credit += r.creditMinor;
  }
  expect(amount, where).toBe(allocated + credit);
  expect(allocated, where).toBe(b.allocatedMinor);
  expect(credit, where).toBe(b.creditMinor);
  expect(b.paidMinor, where).toBe(amount);
  const mine = ledger.get(caseId) ?? { received: 0, rows: 0 };
  expect(amount, `${where}: received`).toBe(mine.received);
  expect(s.view.rows.length, `${where}: rows`).toBe(mine.rows);
  // The discount is the standing settlement's (open or paid), and paid means the balance is zero.
  const standing = s.settlements.rows.filter((x) => x.state !== 'broken');
  expect(standing.length, where).toBeLessThanOrEqual(1);
  expect(b.discountMinor, where).toBe(standing.reduce((a, x) => a + x.discountMinor, 0));
  for (const c of COMPONENTS) expect(b.discount[c], where).toBe(standing.reduce((a, x) => a + x.discount[c], 0));
  const open = standing[0];
  if (open) expect(open.state, `${where}: settlement paid ⇔ balance 0`).toBe(b.balanceMinor <= 0 ? 'paid' : 'open');
}

function expectUnchanged(before: Snapshot, after: Snapshot, where: string): void {
  expect(after.view, `${where}: a refused step changes nothing`).toEqual(before.view);
  expect(after.settlements, where).toEqual(before.settlements);
  expect(after.stored, where).toEqual(before.stored);
}

beforeAll(async () => {
  // The cases open on 2026-10-01, so payments can be dated any day from then to today.
  let now = new Date('2026-10-01T09:00:00+03:00');
  ({ vault, route } = await seededRouter(dir, () => now));
  const login = async (): Promise<string> => (unwrap(await route('auth.login', { username: 'partner', password: PASSWORD }, null)) as { token: string }).token;
  token = await login();
  const orders = [
    { nameAr: 'شركة الراية للتمويل', crNumber: '1010123456', allocationOrder: ['costs', 'fees', 'principal', 'lateCharges'], lateChargesAllowed: true },
    { nameAr: 'مصرف الأفق', crNumber: '1010777888', allocationOrder: ['principal', 'lateCharges', 'fees', 'costs'], lateChargesAllowed: true },
  ];
  let n = 0;
  for (const o of orders) {
    const client = await call<{ id: number }>('clients.create', { kind: 'company', ...o });
    for (const seed of SEEDS) {
      n++;
      const party = await call<{ id: number }>('parties.create', { kind: 'person', name: `مدين ${seed} ${n}`, nationalId: makeNationalId('1', String(50_000_000 + n)) });
      const k = await call<{ id: number }>('cases.create', {
        clientId: client.id,
        debtorIds: [party.id],
        instrumentType: 'invoice',
        principalMinor: 2_500_000 + n * 137,
        costsMinor: 75_050,
        feesMinor: 120_001,
        lateChargesMinor: 33_333,
        currency: 'SAR',
      });
      caseIds.push(k.id);
    }
  }
  now = new Date(`${TODAY}T09:00:00+03:00`);
  token = await login(); // weeks idle locked the session
});
afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('money property: the balance is the sum of its parts and no halala is created or lost', () => {
  it.each(SEEDS.map((seed, i) => [seed, i]))('seed %i', async (seed, i) => {
    const r = rng(seed);
    const cases = [caseIds[i] as number, caseIds[i + SEEDS.length] as number];
    for (const id of cases) checkInvariants(await snapshot(id), id, `seed ${seed} start`);
    const counts: Record<string, number> = {};
    for (let step = 0; step < STEPS; step++) {
      const caseId = r.pick(cases);
      const before = await snapshot(caseId);
      const b = before.view.balance;
      const mine = ledger.get(caseId) ?? { received: 0, rows: 0 };
      ledger.set(caseId, mine);
      const day = `2026-1${r.int(0, 1)}-${String(r.int(1, 22)).padStart(2, '0')}`;
      const kind = r.pick(['post', 'post', 'post', 'manual', 'reverse', 'reverse', 'settle', 'break', 'bad', ...(plansExist ? ['plan'] : [])] as const);
      let result: ApiResult<unknown>;
      let expectRefusal = false;
      if (kind === 'post') {
        // Mostly within the balance, sometimes over it (refused or held as credit).
        const amount = r.chance(0.15) ? b.balanceMinor + r.int(1, 50_000) : r.int(1, Math.max(1, Math.floor(b.balanceMinor / r.int(1, 6))));
        const holdCredit = r.chance(0.5);
        result = await attempt('payments.post', { caseId, onDate: day, amountMinor: amount, currency: 'SAR', method: r.pick(['cash', 'bank_transfer', 'sadad', 'mada']), holdCredit, lang: r.pick(['ar', 'en']) });
        if (result.ok) {
          mine.received += amount;
          mine.rows++;
        }
        expectRefusal = b.balanceMinor === 0 ? !holdCredit : amount > b.balanceMinor && !holdCredit;
        expect(result.ok, `seed ${seed} step ${step} post ${amount} over ${b.balanceMinor} credit ${holdCredit} on ${day}: ${JSON.stringify(result)}`).toBe(!expectRefusal);
      } else if (kind === 'manual') {
        // A split of the outstanding by hand: right, or off by a halala (refused).
        const split: Record<string, number> = {};
        let amount = 0;
        for (const c of COMPONENTS) {
          split[c] = r.chance(0.6) ? r.int(0, b.outstanding[c]) : 0;
          amount += split[c] ?? 0;
        }
        const wrong = r.chance(0.25);
        const sent = wrong ? amount + 1 : amount;
        result = await attempt('payments.post', { caseId, onDate: day, amountMinor: sent, currency: 'SAR', method: 'cheque', chequeNumber: String(1000 + step), chequeBank: 'البنك الأهلي', allocation: split });
        expectRefusal = wrong || amount === 0;
        if (result.ok) {
          mine.received += sent;
          mine.rows++;
          expect((result.value as PostedPayment).payment.allocated).toEqual(split);
        }
        expect(result.ok, `seed ${seed} step ${step} manual ${JSON.stringify(split)} wrong ${wrong}`).toBe(!expectRefusal);
      } else if (kind === 'reverse') {
        const rows = before.view.rows;
        if (rows.length === 0) continue;
        const target = r.pick(rows);
        result = await attempt('payments.reverse', { id: target.id, reason: 'شيك مرتجع', onDate: TODAY });
        expectRefusal = target.reversesId !== null || target.reversedById !== null;
        if (result.ok) {
          mine.received -= target.amountMinor;
          mine.rows++;
        }
        expect(result.ok, `seed ${seed} step ${step} reverse ${target.id}`).toBe(!expectRefusal);
      } else if (kind === 'settle') {
        const amount = r.chance(0.2) ? b.balanceMinor + r.int(0, 1000) : r.int(1, Math.max(1, b.balanceMinor - 1));
        result = await attempt('settlements.create', { caseId, amountMinor: amount, currency: 'SAR', deadline: r.chance(0.5) ? '2026-12-31' : null });
        const stands = before.settlements.rows.some((x) => x.state !== 'broken');
        expectRefusal = stands || amount >= b.balanceMinor;
        expect(result.ok, `seed ${seed} step ${step} settle ${amount} of ${b.balanceMinor}`).toBe(!expectRefusal);
        if (result.ok) expect((result.value as SettlementRow).discountMinor).toBe(b.balanceMinor - amount);
      } else if (kind === 'break') {
        const target = before.settlements.rows[0];
        if (!target) continue;
        result = await attempt('settlements.break', { id: target.id, version: target.version, reason: 'لم يلتزم' });
        expectRefusal = target.state !== 'open';
        expect(result.ok, `seed ${seed} step ${step} break ${target.state}`).toBe(!expectRefusal);
      } else if (kind === 'plan') {
        const plans = await call<{ current: { id: number; version: number; state: string } | null }>('plans.forCase', { caseId });
        const terms = { currency: 'SAR', totalMinor: null, count: r.int(1, 12), frequency: r.pick(['weekly', 'monthly']), firstDate: '2026-12-01' };
        result = plans.current
          ? await attempt('plans.renegotiate', { planId: plans.current.id, version: plans.current.version, reason: 'طلب المدين', ...terms })
          : await attempt('plans.create', { caseId, ...terms });
        // A plan is refused on a zero balance (or a settled case); either way the money does not move.
      } else {
        // Bad input of every kind: nothing may change.
        const bad = r.pick([
          { amountMinor: 0 },
          { amountMinor: -r.int(1, 1000) },
          { amountMinor: r.int(1, 1000) + 0.5 },
          { amountMinor: 'ألف' },
          { currency: 'USD' },
          { onDate: '2026-09-30' },
          { onDate: '2026-11-23' },
          { allocation: { principal: -1 } },
        ]);
        result = await attempt('payments.post', { caseId, onDate: day, amountMinor: 1000, currency: 'SAR', method: 'cash', ...bad });
        expectRefusal = true;
        expect(result.ok, `seed ${seed} step ${step} bad ${JSON.stringify(bad)}`).toBe(false);
      }
      counts[`${kind}:${result.ok ? 'ok' : 'refused'}`] = (counts[`${kind}:${result.ok ? 'ok' : 'refused'}`] ?? 0) + 1;
      const after = await snapshot(caseId);
      checkInvariants(after, caseId, `seed ${seed} step ${step} ${kind}`);
      if (!result.ok) expectUnchanged(before, after, `seed ${seed} step ${step} ${kind}`);
    }
    // The sequence exercised every kind of step, both ways where both are possible.
    for (const k of ['post:ok', 'post:refused', 'manual:ok', 'manual:refused', 'reverse:ok', 'reverse:refused', 'settle:ok', 'settle:refused', 'break:ok', 'bad:refused']) {
      expect(counts[k] ?? 0, `seed ${seed}: ${k} in ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    }
  });
});
