// The communication log through the real router on a real encrypted office: entries, corrections that keep the
// original, follow-up tasks, closed cases, and the SAMA rule pack refusing (and a partner overriding) contact and letters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { readKeyring, unwrapKey } from '../../../db/keyring';
import { applyKey } from '../../../db/open';
import { DB_FILE, KEYRING_FILE } from '../../../electron/core/vault';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { CaseAllowance, CommunicationRow, LogEntryInput, LogGroup } from '../../../electron/contract/procedures/activity';
import type { BatchCheck } from '../../../electron/contract/procedures/letters';
import type { ApiResult } from '../../../electron/contract';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
let partner: string;
let paralegal: string;
let plainClient: number;
let samaClient: number;
let recoveryCode: string;
let seq = 0;
const ADDRESS = { buildingNo: '1234', street: 'طريق الملك فهد', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNo: '5678' };

const call = async <T,>(name: string, input: unknown, session = partner): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const details = (r: ApiResult<unknown>): unknown => (r.ok ? undefined : r.error.details);

async function newDebtor(): Promise<number> {
  seq++;
  return (await call<{ id: number }>('parties.create', { kind: 'person', name: `سعد بن فهد القحطاني ${seq}`, nationalId: makeNationalId('1', String(30_000_000 + seq)), address: ADDRESS })).id;
}

async function newCase(clientId: number, opts: { debtorId?: number; guarantor?: boolean } = {}): Promise<CaseDetail> {
  const debtorId = opts.debtorId ?? (await newDebtor());
  const guarantorIds = opts.guarantor ? [await newDebtor()] : [];
  seq++;
  return call<CaseDetail>('cases.create', { clientId, clientReference: `R-${seq}`, debtorIds: [debtorId], guarantorIds, instrumentType: 'promissory_note', instrumentNumber: `PN-${seq}`, principalMinor: 500_000, dueDate: '2026-06-01' });
}

/** A call at a Riyadh wall-clock time on the fixture's day (Sunday 2026-11-22, the clock says 12:00). */
function entry(k: CaseDetail, over: Partial<LogEntryInput> = {}): LogEntryInput {
  return { caseId: k.id, channel: 'call', direction: 'out', occurredAt: '2026-11-22T10:00:00+03:00', partyId: k.debtors[0]!.id, outcome: 'no_answer', ...over };
}

/** A second connection with the key, for what the API does not show (tasks, audit details) or must refuse (DELETE). */
async function raw(): Promise<Database.Database> {
  const key = await unwrapKey(readKeyring(join(t.dir, KEYRING_FILE)).entries.find((e) => e.kind === 'recovery')!, recoveryCode);
  const db = new Database(join(t.dir, DB_FILE));
  applyKey(db, key!);
  return db;
}

async function logCount(caseId: number): Promise<number> {
  return (await call<LogGroup[]>('activity.forCase', { caseId })).reduce((n, g) => n + g.versions.length, 0);
}

beforeAll(async () => {
  t = startCore();
  const office = await seedOffice(t.core, { password: PASSWORD });
  partner = office.partnerToken;
  recoveryCode = office.recoveryCode;
  paralegal = (unwrap(await t.call('auth.login', { username: 'paralegal', password: PASSWORD })) as { token: string }).token;
  plainClient = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة التوريدات الحديثة', crNumber: '1010654321' })).id;
  samaClient = (
    await call<{ id: number }>('clients.create', {
      kind: 'company',
      nameAr: 'بنك الخليج للتمويل',
      crNumber: '1010123456',
      rulePack: 'sama',
      powersOfAttorney: [{ number: '4412345', issuedOn: '2026-01-10' }],
    })
  ).id;
});
afterAll(() => t.dispose());

