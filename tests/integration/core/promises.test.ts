// Promises to pay and disputes/holds through the real router on a real encrypted office: states from recorded
// payments, the case's place in the escalation queue (postponed, back with the reason), flags in and out of it.
// Payments are posted payments: the test writes them as payments rows and calls refreshPromises in the same
// transaction, as the payments service does when it posts or reverses one.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core/vault';
import type { Router } from '../../../electron/core/api/router';
import { refreshPromises } from '../../../electron/core/services/promises/standing';
import { todayIso } from '../../../electron/domain/dates';
import { unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail, QueueRow } from '../../../electron/contract/procedures/cases';
import type { CaseFlagRow, CasePromises, PromiseRow } from '../../../electron/contract/procedures/promises';
import type { DocumentRow } from '../../../electron/contract/procedures/documents';
import type { ApiResult } from '../../../electron/contract';
import { PASSWORD, errorCode, seededRouter, tempDir } from '../../fixtures/core';

const dir = tempDir();
const clock = { now: new Date('2026-11-22T09:00:00Z') }; // Sunday 22 November 2026, Riyadh
let vault: Vault;
let route: Router;
let token: string;
let clientId: number;
let debtorId: number;

const raw = (name: string, input: unknown): Promise<ApiResult<unknown>> => route(name, input, token);
const call = async <T,>(name: string, input: unknown): Promise<T> => unwrap(await raw(name, input)) as T;
/** Move the office's clock (the session would lock after days idle: sign in again, as a person would). */
const setDay = async (iso: string): Promise<void> => {
  clock.now = new Date(`${iso}T09:00:00+03:00`);
  token = (unwrap(await route('auth.login', { username: 'partner', password: PASSWORD }, null)) as { token: string }).token;
};
const newCase = async (principalMinor = 100000): Promise<CaseDetail> =>
  call<CaseDetail>('cases.create', { clientId, debtorIds: [debtorId], instrumentType: 'invoice', principalMinor });
const queue = async (): Promise<QueueRow[]> => (await call<{ rows: QueueRow[] }>('cases.escalationQueue', { limit: 200 })).rows;
const inQueue = async (caseId: number): Promise<QueueRow | undefined> => (await queue()).find((r) => r.id === caseId);
const promisesOf = (caseId: number): Promise<CasePromises> => call<CasePromises>('promises.forCase', { caseId });

/**
 * A posted payment as the payments service writes it (all to the principal: these cases have no costs or fees), with
 * the case's paid amount and the promise refresh in the same transaction.
 */
function recordPaid(caseId: number, on: string, amountMinor: number, time = '10:00:00.000Z'): number {
  const { sqlite, db } = vault.current();
  return sqlite.transaction(() => {
    const at = `${on}T${time}`;
    const r = sqlite
      .prepare(
        `INSERT INTO payments (case_id, on_date, amount_minor, currency, method, alloc_principal_minor, created_at) VALUES (?, ?, ?, 'SAR', 'bank_transfer', ?, ?)`,
      )
      .run(caseId, on, amountMinor, amountMinor, at);
    sqlite.prepare('UPDATE cases SET paid_minor = paid_minor + ? WHERE id = ?').run(amountMinor, caseId);
    refreshPromises(db, caseId, todayIso(clock.now));
    return Number(r.lastInsertRowid);
  })();
}

/** The payment's reversal (a bounced cheque): a new row with the negated amounts pointing at it. */
function reversePaid(id: number, on: string): void {
  const { sqlite, db } = vault.current();
  sqlite.transaction(() => {
    const p = sqlite.prepare('SELECT case_id AS caseId, amount_minor AS amount FROM payments WHERE id = ?').get(id) as { caseId: number; amount: number };
    sqlite
      .prepare(
        `INSERT INTO payments (case_id, on_date, amount_minor, currency, method, alloc_principal_minor, reverses_id, reversal_reason, created_at) VALUES (?, ?, ?, 'SAR', 'bank_transfer', ?, ?, 'شيك مرتجع', ?)`,
      )
      .run(p.caseId, on, -p.amount, -p.amount, id, `${on}T10:05:00.000Z`);
    sqlite.prepare('UPDATE cases SET paid_minor = paid_minor - ? WHERE id = ?').run(p.amount, p.caseId);
    refreshPromises(db, p.caseId, on);
  })();
}

/** A log entry on a case (a call), written as the log service writes it. */
function logEntry(caseId: number, on: string): number {
  const at = `${on}T10:00:00.000Z`;
  const r = vault
    .current()
    .sqlite.prepare(`INSERT INTO communications (case_id, channel, direction, occurred_at, outcome, created_at) VALUES (?, 'call', 'in', ?, 'promised', ?)`)
    .run(caseId, at, at);
  return Number(r.lastInsertRowid);
}

