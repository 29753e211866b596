// Partner reports through the real router on a seeded office (bench/factory at small scale, payments and reversals
// posted through the router, a remittance and fixed stage fees written from a second connection). Every figure is
// checked against a recomputation in TypeScript from the raw rows, every table's total against the sum of its rows,
// and drill-downs against the figures; then the scopes of each role and the bad inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { createRng } from '../../../bench/factory/random';
import { openCore } from '../../../electron/core/app';
import { openVault, type Vault } from '../../../electron/core/vault';
import { addDays, diffDays } from '../../../electron/domain/dates';
import { percentFee } from '../../../electron/domain/ledger';
import { STAGES, type Stage } from '../../../electron/domain/ladder';
import { makeNationalId } from '../../../electron/domain/validators';
import {
  AGING_BUCKETS,
  drillSpec,
  type AgingReport,
  type ClientStatement,
  type CourtReport,
  type DrillKey,
  type DrillResult,
  type DrillSpec,
  type FeesReport,
  type PerformanceReport,
  type PipelineReport,
  type RecoveryReport,
  type ReportFilterInput,
} from '../../../electron/contract/procedures/reports';
import { errorCode, MIGRATIONS, PASSWORD, startCore, tempDir, type TestCore } from '../../fixtures/core';
import type { ApiResult } from '../../../electron/contract';

const TODAY = '2026-11-22'; // the fixture's clock
const YEAR: ReportFilterInput = { from: '2025-11-23', to: TODAY };
const riyadh = (day: string): string => new Date(`${day}T00:00:00+03:00`).toISOString();

let t: TestCore;
let raw: Vault;
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};

const callAs = async <T,>(who: string, name: string, input: unknown): Promise<T> => unwrap((await t.call(name, input, tokens[who])) as ApiResult<T>);
const attempt = (who: string, name: string, input: unknown): Promise<ApiResult<unknown>> => t.call(name, input, tokens[who]);
const rows = <T,>(sql: string, ...params: unknown[]): T[] => raw.current().sqlite.prepare(sql).all(...params) as T[];

interface CaseRaw {
  id: number;
  client_id: number;
  currency: string;
  stage: string;
  status: string;
  instrument_type: string;
  claim_minor: number;
  paid_minor: number;
  discount_minor: number;
  opened_on: string;
  due_date: string | null;
  lawyer_id: string | null;
  paralegal_id: string | null;
  court: string;
}
let cases: CaseRaw[];
const balance = (k: CaseRaw): number => k.claim_minor - k.paid_minor - k.discount_minor;
const own = (userId: string) => (k: CaseRaw): boolean => k.lawyer_id === userId || k.paralegal_id === userId;

function sumBy<T>(list: readonly T[], f: (x: T) => number): number {
  return list.reduce((s, x) => s + f(x), 0);
}

/** Drill a figure through every page; returns the total and the sum of the page rows' contributions. */
async function drillAll(who: string, filter: ReportFilterInput, spec: DrillSpec): Promise<{ total: DrillResult['total']; pagesValue: number; pagesCases: number }> {
  let cursor: string | null = null;
  let pagesValue = 0;
  let pagesCases = 0;
  let total: DrillResult['total'] | null = null;
  do {
    const page: DrillResult = await callAs<DrillResult>(who, 'reports.drill', { filter, spec, cursor, limit: 50 });
    total = page.total;
    pagesValue += sumBy(page.rows, (r) => r.contribution);
    pagesCases += page.rows.length;
    cursor = page.nextCursor;
  } while (cursor);
  return { total, pagesValue, pagesCases };
}

async function expectDrill(who: string, filter: ReportFilterInput, key: DrillKey, measure: DrillSpec['measure'], figure: number, cases?: number): Promise<void> {
  const d = await drillAll(who, filter, drillSpec(key, measure as never));
  expect(d.total.value, `${JSON.stringify(key)} ${measure}`).toBe(figure);
  expect(d.pagesValue).toBe(figure);
  expect(d.pagesCases).toBe(d.total.cases);
  if (cases !== undefined) expect(d.total.cases).toBe(cases);
}

