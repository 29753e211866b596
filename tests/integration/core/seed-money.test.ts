// The seeded office's money holds together (reports run on it): every case's balance is its claim less the payment
// rows' allocations and its agreed discount, receipt and remittance numbers are gapless, remittances add up, plans
// add up — checked in SQL over a small seed, and through the procedures on a few of its cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { seedMoney, type MoneyCounts } from '../../../bench/factory/money';
import { openVault } from '../../../electron/core/vault';
import { dayOfWeek } from '../../../electron/domain/dates';
import { percentFee } from '../../../electron/domain/ledger';
import type { Sqlite } from '../../../db/open';
import type { CasePayments } from '../../../electron/contract/procedures/payments';
import { MIGRATIONS, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

const TODAY = '2026-11-22';
const CASES = 600;
let t: TestCore;
let counts: MoneyCounts;
let sqlite: Sqlite;
let closeVault: () => void;

beforeAll(async () => {
  t = startCore();
  await seedOffice(t.core, { password: PASSWORD, seed: 1 });
  t.core.close();
  const vault = openVault(t.dir, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases: CASES, seed: 3, today: TODAY, lawyerIds: ids('lawyer'), paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 3, today: TODAY });
  counts = seedMoney(open, { seed: 3, today: TODAY });
  sqlite = open.sqlite;
  closeVault = () => vault.close();
}, 120_000);
afterAll(() => {
  closeVault();
  t.dispose();
});

const all = <T,>(sql: string, ...params: unknown[]): T[] => sqlite.prepare(sql).all(...params) as T[];
const one = <T,>(sql: string, ...params: unknown[]): T => sqlite.prepare(sql).get(...params) as T;

