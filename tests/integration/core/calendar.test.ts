// Tasks, hearings and the calendar through the real router on a real encrypted office (today is Sunday 2026-11-22 in Riyadh).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { readKeyring, unwrapKey } from '../../../db/keyring';
import { applyKey } from '../../../db/open';
import { DB_FILE, KEYRING_FILE } from '../../../electron/core/vault';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { CalendarRange, HearingResultOut, HearingRow, LadderTaskOffer, TaskRow } from '../../../electron/contract/procedures/calendar';
import type { UserRow } from '../../../electron/contract/procedures/office';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
let partner: string;
let lawyer: string;
let paralegal: string;
let recoveryCode: string;
const ids: Record<string, string> = {};
let caseId: number;
let otherCaseId: number;

const call = async <T,>(name: string, input: unknown, session = partner): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const login = async (username: string): Promise<string> => (unwrap(await t.call('auth.login', { username, password: PASSWORD })) as { token: string }).token;

/** Audit rows read from outside the app, with the key, to see what was recorded before and after. */
async function auditOf(entity: string, entityId: string): Promise<{ action: string; before: unknown; after: unknown }[]> {
  const key = await unwrapKey(readKeyring(join(t.dir, KEYRING_FILE)).entries.find((e) => e.kind === 'recovery')!, recoveryCode);
  const raw = new Database(join(t.dir, DB_FILE), { readonly: true });
  try {
    applyKey(raw, key!);
    const rows = raw.prepare('SELECT action, before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq').all(entity, entityId) as {
      action: string;
      before: string | null;
      after: string | null;
    }[];
    return rows.map((r) => ({ action: r.action, before: r.before ? (JSON.parse(r.before) as unknown) : null, after: r.after ? (JSON.parse(r.after) as unknown) : null }));
  } finally {
    raw.close();
  }
}