describe('the communication log', () => {
  it('logs a call with its party, and a follow-up date becomes a task for whoever logged it', async () => {
    const k = await newCase(plainClient);
    const e = await call<CommunicationRow>('activity.log', entry(k, { outcome: 'call_back', notes: 'طلب الاتصال بعد صلاة العصر', followUpOn: '2026-11-24' }), paralegal);
    expect(e).toMatchObject({ caseId: k.id, channel: 'call', direction: 'out', occurredAt: '2026-11-22T07:00:00.000Z', partyRole: 'debtor', outcome: 'call_back', followUpOn: '2026-11-24', userName: expect.any(String) as string, correctsId: null });
    expect(e.partyName).toContain('سعد بن فهد القحطاني');
    const db = await raw();
    const task = db.prepare("SELECT * FROM tasks WHERE source = 'follow_up' AND source_id = ?").get(e.id) as Record<string, unknown>;
    db.close();
    expect(task).toMatchObject({ case_id: k.id, assignee_id: e.userId, due_on: '2026-11-24', done_at: null });
    expect(String(task.title)).toContain(k.reference);
  });

  it('takes a contact who is not a party by name, and lists newest first', async () => {
    const k = await newCase(plainClient);
    await call('activity.log', entry(k, { occurredAt: '2026-11-22T09:00:00+03:00' }));
    await call('activity.log', entry(k, { occurredAt: '2026-11-22T11:00:00+03:00', partyId: null, contactName: 'أخو المدين', channel: 'whatsapp' }));
    await call('activity.log', entry(k, { occurredAt: '2026-11-21T16:00:00+03:00', direction: 'in', outcome: 'promised' }));
    const log = await call<LogGroup[]>('activity.forCase', { caseId: k.id });
    expect(log.map((g) => g.versions[0]!.occurredAt)).toEqual(['2026-11-22T08:00:00.000Z', '2026-11-22T06:00:00.000Z', '2026-11-21T13:00:00.000Z']);
    expect(log[0]!.versions[0]).toMatchObject({ partyId: null, contactName: 'أخو المدين', partyRole: null, channel: 'whatsapp' });
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const k = await newCase(plainClient);
    const other = await newCase(plainClient);
    const cases: [Partial<LogEntryInput>, string][] = [
      [{ followUpOn: '2026-11-21' }, 'activity.follow_up_past'],
      [{ occurredAt: '2026-11-22T14:00:00+03:00' }, 'input.invalid'], // the clock says 12:00
      [{ partyId: other.debtors[0]!.id }, 'input.invalid'],
      [{ partyId: null, contactName: '' }, 'input.invalid'],
      [{ outcome: 'paid' }, 'input.invalid'],
      [{ attachments: [999_999] }, 'not_found'],
      [{ occurredAt: 'yesterday' }, 'input.invalid'],
    ];
    for (const [over, code] of cases) {
      const r = await t.call('activity.log', entry(k, over), paralegal);
      expect(errorCode(r), JSON.stringify(over)).toBe(code);
    }
    const notOnCase = await t.call('activity.log', entry(k, { partyId: other.debtors[0]!.id }), paralegal);
    expect(details(notOnCase)).toEqual([{ path: 'partyId', code: 'custom', message: 'validation.party_not_on_case' }]);
    expect(await logCount(k.id)).toBe(0);
    expect(errorCode(await t.call('activity.log', entry(k), (unwrap(await t.call('auth.login', { username: 'staff', password: PASSWORD })) as { token: string }).token))).toBe('permission.denied');
    // A follow-up today is not in the past; a payment states its amount.
    await call('activity.log', entry(k, { followUpOn: '2026-11-22', outcome: 'paid', paidMinor: 150_000 }));
    expect((await call<LogGroup[]>('activity.forCase', { caseId: k.id }))[0]!.versions[0]!.paidMinor).toBe(150_000);
  });

  it('corrects by a new entry that keeps the original; only the latest version can be corrected', async () => {
    const k = await newCase(plainClient);
    const first = await call<CommunicationRow>('activity.log', entry(k, { outcome: 'no_answer', notes: 'لم يرد' }), paralegal);
    const second = await call<CommunicationRow>('activity.correct', { ...entry(k, { outcome: 'promised', notes: 'وعد بالسداد يوم الخميس' }), id: first.id }, paralegal);
    expect(second.correctsId).toBe(first.id);
    expect(errorCode(await t.call('activity.correct', { ...entry(k, { outcome: 'refused' }), id: first.id }, paralegal))).toBe('activity.correction_of_correction');
    const third = await call<CommunicationRow>('activity.correct', { ...entry(k, { outcome: 'promised', notes: 'وعد بالسداد يوم الأربعاء' }), id: second.id });
    const log = await call<LogGroup[]>('activity.forCase', { caseId: k.id });
    expect(log).toHaveLength(1);
    expect(log[0]!.id).toBe(first.id);
    expect(log[0]!.versions.map((v) => [v.id, v.notes])).toEqual([
      [first.id, 'لم يرد'],
      [second.id, 'وعد بالسداد يوم الخميس'],
      [third.id, 'وعد بالسداد يوم الأربعاء'],
    ]);
    const db = await raw();
    // No delete anywhere: the database itself refuses.
    expect(() => db.prepare('DELETE FROM communications WHERE id = ?').run(first.id)).toThrow();
    const audit = db.prepare("SELECT before, after FROM audit_log WHERE action = 'activity.correct' AND entity_id = ?").get(String(second.id)) as { before: string; after: string };
    db.close();
    expect(JSON.parse(audit.before)).toMatchObject({ id: first.id, notes: 'لم يرد' });
    expect(JSON.parse(audit.after)).toMatchObject({ correctsId: first.id, notes: 'وعد بالسداد يوم الخميس' });
  });

  it("does not correct a letter's own entry: that goes through the letter", async () => {
    const k = await newCase(plainClient);
    await call('letters.generate', { caseId: k.id, kind: 'reminder', lang: 'ar' });
    const [g] = await call<LogGroup[]>('activity.forCase', { caseId: k.id });
    expect(g!.versions[0]).toMatchObject({ channel: 'letter', outcome: 'generated', letterNumber: expect.stringMatching(/^OUT-2026-/) as string });
    expect(errorCode(await t.call('activity.correct', { ...entry(k), id: g!.id }, partner))).toBe('activity.letter_entry');
  });

  it('a closed case takes only what makes sense: returned or delivered post, a payment, an incoming call', async () => {
    const k = await newCase(plainClient);
    await call('cases.setStatus', { id: k.id, version: k.version, status: 'closed_uncollectable', reason: 'لا أصول' });
    expect(errorCode(await t.call('activity.log', entry(k), paralegal))).toBe('activity.closed_case');
    expect(errorCode(await t.call('activity.log', entry(k, { channel: 'visit', outcome: 'promised' }), paralegal))).toBe('activity.closed_case');
    await call('activity.log', entry(k, { channel: 'letter', direction: 'in', outcome: 'returned' }), paralegal);
    await call('activity.log', entry(k, { direction: 'in', outcome: 'disputed' }), paralegal);
    await call('activity.log', entry(k, { outcome: 'paid', paidMinor: 1000 }), paralegal);
    expect(await logCount(k.id)).toBe(3);
  });
});

