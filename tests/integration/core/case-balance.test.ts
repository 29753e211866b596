// The balance in the cases list (claim − paid − discount per row, sortable on its index, filtered open/paid, in the
// queue too) and late charges on the case (only where the client allows them, part of the claim), over a seeded office.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { seedMoney } from '../../../bench/factory/money';
import { openVault } from '../../../electron/core/vault';
import { makeNationalId } from '../../../electron/domain/validators';
import type { ApiResult } from '../../../electron/contract';
import type { CaseDetail, CaseRow, QueueRow } from '../../../electron/contract/procedures/cases';
import type { CasePayments } from '../../../electron/contract/procedures/payments';
import { errorCode, MIGRATIONS, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

const TODAY = '2026-11-22';
let t: TestCore;
let token: string;
const call = async <T,>(name: string, input: unknown): Promise<T> => unwrap((await t.call(name, input, token)) as ApiResult<T>);
type Page = { rows: CaseRow[]; nextCursor: string | null; total: number };

beforeAll(async () => {
  t = startCore();
  await seedOffice(t.core, { password: PASSWORD, seed: 1 });
  t.core.close();
  const vault = openVault(t.dir, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases: 400, seed: 5, today: TODAY, lawyerIds: ids('lawyer'), paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 5, today: TODAY });
  seedMoney(open, { seed: 5, today: TODAY });
  vault.close();
  t.reopen();
  token = (unwrap(await t.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string }).token;
}, 120_000);
afterAll(() => t.dispose());

async function allPages(input: Record<string, unknown>, limit: number): Promise<{ rows: CaseRow[]; total: number }> {
  const rows: CaseRow[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const page: Page = await call<Page>('cases.list', { ...input, cursor, limit });
    rows.push(...page.rows);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor);
  return { rows, total };
}

describe('the balance in the cases list', () => {
  it('shows claim − paid − discount on every row', async () => {
    const { rows } = await allPages({ sort: 'reference', dir: 'asc' }, 200);
    expect(rows).toHaveLength(400);
    for (const r of rows) expect(r.balanceMinor).toBe(r.claimMinor - r.paidMinor - r.discountMinor);
    expect(rows.some((r) => r.paidMinor > 0 && r.balanceMinor > 0)).toBe(true);
    expect(rows.some((r) => r.balanceMinor === 0)).toBe(true);
    expect(rows.some((r) => r.discountMinor > 0)).toBe(true);
    // The payments tab says the same for a case with a discount.
    const discounted = rows.find((r) => r.discountMinor > 0 && r.balanceMinor > 0) ?? rows.find((r) => r.discountMinor > 0);
    const money = await call<CasePayments>('payments.forCase', { caseId: discounted?.id });
    expect(money.balance.balanceMinor).toBe(discounted?.balanceMinor);
  });

  it('sorts by balance both ways, with keyset pages that neither skip nor repeat a case', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const { rows, total } = await allPages({ sort: 'balance', dir }, 37);
      expect(total).toBe(400);
      expect(new Set(rows.map((r) => r.id)).size).toBe(400);
      for (let i = 1; i < rows.length; i++) {
        const a = rows[i - 1] as CaseRow;
        const b = rows[i] as CaseRow;
        const order = a.balanceMinor === b.balanceMinor ? a.id - b.id : a.balanceMinor - b.balanceMinor;
        expect(dir === 'asc' ? order : -order, `${a.id} then ${b.id}`).toBeLessThan(0);
      }
    }
  });

  it('filters to cases with a balance or fully paid, with the same total as its rows, combined with other filters and sorts', async () => {
    const open = await allPages({ sort: 'balance', dir: 'asc', filter: { balance: 'open' } }, 50);
    const paid = await allPages({ sort: 'openedOn', dir: 'desc', filter: { balance: 'paid' } }, 50);
    expect(open.rows.every((r) => r.balanceMinor > 0)).toBe(true);
    expect(paid.rows.every((r) => r.balanceMinor <= 0)).toBe(true);
    expect(open.total).toBe(open.rows.length);
    expect(paid.total).toBe(paid.rows.length);
    expect(open.total + paid.total).toBe(400);
    expect(paid.rows.some((r) => r.status === 'closed_paid')).toBe(true);
    const closedPaid = await allPages({ sort: 'balance', dir: 'desc', filter: { balance: 'paid', statuses: ['closed_paid', 'settled'] } }, 20);
    expect(closedPaid.rows.length).toBeGreaterThan(0);
    expect(closedPaid.rows.every((r) => ['closed_paid', 'settled'].includes(r.status) && r.balanceMinor <= 0)).toBe(true);
    // Every closed-paid or settled case is fully paid.
    const all = await allPages({ sort: 'reference', dir: 'asc', filter: { statuses: ['closed_paid', 'settled'] } }, 100);
    expect(all.total).toBe(closedPaid.total);
  });

  it('refuses a balance filter it does not know, translated', async () => {
    const r = await t.call('cases.list', { filter: { balance: 'some' } }, token);
    expect(errorCode(r)).toBe('input.invalid');
  });

  it('shows the balance on the escalation queue’s rows', async () => {
    const queue = await call<{ rows: QueueRow[] }>('cases.escalationQueue', { limit: 100 });
    expect(queue.rows.length).toBeGreaterThan(0);
    for (const r of queue.rows) expect(r.balanceMinor).toBe(r.claimMinor - r.paidMinor - r.discountMinor);
  });
});