function storedQueue(caseId: number): { dueOn: string | null; reason: string | null; next: string | null } {
  return vault
    .current()
    .sqlite.prepare('SELECT escalation_due_on AS dueOn, escalation_reason AS reason, escalation_next_stage AS next FROM cases WHERE id = ?')
    .get(caseId) as { dueOn: string | null; reason: string | null; next: string | null };
}

beforeAll(async () => {
  ({ vault, route } = await seededRouter(dir, () => clock.now));
  token = (unwrap(await route('auth.login', { username: 'partner', password: PASSWORD }, null)) as { token: string }).token;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الاختبار', crNumber: '1010123456' })).id;
  debtorId = (await call<{ id: number }>('parties.create', { kind: 'person', name: 'سعد الحربي', nationalId: makeNationalId('1', '11223344') })).id;
});
afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('promises to pay', () => {
  it('refuses zero, more than the balance, a past date, a foreign log entry and a closed case, and writes nothing', async () => {
    await setDay('2026-11-22');
    const k = await newCase(100000);
    const other = await newCase(5000);
    const entry = logEntry(other.id, '2026-11-21');
    const base = { caseId: k.id, dueOn: '2026-11-30', channel: 'call' };
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: 0 }))).toBe('promises.amount');
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: 100001 }))).toBe('promises.amount');
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: -5 }))).toBe('input.invalid');
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: 500, dueOn: '2026-11-21' }))).toBe('promises.date');
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: 500, dueOn: '2026-13-01' }))).toBe('input.invalid');
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: 500, communicationId: entry }))).toBe('not_found');
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: 500, channel: 'pigeon' }))).toBe('input.invalid');
    // The balance is the claim less what was posted as paid (this payment came in before the promise was made).
    recordPaid(k.id, '2026-11-22', 30000, '05:00:00.000Z');
    expect(errorCode(await raw('promises.create', { ...base, amountMinor: 70001 }))).toBe('promises.amount');
    expect(await promisesOf(k.id)).toMatchObject({ promises: [], claimMinor: 100000, paidMinor: 30000, balanceMinor: 70000, currency: 'SAR' });
    // Due today is allowed; the whole balance too.
    const p = await call<PromiseRow>('promises.create', { ...base, amountMinor: 70000, dueOn: '2026-11-22' });
    expect(p).toMatchObject({ state: 'open', amountMinor: 70000, currency: 'SAR', madeOn: '2026-11-22', keptMinor: 0 });
    await call('cases.setStatus', { id: other.id, version: other.version, status: 'withdrawn' });
    expect(errorCode(await raw('promises.create', { ...base, caseId: other.id, amountMinor: 100 }))).toBe('cases.closed');
  });

  it('postpones the case to the day after the promise is due; broken, it is back in the queue with the reason', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    // A new case is due for its reminder at once (day 0 of the ladder).
    expect((await inQueue(k.id))?.reason).toBeNull();
    const p = await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 40000, dueOn: '2026-11-25', channel: 'call' });
    expect(storedQueue(k.id)).toEqual({ dueOn: '2026-11-26', reason: 'promise_due', next: 'reminder' });
    expect(await inQueue(k.id)).toBeUndefined();
    expect((await call<CaseDetail>('cases.get', { id: k.id })).escalation).toMatchObject({ due: false, dueOn: '2026-11-26', reason: 'promise_due' });
    await setDay('2026-11-25');
    expect(await inQueue(k.id)).toBeUndefined();
    expect((await promisesOf(k.id)).promises[0]?.state).toBe('open');
    // Nothing paid by the 25th: broken on the 26th, read live, and the case is in the queue saying so.
    await setDay('2026-11-26');
    expect((await promisesOf(k.id)).promises[0]).toMatchObject({ id: p.id, state: 'broken', keptMinor: 0 });
    expect(await inQueue(k.id)).toMatchObject({ reason: 'promise_due', promiseState: 'broken', nextStage: 'reminder', dueOn: '2026-11-26' });
  });

  it('partly kept: some paid by the due date; the queue says partly kept', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 40000, dueOn: '2026-11-25', channel: 'whatsapp' });
    recordPaid(k.id, '2026-11-24', 15000);
    await setDay('2026-11-26');
    expect((await promisesOf(k.id)).promises[0]).toMatchObject({ state: 'partly_kept', keptMinor: 15000 });
    expect(await inQueue(k.id)).toMatchObject({ reason: 'promise_due', promiseState: 'partly_kept' });
  });

  it('kept: paid in full on the due date returns the case to the ladder’s own step; the stored state follows', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    const p = await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 40000, dueOn: '2026-11-25', channel: 'call' });
    await setDay('2026-11-25');
    recordPaid(k.id, '2026-11-25', 25000);
    recordPaid(k.id, '2026-11-25', 15000);
    const stored = vault.current().sqlite.prepare('SELECT state, kept_minor AS kept FROM promises WHERE id = ?').get(p.id);
    expect(stored).toEqual({ state: 'kept', kept: 40000 });
    expect(storedQueue(k.id)).toEqual({ dueOn: '2026-11-22', reason: null, next: 'reminder' });
    expect(await inQueue(k.id)).toMatchObject({ reason: null, promiseState: null });
  });

  it('a payment a day late does not keep it; a reversed payment no longer counts', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 40000, dueOn: '2026-11-25', channel: 'call' });
    const bounced = recordPaid(k.id, '2026-11-24', 40000);
    expect((await promisesOf(k.id)).promises[0]).toMatchObject({ state: 'kept', keptMinor: 40000 });
    // The cheque bounced: its reversal takes it out, and the promise is open again.
    reversePaid(bounced, '2026-11-24');
    expect((await promisesOf(k.id)).paidMinor).toBe(0);
    expect((await promisesOf(k.id)).promises[0]).toMatchObject({ state: 'open', keptMinor: 0 });
    await setDay('2026-11-26');
    recordPaid(k.id, '2026-11-26', 40000);
    expect((await promisesOf(k.id)).promises[0]).toMatchObject({ state: 'broken', keptMinor: 0 });
    expect(await inQueue(k.id)).toMatchObject({ promiseState: 'broken' });
  });

  it('several promises: payments pay the earliest first; the last one due holds the queue', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    const first = await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 10000, dueOn: '2026-11-24', channel: 'call' });
    const second = await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 20000, dueOn: '2026-12-01', channel: 'call' });
    expect(storedQueue(k.id)).toMatchObject({ dueOn: '2026-12-02', reason: 'promise_due' });
    recordPaid(k.id, '2026-11-23', 15000);
    const rows = (await promisesOf(k.id)).promises;
    expect(rows.find((r) => r.id === first.id)).toMatchObject({ state: 'kept', keptMinor: 10000 });
    expect(rows.find((r) => r.id === second.id)).toMatchObject({ state: 'open', keptMinor: 5000 });
    recordPaid(k.id, '2026-11-30', 15000);
    expect((await promisesOf(k.id)).promises.find((r) => r.id === second.id)).toMatchObject({ state: 'kept', keptMinor: 20000 });
    expect(storedQueue(k.id).reason).toBeNull();
  });

  it('cancels with a reason, once; the case returns to the ladder', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    const p = await call<PromiseRow>('promises.create', { caseId: k.id, amountMinor: 40000, dueOn: '2026-12-10', channel: 'visit' });
    expect(errorCode(await raw('promises.cancel', { id: p.id, version: p.version, reason: '  ' }))).toBe('input.invalid');
    const c = await call<PromiseRow>('promises.cancel', { id: p.id, version: p.version, reason: 'سُجّل على الملف الخطأ' });
    expect(c).toMatchObject({ cancelReason: 'سُجّل على الملف الخطأ', version: 2 });
    expect(c.cancelledAt).not.toBeNull();
    expect(errorCode(await raw('promises.cancel', { id: p.id, version: p.version, reason: 'مرة أخرى' }))).toBe('conflict.stale');
    expect((await promisesOf(k.id)).promises[0]).toMatchObject({ cancelReason: 'سُجّل على الملف الخطأ' });
    expect(storedQueue(k.id)).toMatchObject({ reason: null, dueOn: '2026-11-22' });
    const audit = vault.current().sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'promise' AND entity_id = ? ORDER BY seq").all(String(p.id));
    expect(audit).toEqual([{ action: 'promises.create' }, { action: 'promises.cancel' }]);
  });
});