describe('the seeded money', () => {
  it('has about two payments a case, about 1% reversed, every method, plans on about 5% and settlements', () => {
    expect(counts.payments).toBeGreaterThan(CASES * 1.6);
    expect(counts.payments).toBeLessThan(CASES * 2.4);
    expect(counts.reversals).toBeGreaterThan(0);
    expect(counts.reversals / counts.payments).toBeLessThan(0.025);
    expect(counts.plans / CASES).toBeGreaterThan(0.02);
    expect(counts.plans / CASES).toBeLessThan(0.08);
    expect(counts.settlements).toBeGreaterThan(0);
    const methods = all<{ method: string }>('SELECT DISTINCT method FROM payments').map((r) => r.method).sort();
    expect(methods).toEqual(['bank_transfer', 'card', 'cash', 'cheque', 'mada', 'sadad']);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM payments WHERE method = 'cheque' AND (cheque_number = '' OR cheque_bank = '')").n).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM payments WHERE received_by = 'client'").n).toBeGreaterThan(0);
    const states = all<{ state: string }>('SELECT DISTINCT state FROM settlements').map((r) => r.state);
    expect(states).toContain('paid');
  });

  it('keeps every balance the claim less the payment rows’ allocations less the agreed discount, component by component', () => {
    const rows = all<{ id: number; claim: number; parts: number; paid: number; discount: number; allocated: number; status: string; costs: number; fees: number; principal: number; late: number; ac: number; af: number; ap: number; al: number; dc: number; df: number; dp: number; dl: number }>(
      `SELECT k.id, k.claim_minor AS claim, k.principal_minor + k.costs_minor + k.fees_minor + k.late_charges_minor AS parts, k.paid_minor AS paid,
              k.discount_minor AS discount, k.status, k.costs_minor AS costs, k.fees_minor AS fees, k.principal_minor AS principal, k.late_charges_minor AS late,
              coalesce(p.ac, 0) AS ac, coalesce(p.af, 0) AS af, coalesce(p.ap, 0) AS ap, coalesce(p.al, 0) AS al,
              coalesce(p.ac + p.af + p.ap + p.al, 0) AS allocated,
              coalesce(s.dc, 0) AS dc, coalesce(s.df, 0) AS df, coalesce(s.dp, 0) AS dp, coalesce(s.dl, 0) AS dl
         FROM cases k
         LEFT JOIN (SELECT case_id, sum(alloc_costs_minor) AS ac, sum(alloc_fees_minor) AS af, sum(alloc_principal_minor) AS ap, sum(alloc_late_minor) AS al FROM payments GROUP BY case_id) p ON p.case_id = k.id
         LEFT JOIN (SELECT case_id, sum(discount_costs_minor) AS dc, sum(discount_fees_minor) AS df, sum(discount_principal_minor) AS dp, sum(discount_late_minor) AS dl
                      FROM settlements WHERE state IN ('open', 'paid') GROUP BY case_id) s ON s.case_id = k.id`,
    );
    expect(rows).toHaveLength(CASES);
    for (const r of rows) {
      expect(r.claim, `case ${r.id}`).toBe(r.parts);
      expect(r.paid, `case ${r.id}`).toBe(r.allocated);
      expect(r.discount, `case ${r.id}`).toBe(r.dc + r.df + r.dp + r.dl);
      const left = [r.costs - r.ac - r.dc, r.fees - r.af - r.df, r.principal - r.ap - r.dp, r.late - r.al - r.dl];
      for (const part of left) expect(part, `case ${r.id}`).toBeGreaterThanOrEqual(0);
      expect(r.claim - r.paid - r.discount).toBe(left.reduce((a, b) => a + b, 0));
      if (r.status === 'closed_paid' || r.status === 'settled') expect(r.claim - r.paid - r.discount, `case ${r.id} ${r.status}`).toBe(0);
    }
    expect(rows.some((r) => r.late > 0)).toBe(true);
    // Payments never exceed the balance: no credit held; each row's allocation is its amount.
    expect(one<{ n: number }>('SELECT count(*) AS n FROM payments WHERE credit_minor <> 0 OR alloc_costs_minor + alloc_fees_minor + alloc_principal_minor + alloc_late_minor <> amount_minor').n).toBe(0);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM payments p JOIN cases k ON k.id = p.case_id WHERE p.on_date < k.opened_on OR p.on_date > '${TODAY}' OR p.currency <> k.currency`).n).toBe(0);
  });

  it('reverses a payment once, with the negated amounts, on or after its date, without a receipt of its own', () => {
    const bad = one<{ n: number }>(
      `SELECT count(*) AS n FROM payments r JOIN payments p ON p.id = r.reverses_id
        WHERE r.amount_minor <> -p.amount_minor OR r.alloc_costs_minor <> -p.alloc_costs_minor OR r.alloc_fees_minor <> -p.alloc_fees_minor
           OR r.alloc_principal_minor <> -p.alloc_principal_minor OR r.alloc_late_minor <> -p.alloc_late_minor
           OR r.on_date < p.on_date OR r.case_id <> p.case_id OR p.reverses_id IS NOT NULL OR r.receipt_number IS NOT NULL OR r.id < p.id OR r.reversal_reason = ''`,
    );
    expect(bad.n).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM payments WHERE reverses_id IS NOT NULL').n).toBe(counts.reversals);
  });

  it('numbers receipts RC-<year>-<seq> gaplessly per year of the payment, as the counter says', () => {
    const rows = all<{ receipt: string | null; onDate: string }>('SELECT receipt_number AS receipt, on_date AS onDate FROM payments WHERE reverses_id IS NULL ORDER BY id');
    const byYear = new Map<number, number[]>();
    for (const r of rows) {
      expect(r.receipt).toMatch(/^RC-\d{4}-\d{6}$/);
      const [, year, seq] = (r.receipt ?? '').split('-');
      expect(year).toBe(r.onDate.slice(0, 4));
      byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), Number(seq)]);
    }
    for (const [year, seqs] of byYear) {
      // Posted in date order: the numbers rise with the ids and run 1..N.
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(one<{ last: number }>('SELECT last_seq AS last FROM receipt_counters WHERE year = ?', year).last).toBe(seqs.length);
    }
  });

  it('gives every plan a schedule that adds up, on working days, and defaults some', () => {
    const plans = all<{ id: number; total: number; count: number; state: string; defaultedOn: string | null; agreedOn: string; firstDate: string }>(
      'SELECT id, total_minor AS total, count, state, defaulted_on AS defaultedOn, agreed_on AS agreedOn, first_date AS firstDate FROM payment_plans',
    );
    expect(plans.length).toBe(counts.plans);
    for (const p of plans) {
      const items = all<{ n: number; dueOn: string; amount: number }>('SELECT n, due_on AS dueOn, amount_minor AS amount FROM plan_instalments WHERE plan_id = ? ORDER BY n', p.id);
      expect(items.map((i) => i.n)).toEqual(items.map((_, i) => i + 1));
      expect(items).toHaveLength(p.count);
      expect(items.reduce((s, i) => s + i.amount, 0)).toBe(p.total);
      for (const i of items) expect([5, 6]).not.toContain(dayOfWeek(i.dueOn));
      expect(p.firstDate > p.agreedOn).toBe(true);
      expect(p.state === 'defaulted').toBe(p.defaultedOn !== null);
    }
    expect(plans.filter((p) => p.state === 'defaulted').length).toBeGreaterThan(0);
    expect(plans.filter((p) => p.state === 'active').length).toBeGreaterThan(plans.length / 2);
  });

  it('remits each payment row once, in its month, to its client, with figures that add up', () => {
    expect(one<{ n: number }>('SELECT count(*) AS n FROM (SELECT payment_id FROM remittance_items GROUP BY payment_id HAVING count(*) > 1)').n).toBe(0);
    const rems = all<{ id: number; number: string; clientId: number; from: string; to: string; collected: number; direct: number; fee: number; net: number; bp: number | null; createdAt: string }>(
      `SELECT r.id, r.number, r.client_id AS clientId, r.period_from AS "from", r.period_to AS "to", r.collected_minor AS collected, r.client_received_minor AS direct,
              r.fee_minor AS fee, r.net_minor AS net, c.fee_percent_bp AS bp, r.created_at AS createdAt
         FROM remittances r JOIN clients c ON c.id = r.client_id ORDER BY r.id`,
    );
    expect(rems.length).toBe(counts.remittances);
    for (const r of rems) {
      const items = all<{ amount: number; fee: number; receivedBy: string; onDate: string; clientId: number }>(
        `SELECT i.amount_minor AS amount, i.fee_minor AS fee, p.received_by AS receivedBy, p.on_date AS onDate, k.client_id AS clientId
           FROM remittance_items i JOIN payments p ON p.id = i.payment_id JOIN cases k ON k.id = i.case_id WHERE i.remittance_id = ? AND p.case_id = i.case_id AND p.amount_minor = i.amount_minor`,
        r.id,
      );
      expect(items.length).toBe(one<{ n: number }>('SELECT count(*) AS n FROM remittance_items WHERE remittance_id = ?', r.id).n);
      for (const i of items) {
        expect(i.clientId).toBe(r.clientId);
        expect(i.onDate >= r.from && i.onDate <= r.to).toBe(true);
        expect(i.fee).toBe(percentFee(i.amount, r.bp));
      }
      expect(r.collected).toBe(items.filter((i) => i.receivedBy === 'office').reduce((s, i) => s + i.amount, 0));
      expect(r.direct).toBe(items.filter((i) => i.receivedBy === 'client').reduce((s, i) => s + i.amount, 0));
      expect(r.fee).toBe(items.reduce((s, i) => s + i.fee, 0));
      expect(r.net).toBe(r.collected - r.fee);
      expect(r.to < `${TODAY.slice(0, 7)}-01`).toBe(true);
    }
    // RM-<year>-<seq>: gapless per year, in order of issue.
    const byYear = new Map<string, number[]>();
    for (const r of rems) {
      const [, year = '', seq] = r.number.split('-');
      byYear.set(year, [...(byYear.get(year) ?? []), Number(seq)]);
    }
    for (const [year, seqs] of byYear) {
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(one<{ last: number }>('SELECT last_seq AS last FROM remittance_counters WHERE year = ?', Number(year)).last).toBe(seqs.length);
    }
    // Nothing from this month is remitted yet; what is held from before it came after the client's last remittance
    // (a month whose fee ate what was collected waits for the next one). Periods of a client follow each other.
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM remittance_items i JOIN payments p ON p.id = i.payment_id WHERE p.on_date >= '${TODAY.slice(0, 7)}-01'`).n).toBe(0);
    const held = one<{ n: number }>(
      `SELECT count(*) AS n FROM payments p JOIN cases k ON k.id = p.case_id
        WHERE NOT EXISTS (SELECT 1 FROM remittance_items i WHERE i.payment_id = p.id)
          AND p.on_date <= (SELECT max(period_to) FROM remittances r WHERE r.client_id = k.client_id)`,
    );
    expect(held.n).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM remittances a JOIN remittances b ON a.client_id = b.client_id AND a.id <> b.id AND a.period_from <= b.period_to AND b.period_from <= a.period_to').n).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM remittances WHERE net_minor <= 0').n).toBe(0);
  });
});