describe('late charges on a case', () => {
  let allowing: number;
  let refusing: number;
  let debtor: number;
  beforeAll(async () => {
    allowing = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة تسمح بالغرامات', crNumber: '1010999001', lateChargesAllowed: true })).id;
    refusing = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة لا تسمح بالغرامات', crNumber: '1010999002' })).id;
    debtor = (await call<{ id: number }>('parties.create', { kind: 'person', name: 'سالم العنزي', nationalId: makeNationalId('1', '77889911') })).id;
  });

  it('adds them to the claim when the client allows them, and the payments go to them last', async () => {
    const k = await call<CaseDetail>('cases.create', { clientId: allowing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000, costsMinor: 5_000, feesMinor: 10_000, lateChargesMinor: 2_500 });
    expect(k.lateChargesMinor).toBe(2_500);
    expect(k.lateChargesAllowed).toBe(true);
    expect(k.claimMinor).toBe(117_500);
    const money = await call<CasePayments>('payments.forCase', { caseId: k.id });
    expect(money.balance.claim.lateCharges).toBe(2_500);
    expect(money.balance.balanceMinor).toBe(117_500);
    const { rows } = await call<Page>('cases.list', { filter: { query: k.reference } });
    expect(rows.find((r) => r.id === k.id)?.balanceMinor).toBe(117_500);
    // Edited: the claim follows.
    const input = { clientId: allowing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000, costsMinor: 5_000, feesMinor: 10_000, lateChargesMinor: 4_000 };
    const edited = await call<CaseDetail>('cases.update', { id: k.id, version: k.version, case: input });
    expect(edited.claimMinor).toBe(119_000);
  });

  it('refuses them, translated, when the client does not allow them, and writes nothing', async () => {
    const before = await call<Page>('cases.list', { filter: { clientId: refusing } });
    const r = await t.call('cases.create', { clientId: refusing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000, lateChargesMinor: 2_500 }, token);
    expect(errorCode(r)).toBe('input.invalid');
    const details = r.ok ? [] : (r.error.details as { path: string; message: string }[]);
    expect(details).toEqual([expect.objectContaining({ path: 'lateChargesMinor', message: 'validation.late_charges_not_allowed' })]);
    for (const lang of ['ar', 'en']) {
      const errors = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../locales/${lang}/errors.json`), 'utf8')) as { validation: Record<string, string> };
      expect(errors.validation.late_charges_not_allowed).toBeTruthy();
    }
    expect((await call<Page>('cases.list', { filter: { clientId: refusing } })).total).toBe(before.total);
    // Without them the same case is accepted; adding them in an edit is refused too.
    const k = await call<CaseDetail>('cases.create', { clientId: refusing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000 });
    expect(k.lateChargesAllowed).toBe(false);
    const edit = await t.call('cases.update', { id: k.id, version: k.version, case: { clientId: refusing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000, lateChargesMinor: 1 } }, token);
    expect(errorCode(edit)).toBe('input.invalid');
    expect((await call<CaseDetail>('cases.get', { id: k.id })).claimMinor).toBe(100_000);
  });

  it('keeps each component of the claim at least what was paid toward it, and the currency once money is recorded', async () => {
    const k = await call<CaseDetail>('cases.create', { clientId: allowing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000, costsMinor: 5_000, feesMinor: 10_000 });
    // Costs first: 6,000 pays the 5,000 of costs and 1,000 of fees.
    await call('payments.post', { caseId: k.id, onDate: k.openedOn, amountMinor: 6_000, currency: 'SAR', method: 'cash' });
    const fresh = await call<CaseDetail>('cases.get', { id: k.id });
    const base = { clientId: allowing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000, costsMinor: 5_000, feesMinor: 10_000 };
    const below = await t.call('cases.update', { id: k.id, version: fresh.version, case: { ...base, costsMinor: 4_000, feesMinor: 500 } }, token);
    expect(errorCode(below)).toBe('input.invalid');
    const details = below.ok ? [] : (below.error.details as { path: string; message: string }[]);
    expect(details).toEqual([
      expect.objectContaining({ path: 'case.costsMinor', message: 'validation.claim_below_settled' }),
      expect.objectContaining({ path: 'case.feesMinor', message: 'validation.claim_below_settled' }),
    ]);
    const currency = await t.call('cases.update', { id: k.id, version: fresh.version, case: { ...base, currency: 'USD' } }, token);
    expect(errorCode(currency)).toBe('input.invalid');
    expect(currency.ok ? [] : (currency.error.details as { path: string; message: string }[])).toEqual([expect.objectContaining({ path: 'case.currency', message: 'validation.currency_has_payments' })]);
    const unchanged = await call<CaseDetail>('cases.get', { id: k.id });
    expect([unchanged.version, unchanged.claimMinor, unchanged.currency]).toEqual([fresh.version, 115_000, 'SAR']);
    // Down to exactly what was paid is allowed: the component is then settled.
    const edited = await call<CaseDetail>('cases.update', { id: k.id, version: fresh.version, case: { ...base, feesMinor: 1_000 } });
    expect(edited.claimMinor).toBe(106_000);
    expect((await call<CasePayments>('payments.forCase', { caseId: k.id })).balance.outstanding).toEqual({ costs: 0, fees: 0, principal: 100_000, lateCharges: 0 });
  });

  it('refuses negative or fractional late charges', async () => {
    for (const lateChargesMinor of [-100, 10.5]) {
      const r = await t.call('cases.create', { clientId: allowing, debtorIds: [debtor], instrumentType: 'invoice', principalMinor: 100_000, lateChargesMinor }, token);
      expect(errorCode(r)).toBe('input.invalid');
    }
  });
});