beforeAll(async () => {
  const dir = tempDir('tahseel-reports-');
  const setup = openCore({ dataDir: dir, migrationsDir: MIGRATIONS, idleSweepMs: 0, backupCheckMs: 0 });
  await seedOffice(setup, { password: PASSWORD, seed: 1 });
  setup.close();
  const seeding = openVault(dir, MIGRATIONS);
  await seeding.unlock('partner', PASSWORD);
  const open = seeding.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases: 300, seed: 7, today: TODAY, lawyerIds: [...ids('lawyer'), ...ids('partner')], paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 7, today: TODAY });
  // One client charges fixed fees per stage (the ledger's agreement), so fees include them.
  open.sqlite.prepare(`UPDATE clients SET fee_fixed_per_stage = '{"litigation":150000,"enforcement":50000}' WHERE id = (SELECT min(id) FROM clients)`).run();
  seeding.close();

  t = startCore(dir);
  for (const role of ['partner', 'lawyer', 'paralegal', 'staff', 'accountant']) {
    tokens[role] = unwrap((await t.call('auth.login', { username: role, password: PASSWORD })) as ApiResult<{ token: string }>).token;
  }
  for (const u of await callAs<{ id: string; username: string }[]>('partner', 'users.list', {})) userIds[u.username] = u.id;
  raw = openVault(dir, MIGRATIONS);
  await raw.unlock('partner', PASSWORD);

  // A client whose cases are in two currencies, and a client with no cases.
  const mixed = await callAs<{ id: number }>('partner', 'clients.create', { kind: 'person', nameAr: 'شركة العملات المختلطة', nationalId: makeNationalId('1', '42000001'), feePercentBp: 1000 });
  await callAs('partner', 'clients.create', { kind: 'person', nameAr: 'عميل بلا قضايا', nationalId: makeNationalId('1', '42000002') });
  for (const [i, currency] of ['USD', 'SAR', 'USD'].entries()) {
    const d = await callAs<{ id: number }>('partner', 'parties.create', { kind: 'person', name: `مدين العملة ${i}`, nationalId: makeNationalId('1', String(41_000_000 + i)) });
    await callAs('partner', 'cases.create', {
      clientId: mixed.id,
      debtorIds: [d.id],
      instrumentType: 'invoice',
      currency,
      principalMinor: 1_000_000 + i * 1000,
      dueDate: '2026-06-01',
      lawyerId: userIds.lawyer,
    });
  }

  // Payments through the router on open cases, some received by the client, a few reversed.
  const rng = createRng(11);
  const open2 = rows<CaseRaw>("SELECT * FROM cases WHERE status = 'active' AND claim_minor - paid_minor - discount_minor > 200 ORDER BY id");
  let n = 0;
  for (const k of open2) {
    if (!rng.chance(0.35)) continue;
    const span = Math.max(0, diffDays(k.opened_on, TODAY));
    const onDate = addDays(k.opened_on, rng.int(0, span));
    const amount = Math.max(100, Math.floor((balance(k) * rng.int(5, 60)) / 100));
    const p = await callAs<{ payment: { id: number } }>('accountant', 'payments.post', {
      caseId: k.id,
      onDate,
      amountMinor: amount,
      currency: k.currency,
      method: 'bank_transfer',
      receivedBy: n % 7 === 3 ? 'client' : 'office',
    });
    if (n % 9 === 4) await callAs('accountant', 'payments.reverse', { id: p.payment.id, reason: 'حوالة مرتجعة', onDate: addDays(onDate, 0) });
    n++;
  }
  expect(n).toBeGreaterThan(30);

  // A remittance for the first client: its office-received payments up to a day, with the percentage fee on each.
  const first = rows<{ id: number; fee_percent_bp: number }>('SELECT id, fee_percent_bp FROM clients ORDER BY id LIMIT 1')[0];
  if (!first) throw new Error('no client');
  const items = rows<{ id: number; case_id: number; amount_minor: number; received_by: string }>(
    `SELECT p.id, p.case_id, p.amount_minor, p.received_by FROM payments p JOIN cases k ON k.id = p.case_id
      WHERE k.client_id = ? AND p.on_date <= '2026-09-30' ORDER BY p.id`,
    first.id,
  );
  const office = sumBy(items.filter((i) => i.received_by === 'office'), (i) => i.amount_minor);
  const client = sumBy(items.filter((i) => i.received_by === 'client'), (i) => i.amount_minor);
  const fee = sumBy(items, (i) => percentFee(i.amount_minor, first.fee_percent_bp));
  const w = raw.current().sqlite;
  const now = new Date().toISOString();
  const rid = Number(
    w
      .prepare(
        `INSERT INTO remittances (number, client_id, currency, period_from, period_to, collected_minor, client_received_minor, fee_minor, net_minor, state, created_at)
         VALUES ('RM-2026-000001', ?, 'SAR', '2025-01-01', '2026-09-30', ?, ?, ?, ?, 'issued', ?)`,
      )
      .run(first.id, office, client, fee, office - fee, now).lastInsertRowid,
  );
  for (const i of items) {
    w.prepare("INSERT INTO remittance_items (remittance_id, kind, case_id, payment_id, amount_minor, fee_minor) VALUES (?, 'payment', ?, ?, ?, ?)").run(
      rid,
      i.case_id,
      i.id,
      i.amount_minor,
      percentFee(i.amount_minor, first.fee_percent_bp),
    );
  }
  cases = rows<CaseRaw>('SELECT * FROM cases ORDER BY id');
}, 240_000);