async function count(table: 'tasks' | 'hearings'): Promise<number> {
  const key = await unwrapKey(readKeyring(join(t.dir, KEYRING_FILE)).entries.find((e) => e.kind === 'recovery')!, recoveryCode);
  const raw = new Database(join(t.dir, DB_FILE), { readonly: true });
  try {
    applyKey(raw, key!);
    return (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  t = startCore();
  const office = await seedOffice(t.core, { password: PASSWORD });
  partner = office.partnerToken;
  recoveryCode = office.recoveryCode;
  for (const u of await call<UserRow[]>('users.list', {})) ids[u.username] = u.id;
  lawyer = await login('lawyer');
  paralegal = await login('paralegal');
  await call('users.create', { displayName: 'محامٍ سابق', username: 'former', role: 'lawyer', password: PASSWORD });
  for (const u of await call<UserRow[]>('users.list', {})) ids[u.username] = u.id;
  await call('users.update', { id: ids.former, active: false });

  const client = await call<{ id: number }>('clients.create', {
    kind: 'company',
    nameAr: 'بنك الاختبار',
    crNumber: '1010123456',
    powersOfAttorney: [{ number: 'وكالة-77', issuedOn: '2025-12-10', expiresOn: '2026-12-10' }],
  });
  const debtor = await call<{ id: number }>('parties.create', { kind: 'person', name: 'سعد الحربي', nationalId: makeNationalId('1', '11223344') });
  caseId = (
    await call<CaseDetail>('cases.create', {
      clientId: client.id,
      debtorIds: [debtor.id],
      instrumentType: 'invoice',
      principalMinor: 1_500_000,
      lawyerId: ids.lawyer,
      paralegalId: ids.paralegal,
      court: 'المحكمة التجارية بالرياض',
      circuit: 'الدائرة الثالثة',
      noticeDeliveredOn: '2026-11-22',
    })
  ).id;
  otherCaseId = (await call<CaseDetail>('cases.create', { clientId: client.id, debtorIds: [debtor.id], instrumentType: 'cheque', principalMinor: 200_000 })).id;
});
afterAll(() => t.dispose());

describe('tasks', () => {
  it('creates, reassigns (audited with the assignee before and after), completes and reopens a task', async () => {
    const task = await call<TaskRow>('tasks.create', { title: 'الاتصال بالمدين', caseId, assigneeId: ids.paralegal, dueOn: '2026-11-24', dueTime: '10:30', priority: 'high' });
    expect(task).toMatchObject({ caseId, assigneeName: expect.any(String) as unknown, dueOn: '2026-11-24', dueTime: '10:30', priority: 'high', source: 'manual', doneAt: null, version: 1 });

    const moved = await call<TaskRow>('tasks.update', { id: task.id, version: 1, title: task.title, assigneeId: ids.lawyer, dueOn: '2026-11-25', priority: 'high' });
    expect(moved).toMatchObject({ assigneeId: ids.lawyer, dueOn: '2026-11-25', version: 2 });
    const audit = await auditOf('task', String(task.id));
    expect(audit.map((a) => a.action)).toEqual(['tasks.create', 'tasks.update']);
    expect(audit[1]).toMatchObject({ before: { assigneeId: ids.paralegal, dueOn: '2026-11-24' }, after: { assigneeId: ids.lawyer, dueOn: '2026-11-25' } });

    expect(errorCode(await t.call('tasks.update', { id: task.id, version: 1, title: 'x', assigneeId: ids.lawyer, dueOn: '2026-11-25' }, partner))).toBe('conflict.stale');
    const done = await call<TaskRow>('tasks.complete', { id: task.id, version: 2 }, lawyer);
    expect(done.doneAt).not.toBeNull();
    expect(errorCode(await t.call('tasks.complete', { id: task.id, version: 3 }, lawyer))).toBe('conflict.stale');
    const open = await call<TaskRow>('tasks.reopen', { id: task.id, version: 3 }, lawyer);
    expect(open).toMatchObject({ doneAt: null, version: 4 });
  });

  it('refuses a deactivated assignee, an unknown case and bad input, and writes nothing', async () => {
    const before = await count('tasks');
    expect(errorCode(await t.call('tasks.create', { title: 'مهمة', caseId, assigneeId: ids.former, dueOn: '2026-11-24' }, partner))).toBe('tasks.inactive_assignee');
    expect(errorCode(await t.call('tasks.create', { title: 'مهمة', caseId: 99_999, assigneeId: ids.lawyer, dueOn: '2026-11-24' }, partner))).toBe('not_found');
    expect(errorCode(await t.call('tasks.create', { title: ' ', assigneeId: ids.lawyer, dueOn: '2026-11-24' }, partner))).toBe('input.invalid');
    expect(errorCode(await t.call('tasks.create', { title: 'مهمة', assigneeId: ids.lawyer, dueOn: '2026-02-30' }, partner))).toBe('input.invalid');
    expect(errorCode(await t.call('tasks.create', { title: 'مهمة', assigneeId: ids.lawyer, dueOn: '2026-11-24', dueTime: '25:00' }, partner))).toBe('input.invalid');
    const [mine] = await call<TaskRow[]>('tasks.list', { scope: 'mine' }, lawyer);
    expect(errorCode(await t.call('tasks.update', { id: mine!.id, version: mine!.version, title: mine!.title, assigneeId: ids.former, dueOn: mine!.dueOn }, partner))).toBe(
      'tasks.inactive_assignee',
    );
    expect(errorCode(await t.call('tasks.create', { title: 'مهمة', assigneeId: ids.lawyer, dueOn: '2026-11-24' }, await login('staff')))).toBe('permission.denied');
    expect(await count('tasks')).toBe(before);
  });

  it("lists mine, overdue, today and a case's; others' only with dashboard.office or on one's own cases", async () => {
    await call('tasks.create', { title: 'مهمة متأخرة', caseId, assigneeId: ids.paralegal, dueOn: '2026-11-20' });
    await call('tasks.create', { title: 'مهمة اليوم', assigneeId: ids.paralegal, dueOn: '2026-11-22' });
    await call('tasks.create', { title: 'مهمة على ملف آخر', caseId: otherCaseId, assigneeId: ids.partner, dueOn: '2026-11-23' });
    const titles = (rows: TaskRow[]): string[] => rows.map((r) => r.title);
    expect(titles(await call<TaskRow[]>('tasks.list', { filter: 'overdue' }, paralegal))).toEqual(['مهمة متأخرة']);
    expect(titles(await call<TaskRow[]>('tasks.list', { filter: 'today' }, paralegal))).toEqual(['مهمة اليوم']);
    expect(titles(await call<TaskRow[]>('tasks.list', { scope: 'office', caseId: otherCaseId }))).toEqual(['مهمة على ملف آخر']);
    // The paralegal asks for the office: their own tasks and those on cases they are assigned to, not the partner's other case.
    const seen = titles(await call<TaskRow[]>('tasks.list', { scope: 'office' }, paralegal));
    expect(seen).toContain('الاتصال بالمدين');
    expect(seen).not.toContain('مهمة على ملف آخر');
    expect(titles(await call<TaskRow[]>('tasks.list', { scope: { userId: ids.partner } }, paralegal))).toEqual([]);
    expect(titles(await call<TaskRow[]>('tasks.list', { scope: { userId: ids.partner } }))).toEqual(['مهمة على ملف آخر']);
  });

  it("creates the ladder's expected next action as a task for the case's worker, once", async () => {
    const offer = await call<LadderTaskOffer>('tasks.ladderOffer', { caseId });
    const detail = await call<CaseDetail>('cases.get', { id: caseId });
    expect(offer).toMatchObject({ stage: 'reminder', assigneeId: ids.paralegal, existingTaskId: null });
    expect(offer.title).toBe('إرسال تذكير ودي بالاتصال أو الرسالة النصية أو البريد الإلكتروني أو الخطاب');
    const task = await call<TaskRow>('tasks.fromLadder', { caseId });
    expect(task).toMatchObject({ title: offer.title, source: 'ladder', assigneeId: ids.paralegal, dueOn: offer.dueOn });
    expect(detail.id).toBe(caseId);
    const again = await t.call('tasks.fromLadder', { caseId }, partner);
    expect(errorCode(again)).toBe('tasks.exists');
    expect(again.ok ? null : again.error.details).toEqual({ id: task.id });
  });
});

describe('hearings', () => {
  it('refuses a Friday hearing without a reason, and records it with one', async () => {
    const friday = await t.call('hearings.create', { caseId, onDate: '2026-11-27', atTime: '09:00' }, lawyer);
    expect(errorCode(friday)).toBe('hearings.non_working_day');
    expect(friday.ok ? null : friday.error.details).toEqual({ date: '2026-11-27', why: 'weekend', field: 'onDate' });
    const h = await call<HearingRow>('hearings.create', { caseId, onDate: '2026-11-27', atTime: '09:00', nonWorkingReason: 'جلسة استثنائية بأمر الدائرة' }, lawyer);
    expect(h).toMatchObject({ onDate: '2026-11-27', nonWorkingReason: 'جلسة استثنائية بأمر الدائرة', court: 'المحكمة التجارية بالرياض', circuit: 'الدائرة الثالثة' });
    // A working day keeps no reason.
    const monday = await call<HearingRow>('hearings.create', { caseId, onDate: '2026-11-23', nonWorkingReason: 'لا داعي' }, lawyer);
    expect(monday.nonWorkingReason).toBe('');
  });

  it('recording a result with a next date creates the next hearing and its preparation task in one transaction', async () => {
    const h = await call<HearingRow>('hearings.create', { caseId, onDate: '2026-11-24', atTime: '10:00', type: 'first_session' }, paralegal);
    const hearingsBefore = await count('hearings');
    const tasksBefore = await count('tasks');
    // A next date on a Friday without a reason: refused, and neither the result, the next hearing nor the task is written.
    const refused = await t.call('hearings.recordResult', { id: h.id, version: 1, result: 'adjourned', nextDate: '2026-12-04' }, paralegal);
    expect(errorCode(refused)).toBe('hearings.non_working_day');
    expect(errorCode(await t.call('hearings.recordResult', { id: h.id, version: 1, result: 'adjourned', nextDate: '2026-11-24' }, paralegal))).toBe('hearings.next_before');
    expect([await count('hearings'), await count('tasks')]).toEqual([hearingsBefore, tasksBefore]);
    expect((await call<HearingRow[]>('hearings.forCase', { caseId })).find((x) => x.id === h.id)?.result).toBeNull();

    const out = await call<HearingResultOut>('hearings.recordResult', { id: h.id, version: 1, result: 'adjourned', notes: 'طلب المدعى عليه مهلة', nextDate: '2026-12-06', nextTime: '11:00' }, paralegal);
    expect(out.hearing).toMatchObject({ result: 'adjourned', resultNotes: 'طلب المدعى عليه مهلة', nextHearingId: out.next?.id, version: 2 });
    expect(out.next).toMatchObject({ caseId, onDate: '2026-12-06', atTime: '11:00', court: 'المحكمة التجارية بالرياض', circuit: 'الدائرة الثالثة', result: null });
    // Sunday 6 Dec: 2 working days before is Wednesday 2 Dec (Thursday 3 is the first); the case's lawyer prepares.
    expect(out.task).toMatchObject({ caseId, assigneeId: ids.lawyer, dueOn: '2026-12-02', source: 'hearing', sourceId: out.next?.id, priority: 'high' });
    expect(out.task?.title).toContain('1448');
    expect([await count('hearings'), await count('tasks')]).toEqual([hearingsBefore + 1, tasksBefore + 1]);
    expect(errorCode(await t.call('hearings.recordResult', { id: h.id, version: 2, result: 'judgment' }, paralegal))).toBe('hearings.result_recorded');
    expect(errorCode(await t.call('hearings.recordResult', { id: out.next!.id, version: 5, result: 'judgment' }, paralegal))).toBe('conflict.stale');

    const mine = await call<TaskRow[]>('tasks.list', { scope: 'mine', caseId }, lawyer);
    expect(mine.map((x) => x.id)).toContain(out.task?.id);
    const audit = await auditOf('hearing', String(h.id));
    expect(audit.at(-1)).toMatchObject({ action: 'hearings.recordResult', after: { result: 'adjourned', nextHearingId: out.next?.id } });
  });

  it('a judgment is recorded with its date; without a next date nothing else is created', async () => {
    const h = await call<HearingRow>('hearings.create', { caseId, onDate: '2026-11-25', type: 'judgment' }, lawyer);
    const before = await count('tasks');
    const out = await call<HearingResultOut>('hearings.recordResult', { id: h.id, version: 1, result: 'judgment', judgmentOn: '2026-11-25' }, lawyer);
    expect(out).toMatchObject({ hearing: { result: 'judgment', judgmentOn: '2026-11-25' }, next: null, task: null });
    expect(await count('tasks')).toBe(before);
  });
});

describe('calendar.range', () => {
  it('gives each day its Hijri date and weekend flag, and the hearings, tasks and deadlines in range', async () => {
    const r = await call<CalendarRange>('calendar.range', { from: '2026-11-22', to: '2026-12-31', office: true });
    expect(r.days).toHaveLength(40);
    expect(r.days[0]).toMatchObject({ date: '2026-11-22', hijri: { year: 1448, month: 6, day: 12 }, weekend: false, holiday: false });
    expect(r.days.find((d) => d.date === '2026-11-27')?.weekend).toBe(true);
    expect(r.hearings.map((h) => h.onDate)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27', '2026-12-06']);
    expect(r.tasks.map((x) => x.dueOn)).toContain('2026-12-02');
    const deadlines = r.deadlines.map((d) => [d.code, d.caseId, d.dueOn]);
    // Notice delivered 22 Nov → filing from Monday 7 Dec; judgment 25 Nov + 30 = Friday 25 Dec → Sunday 27 Dec; the client's power of attorney.
    expect(deadlines).toEqual([
      ['filing_allowed', caseId, '2026-12-07'],
      ['poa_expires', null, '2026-12-10'],
      ['appeal_ends', caseId, '2026-12-27'],
    ]);
    expect(r.deadlines[1]).toMatchObject({ clientName: 'بنك الاختبار', params: { number: 'وكالة-77' } });
    expect(r.deadlines[0]).toMatchObject({ caseReference: expect.stringMatching(/^TH-2026-/) as unknown, debtorName: 'سعد الحربي' });
  });

  it("shows a person their own work; others' calendars need dashboard.office; ranges are bounded", async () => {
    const mine = await call<CalendarRange>('calendar.range', { from: '2026-11-22', to: '2026-12-31' }, lawyer);
    expect(mine.hearings).toHaveLength(5); // all on the case the lawyer is assigned to
    expect(mine.tasks.every((x) => x.assigneeId === ids.lawyer)).toBe(true);
    expect(mine.deadlines.map((d) => d.code)).toEqual(['filing_allowed', 'poa_expires', 'appeal_ends']);
    const partnerOwn = await call<CalendarRange>('calendar.range', { from: '2026-11-22', to: '2026-12-31' });
    expect(partnerOwn.hearings).toEqual([]);
    expect(partnerOwn.tasks.map((x) => x.title)).toEqual(['مهمة على ملف آخر']);
    const asLawyer = await call<CalendarRange>('calendar.range', { from: '2026-11-22', to: '2026-12-31', userId: ids.lawyer });
    expect(asLawyer.tasks.map((x) => x.id)).toEqual(mine.tasks.map((x) => x.id));
    expect(errorCode(await t.call('calendar.range', { from: '2026-11-22', to: '2026-12-31', office: true }, lawyer))).toBe('permission.denied');
    expect(errorCode(await t.call('calendar.range', { from: '2026-11-22', to: '2026-12-31', userId: ids.partner }, paralegal))).toBe('permission.denied');
    expect(errorCode(await t.call('calendar.range', { from: '2026-11-22', to: '2027-03-31' }, lawyer))).toBe('input.invalid');
    expect(errorCode(await t.call('calendar.range', { from: '2026-12-01', to: '2026-11-22' }, lawyer))).toBe('input.invalid');
  });

  it('a closed range shows only what falls inside it', async () => {
    const r = await call<CalendarRange>('calendar.range', { from: '2026-12-07', to: '2026-12-07', office: true });
    expect(r.deadlines.map((d) => d.code)).toEqual(['filing_allowed']);
    expect(r.hearings).toEqual([]);
  });
});

describe('a judgment recorded at a hearing', () => {
  /** An invoice case whose notice was delivered long ago, moved by its lawyer (who may not override) up to litigation. */
  async function caseInLitigation(): Promise<CaseDetail> {
    const other = await call<CaseDetail>('cases.get', { id: otherCaseId });
    let k = await call<CaseDetail>('cases.create', {
      clientId: other.clientId,
      debtorIds: [other.debtors[0]!.id],
      instrumentType: 'invoice',
      principalMinor: 900_000,
      lawyerId: ids.lawyer,
      noticeDeliveredOn: '2026-10-01',
    });
    for (const to of ['reminder', 'follow_up', 'final_notice', 'demand', 'litigation']) k = await call<CaseDetail>('cases.move', { id: k.id, version: k.version, to }, lawyer);
    return k;
  }
  const enforcementGuards = (k: CaseDetail): string[] | undefined => k.moves.find((m) => m.to === 'enforcement')?.guards.map((g) => g.code);

  it('marks the case as judged in the same write, so the ladder offers enforcement without an override', async () => {
    const k = await caseInLitigation();
    expect(k).toMatchObject({ stage: 'litigation', hasJudgment: false });
    expect(enforcementGuards(k)).toEqual(['judgment_missing']);
    expect(errorCode(await t.call('cases.move', { id: k.id, version: k.version, to: 'enforcement' }, lawyer))).toBe('cases.guarded');

    const h = await call<HearingRow>('hearings.create', { caseId: k.id, onDate: '2026-11-24', type: 'judgment' }, lawyer);
    const out = await call<HearingResultOut>('hearings.recordResult', { id: h.id, version: 1, result: 'judgment', judgmentOn: '2026-11-24', notes: 'حكم بإلزام المدعى عليه بالسداد' }, lawyer);
    expect(out.hearing).toMatchObject({ result: 'judgment', judgmentOn: '2026-11-24' });

    const judged = await call<CaseDetail>('cases.get', { id: k.id });
    expect(judged).toMatchObject({ stage: 'litigation', hasJudgment: true, version: k.version + 1 });
    expect(enforcementGuards(judged)).toEqual([]);
    expect(judged.escalation.nextStage).toBe('enforcement');
    // Audited with the hearing's result, by the same write; nothing else on the case changed.
    const audit = await auditOf('case', String(k.id));
    expect(audit.at(-1)).toEqual({ action: 'hearings.recordResult', before: { hasJudgment: false }, after: { hasJudgment: true, hearingId: h.id, judgmentOn: '2026-11-24' } });
    expect((await auditOf('hearing', String(h.id))).at(-1)?.action).toBe('hearings.recordResult');

    // The lawyer, who cannot override, moves the case to enforcement.
    const moved = await call<CaseDetail>('cases.move', { id: judged.id, version: judged.version, to: 'enforcement' }, lawyer);
    expect(moved.stage).toBe('enforcement');
    expect(moved.history.at(-1)).toMatchObject({ to: 'enforcement', override: false });

    // A second judgment (an appeal's) on a case already judged writes nothing more to the case.
    const appeal = await call<HearingRow>('hearings.create', { caseId: k.id, onDate: '2026-11-25', type: 'judgment' }, lawyer);
    await call<HearingResultOut>('hearings.recordResult', { id: appeal.id, version: 1, result: 'judgment' }, lawyer);
    expect(await call<CaseDetail>('cases.get', { id: k.id })).toMatchObject({ hasJudgment: true, version: moved.version });
    expect((await auditOf('case', String(k.id))).filter((a) => a.action === 'hearings.recordResult')).toHaveLength(1);
  });

  it('any other result leaves the case without a judgment, and a refused judgment changes nothing', async () => {
    const k = await caseInLitigation();
    for (const [onDate, result] of [['2026-11-23', 'adjourned'], ['2026-11-24', 'settled'], ['2026-11-25', 'dismissed'], ['2026-11-26', 'other']] as const) {
      const h = await call<HearingRow>('hearings.create', { caseId: k.id, onDate }, lawyer);
      await call<HearingResultOut>('hearings.recordResult', { id: h.id, version: 1, result }, lawyer);
    }
    const after = await call<CaseDetail>('cases.get', { id: k.id });
    expect(after).toMatchObject({ hasJudgment: false, version: k.version });
    expect(enforcementGuards(after)).toEqual(['judgment_missing']);
    // A judgment refused (stale version) leaves the case as it was: the whole write rolled back.
    const h = await call<HearingRow>('hearings.create', { caseId: k.id, onDate: '2026-11-30' }, lawyer);
    expect(errorCode(await t.call('hearings.recordResult', { id: h.id, version: 2, result: 'judgment' }, lawyer))).toBe('conflict.stale');
    expect(errorCode(await t.call('hearings.recordResult', { id: h.id, version: 1, result: 'judgment', nextDate: '2026-12-04' }, lawyer))).toBe('hearings.non_working_day');
    expect(await call<CaseDetail>('cases.get', { id: k.id })).toMatchObject({ hasJudgment: false, version: k.version });
    expect((await auditOf('case', String(k.id))).map((a) => a.action)).not.toContain('hearings.recordResult');
  });

  it('the lawyer may still untick it on the case form (a judgment recorded by mistake), audited as a case edit', async () => {
    const k = await caseInLitigation();
    const h = await call<HearingRow>('hearings.create', { caseId: k.id, onDate: '2026-11-24' }, lawyer);
    await call<HearingResultOut>('hearings.recordResult', { id: h.id, version: 1, result: 'judgment' }, lawyer);
    const judged = await call<CaseDetail>('cases.get', { id: k.id });
    expect(judged.hasJudgment).toBe(true);
    const unticked = await call<CaseDetail>('cases.update', {
      id: judged.id,
      version: judged.version,
      case: { clientId: judged.clientId, debtorIds: judged.debtors.map((d) => d.id), instrumentType: 'invoice', principalMinor: judged.principalMinor, lawyerId: ids.lawyer, noticeDeliveredOn: '2026-10-01', hasJudgment: false },
    }, lawyer);
    expect(unticked.hasJudgment).toBe(false);
    expect(enforcementGuards(unticked)).toEqual(['judgment_missing']);
    expect((await auditOf('case', String(k.id))).at(-1)?.action).toBe('cases.update');
  });
});
