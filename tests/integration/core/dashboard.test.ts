// The "today" dashboard and the case timeline through the real router, against rows written straight into the
// encrypted file from a second connection (so the sections are checked independently of the services that write them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import { addDays } from '../../../electron/domain/dates';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { TimelineItem, TodayDashboard } from '../../../electron/contract/procedures/dashboard';
import type { PostedPayment } from '../../../electron/contract/procedures/payments';
import type { PlanRow } from '../../../electron/contract/procedures/plans';
import type { SettlementRow } from '../../../electron/contract/procedures/settlements';
import { openVault, type Vault } from '../../../electron/core/vault';
import { todaySections } from '../../../electron/core/services/dashboard/today';
import { timelineRecords } from '../../../db/queries/timeline';
import { DEFAULT_LADDER } from '../../../electron/domain/ladder-config';
import { errorCode, MIGRATIONS, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
let vault: Vault;
let partner: string;
let lawyer: string;
let paralegal: string;
const ids: Record<string, string> = {};
const TODAY = '2026-11-22'; // the fixture's clock: Sunday 22 November 2026, Riyadh
let seq = 0;

const call = async <T,>(name: string, input: unknown, session = partner): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const login = async (username: string): Promise<string> => (unwrap(await t.call('auth.login', { username, password: PASSWORD })) as { token: string }).token;
const sql = (text: string, ...params: unknown[]): number => Number(vault.current().sqlite.prepare(text).run(...params).lastInsertRowid);
const at = (date: string, time = '10:00'): string => new Date(`${date}T${time}:00+03:00`).toISOString();

let clientId: number;
async function newCase(who: { lawyer?: string; paralegal?: string }, extra: Record<string, unknown> = {}): Promise<CaseDetail> {
  seq++;
  const d = await call<{ id: number }>('parties.create', { kind: 'person', name: `مدين رقم ${seq}`, nationalId: makeNationalId('1', String(30_000_000 + seq)) });
  const k = await call<CaseDetail>('cases.create', {
    clientId,
    debtorIds: [d.id],
    instrumentType: 'invoice',
    principalMinor: 500_000,
    lawyerId: who.lawyer ?? null,
    paralegalId: who.paralegal ?? null,
    ...extra,
  });
  // The queue column is the ladder's (each test sets its own); the rows below are dated from October.
  sql("UPDATE cases SET escalation_due_on = NULL, stage_entered_on = '2026-10-01' WHERE id = ?", k.id);
  return k;
}

function logEntry(caseId: number, userId: string, on: string, followUpOn: string | null, opts: { time?: string; correctsId?: number; outcome?: string } = {}): number {
  const when = at(on, opts.time);
  const id = sql(
    `INSERT INTO communications (case_id, channel, direction, occurred_at, user_id, outcome, notes, follow_up_on, created_at, corrects_id)
     VALUES (?, 'call', 'out', ?, ?, ?, '', ?, ?, ?)`,
    caseId, when, userId, opts.outcome ?? 'call_back', followUpOn, when, opts.correctsId ?? null,
  );
  // As the log service does: a new contact answers the earlier follow-ups; a correction that moves one closes its task.
  if (opts.correctsId) sql(`UPDATE tasks SET done_at = ? WHERE source = 'follow_up' AND source_id = ? AND done_at IS NULL`, when, opts.correctsId);
  else sql(`UPDATE tasks SET done_at = ? WHERE case_id = ? AND source = 'follow_up' AND done_at IS NULL AND source_id IN (SELECT id FROM communications WHERE case_id = ? AND occurred_at <= ? AND id <> ?)`, when, caseId, caseId, when, id);
  if (followUpOn) sql(`INSERT INTO tasks (case_id, title, assignee_id, due_on, source, source_id, created_by, created_at) VALUES (?, 'متابعة', ?, ?, 'follow_up', ?, ?, ?)`, caseId, userId, followUpOn, id, userId, when);
  return id;
}

const task = (caseId: number | null, assignee: string, dueOn: string, doneAt: string | null = null, title = 'مهمة'): number =>
  sql(`INSERT INTO tasks (case_id, title, assignee_id, due_on, done_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, caseId, title, assignee, dueOn, doneAt, assignee, at(addDays(dueOn, -3)));
const promise = (caseId: number, dueOn: string, state: string, kept = 0, cancelled: string | null = null, madeOn = addDays(dueOn, -7)): number =>
  sql(
    `INSERT INTO promises (case_id, amount_minor, currency, due_on, state, kept_minor, created_at, cancelled_at) VALUES (?, 100000, 'SAR', ?, ?, ?, ?, ?)`,
    caseId, dueOn, state, kept, at(madeOn), cancelled,
  );
const hearing = (caseId: number, onDate: string, judgmentOn: string | null = null, result = ''): number =>
  sql(`INSERT INTO hearings (case_id, court, circuit, on_date, at_time, type, result, judgment_on, created_at) VALUES (?, 'المحكمة التجارية بالرياض', 'الدائرة 3', ?, '09:30', 'session', ?, ?, ?)`, caseId, onDate, result, judgmentOn, at('2026-10-01'));

const today = (session: string, input: Record<string, unknown> = {}): Promise<TodayDashboard> => call<TodayDashboard>('dashboard.today', input, session);
const caseIdsOf = (rows: { caseId: number | null }[]): (number | null)[] => rows.map((r) => r.caseId);

let mine: CaseDetail; // lawyer + paralegal
let partners: CaseDetail; // the partner's own case
let closedCase: CaseDetail;

beforeAll(async () => {
  t = startCore();
  partner = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  lawyer = await login('lawyer');
  paralegal = await login('paralegal');
  for (const u of await call<{ id: string; username: string }[]>('users.list', {})) ids[u.username] = u.id;
  clientId = (
    await call<{ id: number }>('clients.create', {
      kind: 'company',
      nameAr: 'شركة الوكالة المنتهية',
      crNumber: '1010123456',
      powersOfAttorney: [{ number: '4410001', issuedOn: '2025-01-10', expiresOn: addDays(TODAY, 10) }],
    })
  ).id;
  vault = openVault(t.dir, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  mine = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
  partners = await newCase({ lawyer: ids.partner });
  closedCase = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
  sql("UPDATE cases SET stage = 'closed', status = 'closed_paid' WHERE id = ?", closedCase.id);
});
afterAll(() => {
  vault.close();
  t.dispose();
});

describe('dashboard.today', () => {
  it('shows follow-ups due or overdue that are still the case’s latest entry, by the person who logged them', async () => {
    const due = logEntry(mine.id, ids.paralegal!, '2026-11-15', '2026-11-21');
    const other = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    logEntry(other.id, ids.paralegal!, '2026-11-18', addDays(TODAY, 2)); // not yet due
    const answered = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    logEntry(answered.id, ids.paralegal!, '2026-11-10', '2026-11-12');
    logEntry(answered.id, ids.lawyer!, '2026-11-13', null); // a later word on the case answers it
    const corrected = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    const wrong = logEntry(corrected.id, ids.paralegal!, '2026-11-16', '2026-11-20');
    logEntry(corrected.id, ids.paralegal!, '2026-11-16', addDays(TODAY, 3), { correctsId: wrong }); // moved forward
    logEntry(closedCase.id, ids.paralegal!, '2026-11-16', '2026-11-20'); // closed: nothing to follow up
    logEntry(partners.id, ids.partner!, '2026-11-16', TODAY); // due today, the partner's

    const p = await today(paralegal);
    expect(p.followUps.rows.map((r) => r.communicationId)).toEqual([due]);
    expect(p.followUps.count).toBe(1);
    expect(p.followUps.rows[0]).toMatchObject({ caseId: mine.id, reference: mine.reference, followUpOn: '2026-11-21', channel: 'call' });
    expect((await today(lawyer)).followUps.count).toBe(0);
    const office = await today(partner, { scope: 'office' });
    expect(caseIdsOf(office.followUps.rows).sort()).toEqual([mine.id, partners.id].sort());
    expect((await today(partner)).followUps.rows.map((r) => r.caseId)).toEqual([partners.id]);
  });

  it('shows open tasks due today or overdue for their assignee, not done ones, later ones or follow-ups twice', async () => {
    const overdue = task(mine.id, ids.paralegal!, '2026-11-19');
    const dueToday = task(null, ids.paralegal!, TODAY, null, 'مهمة بلا قضية');
    task(mine.id, ids.paralegal!, addDays(TODAY, 1)); // tomorrow
    task(mine.id, ids.paralegal!, '2026-11-18', at('2026-11-18')); // done
    const lawyers = task(mine.id, ids.lawyer!, '2026-11-20');
    const p = await today(paralegal);
    expect(p.tasks.rows.map((r) => r.taskId)).toEqual([overdue, dueToday]);
    expect(p.tasks.rows[1]).toMatchObject({ caseId: null, title: 'مهمة بلا قضية', dueOn: TODAY });
    expect((await today(lawyer)).tasks.rows.map((r) => r.taskId)).toEqual([lawyers]);
    expect((await today(partner, { scope: 'office' })).tasks.count).toBe(3);
  });

  it('shows broken and partly kept promises decided at read, the latest per case, on the person’s cases', async () => {
    const broken = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    const b = promise(broken.id, '2026-11-18', 'open'); // past its day, not yet marked: broken at read
    const partly = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    const pk = promise(partly.id, '2026-11-20', 'partly_kept', 40_000);
    const answered = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    promise(answered.id, '2026-11-10', 'broken');
    promise(answered.id, addDays(TODAY, 5), 'open'); // a new promise answers the old one
    const notYet = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    promise(notYet.id, TODAY, 'open'); // due today: still open
    const kept = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    promise(kept.id, '2026-11-15', 'kept', 100_000);
    const cancelled = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    promise(cancelled.id, '2026-11-15', 'broken', 0, at('2026-11-16'));
    const old = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    sql("UPDATE cases SET stage_entered_on = '2026-11-01' WHERE id = ?", old.id);
    promise(old.id, '2026-10-20', 'broken', 0, null, '2026-10-10'); // made before the stage move that answered it
    const partnersBroken = promise(partners.id, '2026-11-17', 'broken');

    const p = await today(paralegal);
    expect(p.brokenPromises.rows.map((r) => r.promiseId)).toEqual([pk, b]); // newest due date first
    expect(p.brokenPromises.count).toBe(2);
    expect(p.brokenPromises.rows[0]).toMatchObject({ caseId: partly.id, keptMinor: 40_000, amountMinor: 100_000 });
    expect((await today(partner)).brokenPromises.rows.map((r) => r.promiseId)).toEqual([partnersBroken]);
    expect((await today(partner, { scope: 'office' })).brokenPromises.count).toBe(3);
  });

  it('shows the escalation queue for the person’s cases and the next steps of the coming 14 days as deadlines', async () => {
    sql("UPDATE cases SET escalation_due_on = '2026-11-20', escalation_next_stage = 'reminder', escalation_reason = 'promise_broken' WHERE id = ?", mine.id);
    sql("UPDATE cases SET escalation_due_on = ?, escalation_next_stage = 'follow_up' WHERE id = ?", addDays(TODAY, 4), partners.id);
    const p = await today(paralegal);
    expect(p.escalations.rows).toEqual([{ caseId: mine.id, reference: mine.reference, debtorName: mine.debtors[0]?.name, nextStage: 'reminder', dueOn: '2026-11-20', reason: 'promise_broken' }]);
    expect(p.deadlines.rows.filter((r) => r.kind === 'next_step')).toEqual([]);
    const me = await today(partner);
    expect(me.escalations.count).toBe(0);
    expect(me.deadlines.rows).toContainEqual(expect.objectContaining({ caseId: partners.id, kind: 'next_step', dueOn: addDays(TODAY, 4), detail: 'follow_up' }));
    expect((await today(partner, { scope: 'office' })).escalations.count).toBe(1);
  });

  it('shows hearings from today to 7 days ahead without a result, and appeal and limitation deadlines in 14 days', async () => {
    const soon = hearing(mine.id, addDays(TODAY, 3));
    hearing(mine.id, addDays(TODAY, 8)); // beyond the week
    hearing(mine.id, TODAY, null, 'adjourned'); // held already
    const partnersHearing = hearing(partners.id, addDays(TODAY, 1));
    // A judgment on 2 November: 30 calendar days to appeal, ending Wednesday 2 December.
    const judged = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    hearing(judged.id, '2026-11-02', '2026-11-02', 'judgment');
    // Due 29 November 2021: time-barred after five years, on 29 November 2026.
    const barred = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal }, { dueDate: '2021-11-29' });
    await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal }, { dueDate: '2021-12-20' }); // 28 days: not yet

    const p = await today(paralegal);
    expect(p.hearings.rows.map((r) => r.hearingId)).toEqual([soon]);
    expect(p.hearings.rows[0]).toMatchObject({ onDate: addDays(TODAY, 3), atTime: '09:30', court: 'المحكمة التجارية بالرياض' });
    expect(p.deadlines.rows).toEqual([
      { caseId: barred.id, reference: barred.reference, debtorName: barred.debtors[0]?.name, kind: 'limitation', dueOn: '2026-11-29', detail: '2021-11-29' },
      { caseId: judged.id, reference: judged.reference, debtorName: judged.debtors[0]?.name, kind: 'appeal', dueOn: '2026-12-02', detail: '2026-11-02' },
    ]);
    expect((await today(partner)).hearings.rows.map((r) => r.hearingId)).toEqual([partnersHearing]);
    expect((await today(partner, { scope: 'office' })).hearings.count).toBe(2);
  });

  it('shows a power of attorney expiring within 30 days (or expired) for clients with the person’s open cases', async () => {
    const p = await today(paralegal);
    expect(p.poaExpiries.rows).toEqual([
      expect.objectContaining({ clientId, number: '4410001', expiresOn: addDays(TODAY, 10), expired: false, caseId: mine.id, reference: mine.reference }),
    ]);
    // Staff have no cases: nothing of theirs to act on.
    const staff = await login('staff');
    expect((await today(staff)).poaExpiries.count).toBe(0);
    // A new power valid beyond the window ends the warning.
    sql("INSERT INTO powers_of_attorney (client_id, number, issued_on, expires_on) VALUES (?, '4410002', '2026-11-01', '2028-11-01')", clientId);
    expect((await today(paralegal)).poaExpiries.count).toBe(0);
    sql("DELETE FROM powers_of_attorney WHERE number = '4410002'");
    sql("UPDATE powers_of_attorney SET expires_on = '2026-11-01' WHERE number = '4410001'");
    expect((await today(paralegal)).poaExpiries.rows[0]).toMatchObject({ expired: true, expiresOn: '2026-11-01' });
  });

  it('lets a partner see a chosen person and the whole office; others only themselves', async () => {
    const asParalegal = await today(partner, { scope: 'user', userId: ids.paralegal });
    const own = await today(paralegal);
    expect({ ...asParalegal, scope: 'me' }).toEqual(own);
    expect(asParalegal.userId).toBe(ids.paralegal);
    expect((await today(partner, { scope: 'office' })).userId).toBeNull();
    expect(errorCode(await t.call('dashboard.today', { scope: 'office' }, lawyer))).toBe('permission.denied');
    expect(errorCode(await t.call('dashboard.today', { scope: 'user', userId: ids.paralegal }, lawyer))).toBe('permission.denied');
    expect((await today(lawyer, { scope: 'user', userId: ids.lawyer })).userId).toBe(ids.lawyer);
    expect(errorCode(await t.call('dashboard.today', { scope: 'user', userId: 'nobody' }, partner))).toBe('users.not_found');
    expect(errorCode(await t.call('dashboard.today', { scope: 'user' }, partner))).toBe('input.invalid');
    expect(errorCode(await t.call('dashboard.today', { scope: 'everyone' }, partner))).toBe('input.invalid');
  });

  it('walks index ranges only: no section scans cases, the log, tasks, promises or hearings', () => {
    // A fresh connection (its own statement cache), every statement the sections prepare captured and explained.
    const second = openVault(t.dir, MIGRATIONS);
    return second.unlock('partner', PASSWORD).then(() => {
      const { sqlite } = second.current();
      const seen: string[] = [];
      const prepare = sqlite.prepare.bind(sqlite);
      sqlite.prepare = ((text: string) => {
        seen.push(text);
        return prepare(text);
      });
      for (const who of [ids.paralegal!, null]) todaySections(sqlite, who, TODAY, DEFAULT_LADDER);
      sqlite.prepare = prepare;
      expect(seen.length).toBeGreaterThan(10);
      for (const text of seen) {
        const plan = (prepare(`EXPLAIN QUERY PLAN ${text}`).all(...Array<null>((text.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]).map((r) => r.detail);
        // The powers-of-attorney table (one or two rows a client) is the one table read whole; a capped count reads its own subquery.
        const scans = plan.filter((d) => /^SCAN /.test(d) && !/^SCAN (a\b|\(subquery)/.test(d));
        expect(scans, `${text}\n${plan.join('\n')}`).toEqual([]);
        // A person's cases are most of the office: never walked through cases_lawyer / cases_paralegal.
        expect(plan.join('\n')).not.toMatch(/cases_lawyer|cases_paralegal/);
      }
      second.close();
    });
  });
});

describe('cases.timeline', () => {
  it('merges every kind of event on the case, newest first, with corrections grouped under their entry', async () => {
    const k = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    const call1 = logEntry(k.id, ids.paralegal!, '2026-11-02', null, { outcome: 'no_answer' });
    const fix = logEntry(k.id, ids.paralegal!, '2026-11-02', null, { correctsId: call1, outcome: 'promised' });
    const flag = sql(`INSERT INTO case_flags (case_id, kind, reason, opened_at, resolved_at, resolution) VALUES (?, 'dispute', 'ينازع في المبلغ', ?, ?, 'قدم الإيصال')`, k.id, at('2026-11-04'), at('2026-11-09'));
    const p = promise(k.id, '2026-11-20', 'broken', 0, null, '2026-11-05');
    const tk = task(k.id, ids.paralegal!, '2026-11-10', at('2026-11-11'));
    const h = hearing(k.id, '2026-12-01');
    const doc = await call<{ id: number }>('documents.upload', { owner: { caseId: k.id }, type: 'other', fileName: 'ملاحظة.txt', contentBase64: Buffer.from('ملاحظة المكالمة').toString('base64') });

    const items = await call<TimelineItem[]>('cases.timeline', { caseId: k.id });
    const move = items.find((i) => i.type === 'stage_move');
    expect(items.map((i) => i.key)).toEqual([
      `hearing:${h}`, // 1 December, to come
      `doc:${doc.id}`, // uploaded now (22 November), after the case was opened at the same instant
      move?.key,
      `task-done:${tk}`,
      `flag-resolved:${flag}`,
      `task:${tk}`, // created 7 November
      `promise:${p}`,
      `flag:${flag}`,
      `comm:${call1}`,
    ]);
    for (let i = 1; i < items.length; i++) expect(Date.parse(items[i - 1]!.at) >= Date.parse(items[i]!.at)).toBe(true);
    const entry = items.find((i) => i.type === 'communication');
    expect(entry).toMatchObject({ id: call1, outcome: 'no_answer', corrections: [expect.objectContaining({ id: fix, outcome: 'promised' })] });
    expect(items.find((i) => i.type === 'stage_move')).toMatchObject({ from: null, to: 'intake' });
    expect(items.find((i) => i.key === `hearing:${h}`)).toMatchObject({ onDate: '2026-12-01', atTime: '09:30', at: at('2026-12-01', '09:30') });
    expect(items.find((i) => i.type === 'promise')).toMatchObject({ amountMinor: 100_000, dueOn: '2026-11-20', state: 'broken', cancelled: false });
  });

  it('shows the money: a payment and its reversal, a settlement agreed then broken, a plan agreed then renegotiated', async () => {
    const k = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    sql("UPDATE cases SET opened_on = '2026-11-01' WHERE id = ?", k.id); // placed earlier, entered today
    const tick = (minute: number): void => {
      t.clock.now = new Date(Date.UTC(2026, 10, 22, 9, minute));
    };
    try {
      tick(1);
      const paid = await call<PostedPayment>('payments.post', { caseId: k.id, onDate: TODAY, amountMinor: 100_050, currency: 'SAR', method: 'cheque', chequeNumber: '778899', chequeBank: 'البنك الأهلي', notes: 'سلّمه الكفيل' });
      tick(2);
      const back = await call<PostedPayment>('payments.reverse', { id: paid.payment.id, onDate: TODAY, reason: 'شيك مرتجع' });
      tick(3);
      const deal = await call<SettlementRow>('settlements.create', { caseId: k.id, amountMinor: 300_000, currency: 'SAR', deadline: '2026-12-15' });
      tick(4);
      await call<SettlementRow>('settlements.break', { id: deal.id, version: deal.version, reason: 'لم يلتزم' });
      tick(5);
      const plan = await call<PlanRow>('plans.create', { caseId: k.id, currency: 'SAR', count: 4, frequency: 'monthly', firstDate: '2026-12-01' });
      tick(6);
      const again = await call<PlanRow>('plans.renegotiate', { planId: plan.id, version: plan.version, reason: 'طلب المدين', currency: 'SAR', count: 8, frequency: 'weekly', firstDate: '2026-12-06' });
      // Posted now, received two days ago: it sits at the start of the day it came in.
      tick(7);
      const late = await call<PostedPayment>('payments.post', { caseId: k.id, onDate: '2026-11-20', amountMinor: 25_000, currency: 'SAR', method: 'cash' });

      const items = await call<TimelineItem[]>('cases.timeline', { caseId: k.id });
      const move = items.find((i) => i.type === 'stage_move');
      expect(items.map((i) => i.key)).toEqual([
        `plan:${again.id}`,
        `plan-renegotiated:${plan.id}`, // the same moment: the new plan was recorded after the old one ended
        `plan:${plan.id}`,
        `settlement-broken:${deal.id}`,
        `settlement:${deal.id}`,
        `payment:${back.payment.id}`,
        `payment:${paid.payment.id}`,
        move?.key,
        `payment:${late.payment.id}`,
      ]);
      const byKey = (key: string): TimelineItem | undefined => items.find((i) => i.key === key);
      expect(byKey(`payment:${paid.payment.id}`)).toMatchObject({
        type: 'payment', event: 'received', at: '2026-11-22T09:01:00.000Z', dateOnly: false, onDate: TODAY, amountMinor: 100_050, currency: 'SAR',
        method: 'cheque', chequeNumber: '778899', receiptNumber: paid.payment.receiptNumber, notes: 'سلّمه الكفيل', reason: '',
      });
      expect(paid.payment.receiptNumber).toMatch(/\d/);
      expect(byKey(`payment:${back.payment.id}`)).toMatchObject({ event: 'reversed', amountMinor: -100_050, currency: 'SAR', receiptNumber: paid.payment.receiptNumber, reason: 'شيك مرتجع' });
      expect(byKey(`payment:${late.payment.id}`)).toMatchObject({ event: 'received', at: at('2026-11-20', '00:00'), dateOnly: true, onDate: '2026-11-20', amountMinor: 25_000, method: 'cash' });
      expect(byKey(`settlement:${deal.id}`)).toMatchObject({ event: 'agreed', amountMinor: 300_000, currency: 'SAR', deadline: '2026-12-15', at: '2026-11-22T09:03:00.000Z' });
      expect(byKey(`settlement-broken:${deal.id}`)).toMatchObject({ event: 'broken', amountMinor: 300_000, reason: 'لم يلتزم', at: '2026-11-22T09:04:00.000Z' });
      expect(byKey(`plan:${plan.id}`)).toMatchObject({ event: 'agreed', totalMinor: plan.totalMinor, count: 4, frequency: 'monthly', firstDate: '2026-12-01', replacesPlanId: null });
      expect(byKey(`plan-renegotiated:${plan.id}`)).toMatchObject({ event: 'renegotiated', reason: 'طلب المدين', at: '2026-11-22T09:06:00.000Z' });
      // Nobody is recorded as having broken the settlement; the renegotiation is by whoever agreed the new plan.
      expect([byKey(`settlement-broken:${deal.id}`)?.byName, byKey(`plan-renegotiated:${plan.id}`)?.byName]).toEqual([null, byKey(`plan:${again.id}`)?.byName]);
      expect(byKey(`payment:${paid.payment.id}`)?.byName).toBeTruthy();
      expect(byKey(`plan:${again.id}`)).toMatchObject({ event: 'agreed', count: 8, frequency: 'weekly', replacesPlanId: plan.id, currency: 'SAR' });
      expect(plan.totalMinor).toBeGreaterThan(0);
    } finally {
      t.clock.now = new Date('2026-11-22T09:00:00Z');
    }
  });

  it('shows a plan cancelled, and a plan paid in full on the day of the payment that completed it', async () => {
    const k = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    try {
      // A minute at a time (a longer pause would lock the session).
      t.clock.now = new Date('2026-11-22T09:01:00Z');
      const first = await call<PlanRow>('plans.create', { caseId: k.id, currency: 'SAR', count: 2, frequency: 'monthly', firstDate: '2026-12-01' });
      t.clock.now = new Date('2026-11-22T09:02:00Z');
      await call('plans.cancel', { planId: first.id, version: first.version, reason: 'طلب الموكل' });
      t.clock.now = new Date('2026-11-22T09:03:00Z');
      const second = await call<PlanRow>('plans.create', { caseId: k.id, currency: 'SAR', count: 2, frequency: 'monthly', firstDate: '2026-12-01' });
      t.clock.now = new Date('2026-11-22T09:04:00Z');
      const paid = await call<PostedPayment>('payments.post', { caseId: k.id, onDate: TODAY, amountMinor: second.totalMinor, currency: 'SAR', method: 'sadad' });
      const items = await call<TimelineItem[]>('cases.timeline', { caseId: k.id });
      expect(items.filter((i) => i.type === 'plan' || i.type === 'payment').map((i) => [i.key, i.at])).toEqual([
        [`plan-completed:${second.id}`, '2026-11-22T09:04:00.000Z'],
        [`payment:${paid.payment.id}`, '2026-11-22T09:04:00.000Z'],
        [`plan:${second.id}`, '2026-11-22T09:03:00.000Z'],
        [`plan-cancelled:${first.id}`, '2026-11-22T09:02:00.000Z'],
        [`plan:${first.id}`, '2026-11-22T09:01:00.000Z'],
      ]);
      expect(items.find((i) => i.key === `plan-cancelled:${first.id}`)).toMatchObject({ event: 'cancelled', reason: 'طلب الموكل', totalMinor: first.totalMinor });
      expect(items.find((i) => i.key === `plan-completed:${second.id}`)).toMatchObject({ event: 'completed', reason: '', count: 2 });
    } finally {
      t.clock.now = new Date('2026-11-22T09:00:00Z');
    }
  });

  it('shows the day a plan defaulted by the calendar, before any posting stores it', async () => {
    const k = await newCase({ lawyer: ids.lawyer, paralegal: ids.paralegal });
    // Weekly from Tuesday 24 November; two instalments missed at once on 2 December.
    const plan = await call<PlanRow>('plans.create', { caseId: k.id, currency: 'SAR', count: 4, frequency: 'weekly', firstDate: '2026-11-24', totalMinor: 400_000 });
    const keys = (items: TimelineItem[]): string[] => items.filter((i) => i.type === 'plan').map((i) => i.key);
    try {
      t.clock.now = new Date('2026-12-01T09:00:00+03:00');
      expect(keys(await call<TimelineItem[]>('cases.timeline', { caseId: k.id }, await login('partner')))).toEqual([`plan:${plan.id}`]);
      t.clock.now = new Date('2026-12-03T09:00:00+03:00');
      const items = await call<TimelineItem[]>('cases.timeline', { caseId: k.id }, await login('partner'));
      expect(keys(items)).toEqual([`plan-defaulted:${plan.id}`, `plan:${plan.id}`]);
      expect(items.find((i) => i.key === `plan-defaulted:${plan.id}`)).toMatchObject({ event: 'defaulted', at: at('2026-12-02', '00:00'), dateOnly: true, totalMinor: 400_000 });
      expect(vault.current().sqlite.prepare('SELECT defaulted_on AS d FROM payment_plans WHERE id = ?').get(plan.id)).toEqual({ d: null });
    } finally {
      t.clock.now = new Date('2026-11-22T09:00:00Z');
      partner = await login('partner'); // the days away locked the earlier session
    }
  });

  it('reads each table through its case_id index, the money included', async () => {
    const second = openVault(t.dir, MIGRATIONS);
    await second.unlock('partner', PASSWORD);
    const { sqlite } = second.current();
    const seen: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      seen.push(text);
      return prepare(text);
    });
    timelineRecords(sqlite, mine.id);
    sqlite.prepare = prepare;
    expect(seen.some((text) => /FROM payments p WHERE/.test(text)) && seen.some((text) => /FROM payment_plans/.test(text))).toBe(true);
    for (const text of seen) {
      const plan = (prepare(`EXPLAIN QUERY PLAN ${text}`).all(1) as { detail: string }[]).map((r) => r.detail);
      expect(plan.filter((d) => /^SCAN /.test(d)), `${text}\n${plan.join('\n')}`).toEqual([]);
      expect(plan.some((d) => /^SEARCH \w+ USING (COVERING )?INDEX \w+ \(case_id=\?/.test(d)), `${text}\n${plan.join('\n')}`).toBe(true);
    }
    second.close();
  });

  it('refuses a case that does not exist', async () => {
    expect(errorCode(await t.call('cases.timeline', { caseId: 999_999 }, partner))).toBe('not_found');
    expect(errorCode(await t.call('cases.timeline', { caseId: 0 }, partner))).toBe('input.invalid');
  });
});