afterAll(() => {
  raw.close();
  t.dispose();
});

describe('the stage pipeline', () => {
  it('counts cases and outstanding per stage now, and the period’s moves, as the raw rows say', async () => {
    const r = await callAs<PipelineReport>('partner', 'reports.pipeline', { filter: YEAR });
    expect(r.scope).toBe('office');
    expect(r.empty).toBeNull();
    expect(r.currencies).toEqual(['SAR', 'USD']);
    const moves = rows<{ id: number; case_id: number; from_stage: string | null; to_stage: string; on_date: string }>('SELECT * FROM stage_moves ORDER BY id');
    const byCase = new Map(cases.map((k) => [k.id, k]));
    for (const s of r.sections) {
      const mine = cases.filter((k) => k.currency === s.currency);
      const period = moves.filter((m) => m.on_date >= YEAR.from && m.on_date <= YEAR.to && byCase.get(m.case_id)?.currency === s.currency);
      expect(s.rows.map((x) => x.stage)).toEqual([...STAGES]);
      for (const row of s.rows) {
        const here = mine.filter((k) => k.stage === row.stage);
        expect(row.cases).toBe(here.length);
        expect(row.outstandingMinor).toBe(sumBy(here, balance));
        expect(row.entered).toBe(period.filter((m) => m.to_stage === row.stage).length);
        const left = period.filter((m) => m.from_stage === row.stage);
        expect(row.left).toBe(left.length);
        // Days in the stage: from the case's move before (or its opening) to the move out.
        const days = left.map((m) => {
          const before = moves.filter((p) => p.case_id === m.case_id && p.id < m.id).pop();
          return diffDays(before?.on_date ?? byCase.get(m.case_id)?.opened_on ?? '', m.on_date);
        });
        expect(row.avgDaysInStage).toBe(left.length ? Math.round((sumBy(days, (d) => d) / left.length) * 10) / 10 : null);
      }
      expect(s.total.cases).toBe(sumBy(s.rows, (x) => x.cases));
      expect(s.total.outstandingMinor).toBe(sumBy(s.rows, (x) => x.outstandingMinor));
      expect(s.total.entered).toBe(sumBy(s.rows, (x) => x.entered));
      expect(s.total.left).toBe(sumBy(s.rows, (x) => x.left));
      expect(s.total.cases).toBe(mine.length);
    }
    const sar = r.sections.find((s) => s.currency === 'SAR');
    expect(sar?.total.entered).toBeGreaterThan(0);
    expect(sar?.total.left).toBeGreaterThan(0);
  });

  it('drills every figure to cases whose contributions add up to it, over keyset pages', async () => {
    const r = await callAs<PipelineReport>('partner', 'reports.pipeline', { filter: YEAR });
    for (const s of r.sections) {
      for (const row of [...s.rows, s.total]) {
        await expectDrill('partner', YEAR, row.drill, 'cases', row.cases, row.cases);
        await expectDrill('partner', YEAR, row.drill, 'outstanding', row.outstandingMinor, row.cases);
        await expectDrill('partner', YEAR, row.drill, 'entered', row.entered);
        await expectDrill('partner', YEAR, row.drill, 'left', row.left);
      }
    }
  });
});