describe('the SAMA rule pack', () => {
  let k: CaseDetail;
  let debtor: number;

  it('counts call attempts across the client’s cases and refuses the eleventh with the rule named', async () => {
    debtor = await newDebtor();
    k = await newCase(samaClient, { debtorId: debtor, guarantor: true });
    const sibling = await newCase(samaClient, { debtorId: debtor });
    const elsewhere = await newCase(plainClient, { debtorId: debtor });
    expect((await call<CaseAllowance>('activity.allowance', { caseId: k.id })).parties).toEqual([
      { partyId: debtor, name: expect.any(String) as string, role: 'debtor', used: 0, limit: 10, left: 10, windowDays: 30 },
      { partyId: k.guarantors[0]!.id, name: expect.any(String) as string, role: 'guarantor', used: 0, limit: 10, left: 10, windowDays: 30 },
    ]);
    // Seven calls on this case (one in the previous week), three on another case of the same bank; calls for another client and incoming calls do not count.
    for (let i = 0; i < 6; i++) await call('activity.log', entry(k, { occurredAt: `2026-11-22T09:0${i}:00+03:00` }), paralegal);
    await call('activity.log', entry(k, { occurredAt: '2026-11-05T09:00:00+03:00' }), paralegal);
    for (let i = 0; i < 3; i++) await call('activity.log', entry(sibling, { occurredAt: `2026-11-22T10:0${i}:00+03:00` }), paralegal);
    await call('activity.log', entry(elsewhere, { occurredAt: '2026-11-22T10:30:00+03:00' }), paralegal);
    await call('activity.log', entry(k, { direction: 'in', outcome: 'promised' }), paralegal);
    await call('activity.log', entry(k, { channel: 'sms', outcome: 'delivered' }), paralegal);
    const allowance = await call<CaseAllowance>('activity.allowance', { caseId: k.id });
    expect(allowance.pack).toBe('sama');
    expect(allowance.parties[0]).toMatchObject({ used: 10, left: 0 });

    const before = await logCount(k.id);
    const refused = await t.call('activity.log', entry(k, { occurredAt: '2026-11-22T11:00:00+03:00' }), paralegal);
    expect(errorCode(refused)).toBe('rules.breach');
    expect(details(refused)).toEqual({ breaches: [{ code: 'call_cap', limit: 10, window: 30, used: 10 }] });
    // The guarantor has his own allowance.
    await call('activity.log', entry(k, { partyId: k.guarantors[0]!.id }), paralegal);
    expect(await logCount(k.id)).toBe(before + 1);
  });

  it('a paralegal cannot override; a partner can, with a reason, and the entry and the audit keep it', async () => {
    const eleventh = entry(k, { occurredAt: '2026-11-22T11:00:00+03:00' });
    expect(errorCode(await t.call('activity.log', { ...eleventh, override: true, overrideReason: 'طلب المدين' }, paralegal))).toBe('permission.denied');
    expect(errorCode(await t.call('activity.log', { ...eleventh, override: true, overrideReason: '  ' }, partner))).toBe('rules.override_reason');
    const e = await call<CommunicationRow>('activity.log', { ...eleventh, override: true, overrideReason: 'المدين طلب الاتصال به لترتيب السداد' });
    expect(e).toMatchObject({ overrideReason: 'المدين طلب الاتصال به لترتيب السداد', overriddenRules: ['call_cap'] });
    const db = await raw();
    const audit = db.prepare("SELECT after FROM audit_log WHERE action = 'activity.log' AND entity_id = ?").get(String(e.id)) as { after: string };
    db.close();
    expect(JSON.parse(audit.after)).toMatchObject({ overrideReason: 'المدين طلب الاتصال به لترتيب السداد', overriddenRules: ['call_cap'] });
    // An override that was not needed records nothing.
    const plain = await call<CommunicationRow>('activity.log', entry(k, { channel: 'sms', override: true, overrideReason: 'لا داعي' }));
    expect(plain).toMatchObject({ overrideReason: '', overriddenRules: [] });
  });

  it('correcting a call does not count it twice', async () => {
    const log = await call<LogGroup[]>('activity.forCase', { caseId: k.id });
    const call10 = log.flatMap((g) => g.versions).find((v) => v.channel === 'call' && v.direction === 'out' && v.partyId === debtor && v.overriddenRules.length === 0)!;
    await call('activity.correct', { ...entry(k, { occurredAt: call10.occurredAt, outcome: 'wrong_number' }), id: call10.id }, paralegal);
    expect((await call<CaseAllowance>('activity.allowance', { caseId: k.id })).parties[0]!.used).toBe(11);
  });

  it('frees the window as days pass: the call of 5 November leaves it on 5 December', async () => {
    // Days pass: sessions lock when idle that long, so sign in again at each date.
    const usedOn = async (instant: string): Promise<number> => {
      t.clock.now = new Date(instant);
      const token = (unwrap(await t.call('auth.login', { username: 'paralegal', password: PASSWORD })) as { token: string }).token;
      return (await call<CaseAllowance>('activity.allowance', { caseId: k.id }, token)).parties[0]!.used;
    };
    expect(await usedOn('2026-12-04T20:59:00Z')).toBe(11); // 23:59 Riyadh on 4 December: day 30 of the window
    expect(await usedOn('2026-12-04T21:00:00Z')).toBe(10); // midnight Riyadh: 5 December, day 31
    expect(await usedOn('2026-12-22T09:00:00Z')).toBe(0);
    t.clock.now = new Date('2026-11-22T09:00:00Z');
    partner = (unwrap(await t.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string }).token;
    paralegal = (unwrap(await t.call('auth.login', { username: 'paralegal', password: PASSWORD })) as { token: string }).token;
  });

  it('refuses contact outside hours, on Friday, and with someone who is not a party; Saturday per setting', async () => {
    const fresh = await newCase(samaClient, { guarantor: true });
    const codes = async (over: Partial<LogEntryInput>): Promise<unknown> => details(await t.call('activity.log', entry(fresh, over), paralegal));
    expect(await codes({ occurredAt: '2026-11-22T07:59:00+03:00' })).toEqual({ breaches: [{ code: 'outside_hours', from: '08:00', to: '20:00', at: '07:59' }] });
    expect(await codes({ occurredAt: '2026-11-20T10:00:00+03:00' })).toEqual({ breaches: [{ code: 'non_working_day', weekday: 5, date: '2026-11-20' }] });
    expect(await codes({ partyId: null, contactName: 'زميل المدين في العمل' })).toEqual({ breaches: [{ code: 'not_party' }] });
    expect(errorCode(await t.call('activity.log', entry(fresh, { occurredAt: '2026-11-21T10:00:00+03:00' }), paralegal))).toBe('rules.breach');
    await call('settings.update', { samaSaturdayAllowed: true, samaHoursFrom: '07:30' });
    await call('activity.log', entry(fresh, { occurredAt: '2026-11-21T10:00:00+03:00' }), paralegal);
    await call('activity.log', entry(fresh, { occurredAt: '2026-11-22T07:45:00+03:00' }), paralegal);
    await call('settings.update', { samaSaturdayAllowed: false, samaHoursFrom: '08:00' });
    expect(errorCode(await t.call('settings.update', { samaHoursFrom: '8am' }, partner))).toBe('input.invalid');
    // Without a pack the same contact is allowed.
    const plain = await newCase(plainClient);
    await call('activity.log', entry(plain, { occurredAt: '2026-11-20T23:00:00+03:00', partyId: null, contactName: 'زميل المدين في العمل' }), paralegal);
  });

  it('no reminder, final notice or demand while a dispute is open — calls still allowed; other clients unaffected', async () => {
    const disputed = await newCase(samaClient);
    const plainDisputed = await newCase(plainClient);
    const db = await raw();
    const open = db.prepare("INSERT INTO case_flags (case_id, kind, reason, opened_at) VALUES (?, 'dispute', 'ينكر المديونية', '2026-11-20T09:00:00Z')");
    const flag = open.run(disputed.id).lastInsertRowid;
    open.run(plainDisputed.id);
    db.close();
    for (const kind of ['reminder', 'final_notice', 'demand']) {
      const r = await t.call('letters.generate', { caseId: disputed.id, kind, lang: 'ar' }, partner);
      expect(errorCode(r)).toBe('rules.breach');
      expect(details(r)).toEqual({ breaches: [{ code: 'reminder_during_dispute', letterKind: kind }] });
    }
    const check = await call<BatchCheck>('letters.batchCheck', { selection: { caseIds: [disputed.id, plainDisputed.id] }, kind: 'reminder', lang: 'ar' });
    expect(check.blocked).toEqual([{ caseId: disputed.id, reference: disputed.reference, debtorName: disputed.debtors[0]!.name, reasons: [{ code: 'rule_pack', detail: 'reminder_during_dispute' }] }]);
    expect(check.ready.map((r) => r.caseId)).toEqual([plainDisputed.id]);
    await call('letters.generate', { caseId: plainDisputed.id, kind: 'reminder', lang: 'ar' });
    await call('activity.log', entry(disputed, { outcome: 'disputed' }), paralegal);
    // Resolved: the reminder goes out.
    const db2 = await raw();
    db2.prepare("UPDATE case_flags SET resolved_at = '2026-11-22T08:00:00Z' WHERE id = ?").run(flag);
    db2.close();
    await call('letters.generate', { caseId: disputed.id, kind: 'reminder', lang: 'ar' });
  });
});