describe('disputes and holds', () => {
  it('a dispute takes the case out of the queue until resolved; one open dispute at a time; recorded', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    const other = await newCase();
    const doc = await call<DocumentRow>('documents.upload', {
      owner: { caseId: k.id },
      fileName: 'objection.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64'),
      type: 'correspondence',
    });
    const foreign = await call<DocumentRow>('documents.upload', {
      owner: { caseId: other.id },
      fileName: 'x.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64'),
      type: 'other',
    });
    expect(errorCode(await raw('cases.dispute', { caseId: k.id, reason: 'المدين ينكر المديونية', documentIds: [foreign.id] }))).toBe('not_found');
    expect(errorCode(await raw('cases.dispute', { caseId: k.id, reason: ' ' }))).toBe('input.invalid');
    expect(await inQueue(k.id)).toBeDefined();
    const d = await call<CaseDetail>('cases.dispute', { caseId: k.id, reason: 'المدين ينكر المديونية', documentIds: [doc.id] });
    expect(d).toMatchObject({ status: 'disputed', escalation: { dueOn: null, reason: null } });
    expect(await inQueue(k.id)).toBeUndefined();
    expect(errorCode(await raw('cases.dispute', { caseId: k.id, reason: 'مرة ثانية' }))).toBe('cases.flag_open');
    expect(errorCode(await raw('cases.setStatus', { id: k.id, version: d.version, status: 'active' }))).toBe('cases.flag_open');
    expect(errorCode(await raw('cases.setStatus', { id: other.id, version: other.version, status: 'disputed' }))).toBe('input.invalid');
    const flags = await call<CaseFlagRow[]>('cases.flags', { caseId: k.id });
    expect(flags).toMatchObject([{ kind: 'dispute', reason: 'المدين ينكر المديونية', documents: [{ id: doc.id, fileName: 'objection.pdf' }], resolvedAt: null }]);
    const r = await call<CaseDetail>('cases.resolveFlag', { flagId: flags[0]?.id, resolution: 'قدّم المدين ما يثبت السداد الجزئي وتمت التسوية' });
    expect(r).toMatchObject({ status: 'active', escalation: { dueOn: '2026-11-22', reason: null } });
    expect(await inQueue(k.id)).toBeDefined();
    expect(errorCode(await raw('cases.resolveFlag', { flagId: flags[0]?.id, resolution: 'again' }))).toBe('conflict.stale');
    const history = vault.current().sqlite.prepare("SELECT action, entity FROM audit_log WHERE action IN ('cases.dispute', 'cases.resolveFlag') ORDER BY seq").all();
    expect(history).toEqual([
      { action: 'cases.dispute', entity: 'case_flag' },
      { action: 'cases.dispute', entity: 'case' },
      { action: 'cases.resolveFlag', entity: 'case_flag' },
      { action: 'cases.resolveFlag', entity: 'case' },
    ]);
  });

  it('a hold until a date returns the case to the queue on that date with the reason; a hold without a date waits', async () => {
    await setDay('2026-11-22');
    const k = await newCase();
    expect(errorCode(await raw('cases.hold', { caseId: k.id, reason: 'طلب الموكل', until: '2026-11-22' }))).toBe('input.invalid');
    const h = await call<CaseDetail>('cases.hold', { caseId: k.id, reason: 'طلب الموكل إيقاف المطالبة', until: '2026-11-30' });
    expect(h).toMatchObject({ status: 'on_hold', escalation: { dueOn: '2026-11-30', reason: 'hold_ended', due: false } });
    expect(await inQueue(k.id)).toBeUndefined();
    expect(errorCode(await raw('cases.hold', { caseId: k.id, reason: 'ثانٍ' }))).toBe('cases.flag_open');
    // A dispute on top of the hold: disputed, out of the queue even past the hold's date.
    const d = await call<CaseDetail>('cases.dispute', { caseId: k.id, reason: 'اعتراض' });
    expect(d.status).toBe('disputed');
    await setDay('2026-11-30');
    expect(await inQueue(k.id)).toBeUndefined();
    const dispute = (await call<CaseFlagRow[]>('cases.flags', { caseId: k.id })).find((f) => f.kind === 'dispute');
    const back = await call<CaseDetail>('cases.resolveFlag', { flagId: dispute?.id, resolution: 'سُحب الاعتراض' });
    expect(back.status).toBe('on_hold');
    expect(await inQueue(k.id)).toMatchObject({ reason: 'hold_ended', dueOn: '2026-11-30', nextStage: 'reminder' });
    const hold = (await call<CaseFlagRow[]>('cases.flags', { caseId: k.id })).find((f) => f.kind === 'hold');
    const active = await call<CaseDetail>('cases.resolveFlag', { flagId: hold?.id, resolution: 'استؤنفت المطالبة' });
    expect(active).toMatchObject({ status: 'active', escalation: { reason: null, dueOn: '2026-11-22' } });

    const open = await newCase();
    await call<CaseDetail>('cases.hold', { caseId: open.id, reason: 'تفاوض' });
    expect(storedQueue(open.id)).toEqual({ dueOn: null, reason: null, next: null });
  });
});