describe('aging', () => {
  it('ages each positive balance by days from the due date (or the opening) to the period’s end, per client', async () => {
    const r = await callAs<AgingReport>('partner', 'reports.aging', { filter: YEAR });
    const limits = [30, 60, 90, 180, 365];
    const bucketOf = (k: CaseRaw): number => {
      const days = diffDays(k.due_date ?? k.opened_on, YEAR.to);
      const i = limits.findIndex((l) => days <= l);
      return i < 0 ? 5 : i;
    };
    for (const s of r.sections) {
      const mine = cases.filter((k) => k.currency === s.currency && balance(k) > 0 && k.opened_on <= YEAR.to);
      expect(s.total.total.cases).toBe(mine.length);
      expect(s.total.total.outstandingMinor).toBe(sumBy(mine, balance));
      expect(new Set(s.rows.map((x) => x.clientId)).size).toBe(s.rows.length);
      for (const row of s.rows) {
        const theirs = mine.filter((k) => k.client_id === row.clientId);
        AGING_BUCKETS.forEach((b, i) => {
          const here = theirs.filter((k) => bucketOf(k) === i);
          expect(row.buckets[b].cases).toBe(here.length);
          expect(row.buckets[b].outstandingMinor).toBe(sumBy(here, balance));
        });
        expect(row.total.outstandingMinor).toBe(sumBy(AGING_BUCKETS, (b) => row.buckets[b].outstandingMinor));
      }
      for (const b of AGING_BUCKETS) {
        expect(s.total.buckets[b].outstandingMinor).toBe(sumBy(s.rows, (x) => x.buckets[b].outstandingMinor));
        expect(s.total.buckets[b].cases).toBe(sumBy(s.rows, (x) => x.buckets[b].cases));
      }
      // Drill: the total per bucket, and a few clients' cells.
      for (const b of AGING_BUCKETS) {
        await expectDrill('partner', YEAR, { ...s.total.drill, bucket: b }, 'outstanding', s.total.buckets[b].outstandingMinor, s.total.buckets[b].cases);
      }
      for (const row of s.rows.slice(0, 3)) {
        await expectDrill('partner', YEAR, row.drill, 'outstanding', row.total.outstandingMinor, row.total.cases);
        await expectDrill('partner', YEAR, { ...row.drill, bucket: 'd0_30' }, 'cases', row.buckets.d0_30.cases);
      }
    }
  });
});

describe('recovery and collections', () => {
  it('divides what was allocated by what was placed, per client, instrument and month placed; collections per month', async () => {
    const r = await callAs<RecoveryReport>('partner', 'reports.recovery', { filter: YEAR });
    const payments = rows<{ case_id: number; on_date: string; amount_minor: number }>('SELECT case_id, on_date, amount_minor FROM payments');
    const byCase = new Map(cases.map((k) => [k.id, k]));
    for (const s of r.sections) {
      const placed = cases.filter((k) => k.currency === s.currency && k.opened_on >= YEAR.from && k.opened_on <= YEAR.to);
      expect(s.total.cases).toBe(placed.length);
      expect(s.total.placedMinor).toBe(sumBy(placed, (k) => k.claim_minor));
      expect(s.total.collectedMinor).toBe(sumBy(placed, (k) => k.paid_minor));
      expect(s.total.rateBp).toBe(Math.floor((s.total.collectedMinor * 10_000) / s.total.placedMinor));
      for (const view of [s.byClient, s.byInstrument, s.byMonth]) {
        expect(sumBy(view, (x) => x.cases)).toBe(s.total.cases);
        expect(sumBy(view, (x) => x.placedMinor)).toBe(s.total.placedMinor);
        expect(sumBy(view, (x) => x.collectedMinor)).toBe(s.total.collectedMinor);
      }
      for (const row of s.byMonth) {
        const here = placed.filter((k) => k.opened_on.slice(0, 7) === row.month);
        expect(row.placedMinor).toBe(sumBy(here, (k) => k.claim_minor));
      }
      for (const row of s.byClient.slice(0, 4)) {
        const here = placed.filter((k) => k.client_id === row.clientId);
        expect(row.collectedMinor).toBe(sumBy(here, (k) => k.paid_minor));
        await expectDrill('partner', YEAR, row.drill, 'collected', row.collectedMinor, row.cases);
      }
      for (const row of [s.total, ...s.byInstrument.slice(0, 2), ...s.byMonth.slice(0, 2)]) {
        await expectDrill('partner', YEAR, row.drill, 'placed', row.placedMinor, row.cases);
      }
    }
    for (const c of r.collections) {
      expect(c.rows.length).toBe(13); // every month the year touches
      const here = payments.filter((p) => byCase.get(p.case_id)?.currency === c.currency && p.on_date >= YEAR.from && p.on_date <= YEAR.to);
      expect(c.total.collectedMinor).toBe(sumBy(here, (p) => p.amount_minor));
      expect(c.total.payments).toBe(here.length);
      expect(sumBy(c.rows, (x) => x.collectedMinor)).toBe(c.total.collectedMinor);
      for (const row of c.rows) {
        expect(row.collectedMinor).toBe(sumBy(here.filter((p) => p.on_date.slice(0, 7) === row.month), (p) => p.amount_minor));
      }
      await expectDrill('partner', YEAR, c.total.drill, 'collected', c.total.collectedMinor);
      await expectDrill('partner', YEAR, c.total.drill, 'payments', c.total.payments);
    }
  });
});