describe('the seeded money through the procedures', () => {
  it('shows a reversed case’s balance as the case list and the payments tab agree', async () => {
    closeVault();
    t.reopen();
    closeVault = () => undefined;
    const { token } = unwrap(await t.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string };
    // The vault the test held is closed; read the case through the app.
    const list = unwrap(await t.call('cases.list', { sort: 'balance', dir: 'desc', limit: 50 }, token)) as { rows: { id: number; claimMinor: number; paidMinor: number; discountMinor: number; balanceMinor: number }[] };
    for (const row of list.rows.slice(0, 10)) {
      const money = unwrap(await t.call('payments.forCase', { caseId: row.id }, token)) as CasePayments;
      expect(money.balance.balanceMinor).toBe(row.balanceMinor);
      expect(row.balanceMinor).toBe(row.claimMinor - row.paidMinor - row.discountMinor);
    }
  });

  it('renders a seeded payment’s receipt on first open (the seed stores none)', async () => {
    const { token } = unwrap(await t.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string };
    const paid = unwrap(await t.call('cases.list', { sort: 'balance', dir: 'asc', filter: { statuses: ['closed_paid'] }, limit: 1 }, token)) as { rows: { id: number }[] };
    const money = unwrap(await t.call('payments.forCase', { caseId: paid.rows[0]?.id }, token)) as CasePayments;
    const first = money.rows.find((r) => r.receiptNumber !== null);
    expect(first?.receiptNumber).toMatch(/^RC-\d{4}-\d{6}$/);
    const receipt = unwrap(await t.call('payments.receipt', { id: first?.id }, token)) as { fileName: string; pdfBase64: string };
    expect(receipt.fileName).toBe(`${first?.receiptNumber}.pdf`);
    expect(Buffer.from(receipt.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