describe('performance', () => {
  it('counts each person’s contacts, promises, letters, advances and collections in the period', async () => {
    const r = await callAs<PerformanceReport>('partner', 'reports.performance', { filter: YEAR });
    const [fromAt, toAt] = [riyadh(YEAR.from), riyadh(addDays(YEAR.to, 1))];
    const comms = rows<{ user_id: string | null }>(
      "SELECT user_id FROM communications WHERE occurred_at >= ? AND occurred_at < ? AND channel <> 'letter' AND corrects_id IS NULL",
      fromAt,
      toAt,
    );
    const promises = rows<{ created_by: string | null; state: string }>('SELECT created_by, state FROM promises WHERE created_at >= ? AND created_at < ? AND cancelled_at IS NULL', fromAt, toAt);
    const moves = rows<{ by_user_id: string | null; from_stage: string | null; to_stage: string }>('SELECT by_user_id, from_stage, to_stage FROM stage_moves WHERE on_date BETWEEN ? AND ?', YEAR.from, YEAR.to);
    const payments = rows<{ case_id: number; amount_minor: number }>('SELECT case_id, amount_minor FROM payments WHERE on_date BETWEEN ? AND ?', YEAR.from, YEAR.to);
    const byCase = new Map(cases.map((k) => [k.id, k]));
    const order = (s: string): number => STAGES.indexOf(s as Stage);
    expect(r.total.contacts).toBe(comms.length);
    expect(r.total.contacts).toBeGreaterThan(0);
    expect(r.total.casesAdvanced).toBeGreaterThan(0);
    expect(r.total.promisesMade).toBeGreaterThan(0);
    expect(r.total.promisesMade).toBe(promises.length);
    expect(r.total.casesAdvanced).toBe(moves.filter((m) => m.from_stage !== null && m.to_stage !== 'closed' && order(m.to_stage) > order(m.from_stage)).length);
    for (const row of r.rows) {
      expect(row.contacts).toBe(comms.filter((c) => c.user_id === row.userId).length);
      expect(row.promisesKept).toBe(promises.filter((p) => p.created_by === row.userId && p.state === 'kept').length);
      const theirs = payments.filter((p) => {
        const k = byCase.get(p.case_id);
        return (k?.lawyer_id ?? k?.paralegal_id ?? null) === row.userId;
      });
      expect(sumBy(row.collected, (m) => m.minor)).toBe(sumBy(theirs, (p) => p.amount_minor));
    }
    for (const m of ['contacts', 'promisesMade', 'promisesKept', 'lettersSent', 'casesAdvanced'] as const) {
      expect(r.total[m]).toBe(sumBy(r.rows, (x) => x[m]));
      await expectDrill('partner', YEAR, r.total.drill, m, r.total[m]);
    }
    const busiest = r.rows.find((x) => x.userId === userIds.lawyer);
    if (!busiest) throw new Error('the lawyer has no row');
    await expectDrill('partner', YEAR, busiest.drill, 'contacts', busiest.contacts);
    const sar = busiest.collected.find((m) => m.currency === 'SAR')?.minor ?? 0;
    await expectDrill('partner', YEAR, { ...busiest.drill, currency: 'SAR' }, 'collected', sar);
  });
});

describe('court and deadlines', () => {
  it('lists the next 30 days’ hearings and counts litigation and enforcement by court', async () => {
    const r = await callAs<CourtReport>('partner', 'reports.court', { filter: YEAR });
    expect(r.ahead).toEqual({ from: TODAY, to: addDays(TODAY, 30) });
    expect(r.hearings.length).toBeGreaterThan(0);
    expect(r.byCourt.length).toBeGreaterThan(1);
    const hearings = rows<{ id: number }>('SELECT id FROM hearings WHERE on_date BETWEEN ? AND ? ORDER BY on_date, id', TODAY, addDays(TODAY, 30));
    expect(r.hearings.map((h) => h.hearingId).sort((a, b) => a - b)).toEqual(hearings.map((h) => h.id).sort((a, b) => a - b));
    const calendar = await callAs<{ deadlines: unknown[] }>('partner', 'calendar.range', { from: TODAY, to: addDays(TODAY, 30), office: true });
    expect(r.deadlines.length).toBe(calendar.deadlines.length);
    const inCourt = cases.filter((k) => k.stage === 'litigation' || k.stage === 'enforcement');
    expect(r.total.litigation + r.total.enforcement).toBe(inCourt.length);
    expect(sumBy(r.byCourt, (x) => x.litigation)).toBe(r.total.litigation);
    for (const row of r.byCourt) {
      const here = inCourt.filter((k) => k.court.trim() === row.court);
      expect(row.litigation).toBe(here.filter((k) => k.stage === 'litigation').length);
      expect(row.outstanding.find((o) => o.currency === 'SAR')?.minor ?? 0).toBe(sumBy(here.filter((k) => k.currency === 'SAR'), balance));
    }
    await expectDrill('partner', YEAR, r.hearingsDrill, 'hearings', r.hearings.length);
    await expectDrill('partner', YEAR, r.total.drill, 'cases', inCourt.length, inCourt.length);
    await expectDrill('partner', YEAR, { ...r.total.drill, currency: 'SAR' }, 'outstanding', r.total.outstanding.find((o) => o.currency === 'SAR')?.minor ?? 0);
  });
});

describe('fees, remittances and the client statement', () => {
  it('earns the percentage on every payment row and fixed stage fees, and owes the client the rest less what was remitted', async () => {
    const r = await callAs<FeesReport>('accountant', 'reports.fees', { filter: YEAR });
    const clients = new Map(rows<{ id: number; fee_percent_bp: number | null; fee_fixed_per_stage: string }>('SELECT id, fee_percent_bp, fee_fixed_per_stage FROM clients').map((c) => [c.id, c]));
    const payments = rows<{ case_id: number; on_date: string; amount_minor: number; received_by: string }>('SELECT * FROM payments WHERE on_date <= ?', YEAR.to);
    const firstArrivals = rows<{ case_id: number; stage: string; on: string }>('SELECT case_id, to_stage AS stage, min(on_date) AS "on" FROM stage_moves GROUP BY case_id, to_stage');
    const remittances = rows<{ client_id: number; currency: string; period_to: string; net_minor: number }>("SELECT * FROM remittances WHERE state <> 'void'");
    const byCase = new Map(cases.map((k) => [k.id, k]));
    const sar = r.sections.find((s) => s.currency === 'SAR');
    if (!sar) throw new Error('no SAR section');
    let checked = 0;
    let stageFeesSeen = 0;
    for (const row of sar.rows) {
      const c = clients.get(row.clientId ?? 0);
      if (!c) throw new Error('unknown client');
      const theirs = payments.filter((p) => byCase.get(p.case_id)?.client_id === c.id && byCase.get(p.case_id)?.currency === 'SAR');
      const inPeriod = theirs.filter((p) => p.on_date >= YEAR.from);
      const stageFees = JSON.parse(c.fee_fixed_per_stage) as Record<string, number>;
      const arrivals = firstArrivals.filter((a) => byCase.get(a.case_id)?.client_id === c.id && (stageFees[a.stage] ?? 0) > 0 && a.on <= YEAR.to);
      const feeOf = (list: typeof theirs): number => sumBy(list, (p) => percentFee(p.amount_minor, c.fee_percent_bp));
      const stageFee = (from: string): number => sumBy(arrivals.filter((a) => a.on >= from), (a) => stageFees[a.stage] ?? 0);
      expect(row.collectedMinor).toBe(sumBy(inPeriod, (p) => p.amount_minor));
      expect(row.officeCollectedMinor).toBe(sumBy(inPeriod.filter((p) => p.received_by === 'office'), (p) => p.amount_minor));
      expect(row.feesEarnedMinor).toBe(feeOf(inPeriod) + stageFee(YEAR.from));
      const remitted = remittances.filter((x) => x.client_id === c.id && x.currency === 'SAR' && x.period_to <= YEAR.to);
      expect(row.remittedMinor).toBe(sumBy(remitted.filter((x) => x.period_to >= YEAR.from), (x) => x.net_minor));
      const office = sumBy(theirs.filter((p) => p.received_by === 'office'), (p) => p.amount_minor);
      stageFeesSeen += stageFee('0000-00-00');
      expect(row.dueMinor).toBe(office - feeOf(theirs) - stageFee('0000-00-00') - sumBy(remitted, (x) => x.net_minor));
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    expect(stageFeesSeen).toBeGreaterThan(0);
    expect(sar.rows.some((x) => x.remittedMinor > 0)).toBe(true);
    for (const f of ['collectedMinor', 'feesEarnedMinor', 'remittedMinor', 'dueMinor'] as const) expect(sar.total[f]).toBe(sumBy(sar.rows, (x) => x[f]));
    for (const m of ['collected', 'officeCollected', 'feesEarned', 'remitted', 'due'] as const) {
      const figure = { collected: sar.total.collectedMinor, officeCollected: sar.total.officeCollectedMinor, feesEarned: sar.total.feesEarnedMinor, remitted: sar.total.remittedMinor, due: sar.total.dueMinor }[m];
      await expectDrill('accountant', YEAR, sar.total.drill, m, figure);
    }
  });

  it('gives one client’s portfolio that agrees with the other reports, per currency', async () => {
    const mixed = rows<{ id: number }>("SELECT id FROM clients WHERE name_ar = 'شركة العملات المختلطة'")[0]?.id ?? 0;
    const first = rows<{ id: number }>('SELECT min(id) AS id FROM clients')[0]?.id ?? 0;
    for (const clientId of [first, mixed]) {
      const filter = { ...YEAR, clientId };
      const s = await callAs<ClientStatement>('accountant', 'reports.statement', { filter });
      const fees = await callAs<FeesReport>('partner', 'reports.fees', { filter });
      const pipeline = await callAs<PipelineReport>('partner', 'reports.pipeline', { filter });
      const payments = rows<{ amount_minor: number; currency: string }>(
        'SELECT p.amount_minor, p.currency FROM payments p JOIN cases k ON k.id = p.case_id WHERE k.client_id = ? AND p.on_date BETWEEN ? AND ?',
        clientId,
        YEAR.from,
        YEAR.to,
      );
      for (const sec of s.sections) {
        const f = fees.sections.find((x) => x.currency === sec.currency)?.total;
        const p = pipeline.sections.find((x) => x.currency === sec.currency);
        expect(sec.collectedMinor).toBe(f?.collectedMinor ?? 0);
        expect(sec.feesEarnedMinor).toBe(f?.feesEarnedMinor ?? 0);
        expect(sec.dueMinor).toBe(f?.dueMinor ?? 0);
        expect(sec.stageTotal.cases).toBe(p?.total.cases ?? 0);
        expect(sec.balanceMinor).toBe(sumBy(cases.filter((k) => k.client_id === clientId && k.currency === sec.currency), balance));
        expect(sumBy(sec.byStage, (x) => x.outstandingMinor)).toBe(sec.balanceMinor);
        expect(sumBy(sec.payments, (x) => x.amountMinor)).toBe(sumBy(payments.filter((x) => x.currency === sec.currency), (x) => x.amount_minor));
        expect(sumBy(sec.payments, (x) => x.amountMinor)).toBe(sec.collectedMinor);
        await expectDrill('accountant', filter, sec.drills.balance, 'balance', sec.balanceMinor);
        await expectDrill('accountant', filter, sec.drills.collected, 'collected', sec.collectedMinor);
        await expectDrill('accountant', filter, sec.drills.placed, 'placed', sec.placedMinor, sec.placedCases);
      }
      if (clientId === mixed) expect(s.currencies).toEqual(['SAR', 'USD']);
    }
  });
});

describe('who sees what', () => {
  it('gives a lawyer and a paralegal only their own cases and their own row', async () => {
    for (const who of ['lawyer', 'paralegal']) {
      const me = userIds[who] ?? '';
      const r = await callAs<PipelineReport>(who, 'reports.pipeline', { filter: YEAR });
      expect(r.scope).toBe('own');
      const mine = cases.filter(own(me));
      expect(sumBy(r.sections, (s) => s.total.cases)).toBe(mine.length);
      expect(sumBy(r.sections, (s) => s.total.outstandingMinor)).toBe(sumBy(mine, balance));
      const aging = await callAs<AgingReport>(who, 'reports.aging', { filter: YEAR });
      expect(sumBy(aging.sections, (s) => s.total.total.cases)).toBe(mine.filter((k) => balance(k) > 0).length);
      const perf = await callAs<PerformanceReport>(who, 'reports.performance', { filter: YEAR });
      expect(perf.rows.every((x) => x.userId === me)).toBe(true);
      expect(perf.total.contacts).toBe(sumBy(perf.rows, (x) => x.contacts));
      await expectDrill(who, YEAR, perf.total.drill, 'contacts', perf.total.contacts);
      // Another person's figures, and the office's drill, are refused.
      expect(errorCode(await attempt(who, 'reports.drill', { filter: YEAR, spec: { report: 'performance', measure: 'contacts', userId: userIds.partner, all: false } }))).toBe('permission.denied');
      expect(errorCode(await attempt(who, 'reports.fees', { filter: YEAR }))).toBe('permission.denied');
      expect(errorCode(await attempt(who, 'reports.statement', { filter: { ...YEAR, clientId: 1 } }))).toBe('permission.denied');
      // A drill of the whole pipeline counts only their cases too.
      const sar = r.sections.find((s) => s.currency === 'SAR');
      if (sar) await expectDrill(who, YEAR, sar.total.drill, 'cases', sar.total.cases, sar.total.cases);
      const rec = await callAs<RecoveryReport>(who, 'reports.recovery', { filter: YEAR });
      expect(rec.scope).toBe('own');
    }
  });

  it('gives the accountant the money reports only, and staff nothing', async () => {
    for (const name of ['reports.pipeline', 'reports.aging', 'reports.performance', 'reports.court']) {
      expect(errorCode(await attempt('accountant', name, { filter: YEAR }))).toBe('permission.denied');
      expect(errorCode(await attempt('staff', name, { filter: YEAR }))).toBe('permission.denied');
    }
    const rec = await callAs<RecoveryReport>('accountant', 'reports.recovery', { filter: YEAR });
    expect(rec.scope).toBe('office');
    for (const name of ['reports.recovery', 'reports.fees']) expect(errorCode(await attempt('staff', name, { filter: YEAR }))).toBe('permission.denied');
    expect(errorCode(await attempt('accountant', 'reports.drill', { filter: YEAR, spec: { report: 'pipeline', measure: 'cases', currency: 'SAR' } }))).toBe('permission.denied');
    expect(errorCode(await attempt('staff', 'reports.drill', { filter: YEAR, spec: { report: 'collections', measure: 'collected', currency: 'SAR' } }))).toBe('permission.denied');
    const d = await callAs<DrillResult>('accountant', 'reports.drill', { filter: YEAR, spec: { report: 'collections', measure: 'collected', currency: 'SAR' } });
    expect(d.total.value).toBe(rec.collections.find((c) => c.currency === 'SAR')?.total.collectedMinor);
  });
});

describe('bad input', () => {
  it('refuses a period that ends before it starts, a missing date or a period too long, with translated keys', async () => {
    const reversed = await attempt('partner', 'reports.aging', { filter: { from: '2026-06-01', to: '2026-05-31' } });
    expect(errorCode(reversed)).toBe('input.invalid');
    expect(!reversed.ok && reversed.error.details).toEqual([{ path: 'filter.to', code: 'custom', message: 'validation.period_reversed' }]);
    const missing = await attempt('partner', 'reports.pipeline', { filter: { from: '', to: TODAY } });
    expect(!missing.ok && (missing.error.details as { message: string }[])[0]?.message).toBe('validation.date');
    const long = await attempt('partner', 'reports.recovery', { filter: { from: '2010-01-01', to: TODAY } });
    expect(!long.ok && (long.error.details as { message: string }[])[0]?.message).toBe('validation.period_too_long');
    const noClient = await attempt('partner', 'reports.statement', { filter: YEAR });
    expect(!noClient.ok && noClient.error.details).toEqual([{ path: 'filter.clientId', code: 'custom', message: 'validation.required' }]);
    expect(errorCode(await attempt('partner', 'reports.statement', { filter: { ...YEAR, clientId: 999_999 } }))).toBe('not_found');
    const noCurrency = await attempt('partner', 'reports.drill', { filter: YEAR, spec: { report: 'performance', measure: 'collected', all: true } });
    expect(!noCurrency.ok && noCurrency.error.details).toEqual([{ path: 'spec.currency', code: 'custom', message: 'validation.required' }]);
  });

  it('says why a report is empty: a client with no cases, a filter that matches nothing, nothing in the period', async () => {
    const empty = rows<{ id: number }>("SELECT id FROM clients WHERE name_ar = 'عميل بلا قضايا'")[0]?.id ?? 0;
    const a = await callAs<AgingReport>('partner', 'reports.aging', { filter: { ...YEAR, clientId: empty } });
    expect(a.empty).toBe('client_no_cases');
    expect(a.sections).toEqual([]);
    const s = await callAs<ClientStatement>('accountant', 'reports.statement', { filter: { ...YEAR, clientId: empty } });
    expect(s.empty).toBe('client_no_cases');
    const none = await callAs<PipelineReport>('partner', 'reports.pipeline', { filter: { ...YEAR, currency: 'KWD' } });
    expect(none.empty).toBe('no_match');
    expect(none.sections).toEqual([]);
    const old = await callAs<RecoveryReport>('partner', 'reports.recovery', { filter: { from: '2000-01-01', to: '2000-12-31' } });
    expect(old.empty).toBe('nothing_in_period');
    // Mixed currencies are never added together: one section each.
    const mixed = await callAs<PipelineReport>('partner', 'reports.pipeline', { filter: { ...YEAR, instrumentTypes: ['invoice'] } });
    expect(mixed.currencies).toEqual(['SAR', 'USD']);
    const usd = mixed.sections.find((x) => x.currency === 'USD');
    expect(usd?.total.outstandingMinor).toBe(sumBy(cases.filter((k) => k.currency === 'USD' && k.instrument_type === 'invoice'), balance));
  });
});
