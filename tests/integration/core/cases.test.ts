// Clients, debtors and cases through the real router: ladder guards, references, search, queue, conflicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail, SearchResults, CaseRow, QueueRow } from '../../../electron/contract/procedures/cases';
import type { ClientDetail, PartyDetail } from '../../../electron/contract/procedures/parties';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
let token: string;
let paralegal: string;
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await t.call(name, input, session)) as T;

const client = { kind: 'company', nameAr: 'مصرف الإنماء التجاري', nameEn: 'Inmaa Commercial Bank', crNumber: '1010123456' };
const debtor = (id: string, name = 'أحمد بن عبد الله الشهري', phones = ['055 123 4567', '٠٥٠١٢٣٤٥٦٧']) => ({
  kind: 'person',
  name,
  nationalId: id,
  phones,
  address: { buildingNo: '1234', street: 'طريق الملك فهد', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNo: '5678' },
});

beforeAll(async () => {
  t = startCore();
  const office = await seedOffice(t.core, { password: PASSWORD });
  token = office.partnerToken;
  paralegal = ((unwrap(await t.call('auth.login', { username: 'paralegal', password: PASSWORD }))) as { token: string }).token;
});
afterAll(() => t.dispose());

describe('parties', () => {
  it('stores phones normalised and refuses a second debtor with the same ID, naming the existing one', async () => {
    const id = makeNationalId('1', '23456789');
    const created = await call<PartyDetail>('parties.create', debtor(id));
    expect(created.phones).toEqual(['+966551234567', '+966501234567']);
    const dup = await t.call('parties.create', debtor(id, 'اسم آخر'), token);
    expect(errorCode(dup)).toBe('parties.duplicate');
    expect(dup.ok ? null : dup.error.details).toMatchObject({ id: created.id });
    const bad = await t.call('parties.create', debtor('1234567890'), token);
    expect(bad.ok ? null : bad.error.details).toEqual([{ path: 'nationalId', code: 'custom', message: 'validation.national_id_checksum' }]);
  });
});

describe('cases', () => {
  let kase: CaseDetail;
  it('creates a case with a gapless office reference and refuses nonsense', async () => {
    const c = await call<ClientDetail>('clients.create', client);
    const d = await call<PartyDetail>('parties.create', debtor(makeNationalId('1', '34567890'), 'مُحَمَّد عبد الله القحطاني', ['0559876543']));
    const input = { clientId: c.id, clientReference: 'INM-77', debtorIds: [d.id], instrumentType: 'invoice', principalMinor: 1575050, dueDate: '2026-06-01' };
    kase = await call<CaseDetail>('cases.create', input);
    expect(kase.reference).toBe('TH-2026-000001');
    expect(kase.stage).toBe('intake');
    expect(kase.claimMinor).toBe(1575050);
    const second = await call<CaseDetail>('cases.create', { ...input, clientReference: 'INM-78' });
    expect(second.reference).toBe('TH-2026-000002');
    expect(errorCode(await t.call('cases.create', { ...input, clientReference: 'INM-79', principalMinor: -5 }, token))).toBe('input.invalid');
    const far = await t.call('cases.create', { ...input, clientReference: 'INM-80', dueDate: '2099-01-01' }, token);
    expect(far.ok ? null : far.error.details).toEqual([{ path: 'dueDate', code: 'custom', message: 'validation.date_far_future' }]);
    expect(errorCode(await t.call('cases.create', { ...input, clientReference: 'INM-77' }, token))).toBe('input.invalid');
    expect(errorCode(await t.call('clients.delete', { id: c.id }, token))).toBe('clients.has_cases');
  });

  it('moves along the ladder; filing waits for the notice and says until when; a partner may override with a reason', async () => {
    for (const to of ['reminder', 'follow_up', 'final_notice', 'demand']) {
      kase = await call<CaseDetail>('cases.move', { id: kase.id, version: kase.version, to });
    }
    const early = await t.call('cases.move', { id: kase.id, version: kase.version, to: 'litigation' }, token);
    expect(errorCode(early)).toBe('cases.guarded');
    expect(early.ok ? null : early.error.details).toEqual([expect.objectContaining({ code: 'notice_missing' })]);
    const { debtors: _d, guarantors: _g, ...rest } = kase;
    void rest;
    kase = await call<CaseDetail>('cases.update', {
      id: kase.id,
      version: kase.version,
      case: { clientId: kase.clientId, clientReference: kase.clientReference, debtorIds: kase.debtors.map((x) => x.id), instrumentType: 'invoice', principalMinor: kase.principalMinor, dueDate: kase.dueDate, noticeDeliveredOn: '2026-11-22' },
    });
    const wait = await t.call('cases.move', { id: kase.id, version: kase.version, to: 'litigation' }, token);
    expect(wait.ok ? null : wait.error.details).toEqual([
      expect.objectContaining({ code: 'notice_wait', params: expect.objectContaining({ earliest: '2026-12-07', delivered: '2026-11-22', days: 15 }) as unknown }),
    ]);
    expect(errorCode(await t.call('cases.move', { id: kase.id, version: kase.version, to: 'litigation', override: true }, token))).toBe('cases.override_reason');
    expect(errorCode(await t.call('cases.move', { id: kase.id, version: kase.version, to: 'litigation', override: true, reason: 'x' }, paralegal))).toBe('permission.denied');
    kase = await call<CaseDetail>('cases.move', { id: kase.id, version: kase.version, to: 'litigation', override: true, reason: 'أمر من المحكمة' });
    expect(kase.stage).toBe('litigation');
    expect(kase.history.map((h) => h.to)).toEqual(['intake', 'reminder', 'follow_up', 'final_notice', 'demand', 'litigation']);
    expect(kase.history.at(-1)).toMatchObject({ override: true, reason: 'أمر من المحكمة' });
  });

  it('tells a stale save that the case changed, and keeps a closed case from edits', async () => {
    const stale = await t.call('cases.move', { id: kase.id, version: kase.version - 1, to: 'closed' }, token);
    expect(errorCode(stale)).toBe('conflict.stale');
    expect(stale.ok ? null : (stale.error.details as CaseDetail).version).toBe(kase.version);
    kase = await call<CaseDetail>('cases.setStatus', { id: kase.id, version: kase.version, status: 'closed_paid' });
    kase = await call<CaseDetail>('cases.move', { id: kase.id, version: kase.version, to: 'closed' });
    const edit = await t.call('cases.update', { id: kase.id, version: kase.version, case: { clientId: kase.clientId, debtorIds: [kase.debtors[0]!.id], instrumentType: 'invoice', principalMinor: 1 } }, token);
    expect(errorCode(edit)).toBe('cases.closed');
  });

  it('finds cases, debtors and clients without hamza or diacritics, by reference fragment and phone in any form', async () => {
    const s = (q: string): Promise<SearchResults> => call<SearchResults>('search.global', { query: q });
    expect((await s('احمد')).parties.map((p) => p.name)).toContain('أحمد بن عبد الله الشهري');
    expect((await s('محمد عبدالله')).parties.map((p) => p.name)).toContain('مُحَمَّد عبد الله القحطاني');
    expect((await s('000002')).cases.map((c) => c.reference)).toEqual(['TH-2026-000002']);
    expect((await s('0551234567')).parties).toHaveLength(1);
    expect((await s('+966 55 123 4567')).parties).toHaveLength(1);
    expect((await s('الانماء')).clients.map((c) => c.nameEn)).toEqual(['Inmaa Commercial Bank']);
  });

  it('lists with filters and keyset pages, and queues what is due', async () => {
    const list = await call<{ rows: CaseRow[]; total: number; nextCursor: string | null }>('cases.list', { limit: 1, filter: { stages: ['intake'] } });
    expect(list.total).toBe(1);
    expect(list.rows[0]?.reference).toBe('TH-2026-000002');
    const all = await call<{ rows: CaseRow[]; nextCursor: string | null }>('cases.list', { limit: 1, sort: 'reference', dir: 'asc' });
    const next = await call<{ rows: CaseRow[] }>('cases.list', { limit: 1, sort: 'reference', dir: 'asc', cursor: all.nextCursor });
    expect([all.rows[0]?.reference, next.rows[0]?.reference]).toEqual(['TH-2026-000001', 'TH-2026-000002']);
    const queue = await call<{ rows: QueueRow[] }>('cases.escalationQueue', {});
    expect(queue.rows.map((r) => [r.reference, r.nextStage])).toEqual([['TH-2026-000002', 'reminder']]);
  });
});

describe('the ladder in settings', () => {
  it('refuses an invalid ladder with the problems named, and moves queue dates when offsets change', async () => {
    const ladder = await call<{ stages: { stage: string; dayOffset: number }[] }>('ladder.get', {});
    const broken = { ...ladder, stages: ladder.stages.slice(1) };
    const r = await t.call('ladder.update', { ladder: broken }, token);
    expect(errorCode(r)).toBe('input.invalid');
    expect(errorCode(await t.call('ladder.update', { ladder }, paralegal))).toBe('permission.denied');
    const later = { ...ladder, stages: ladder.stages.map((s) => ({ ...s, dayOffset: s.dayOffset + 400 })) };
    await call('ladder.update', { ladder: later });
    const queue = await call<{ rows: QueueRow[] }>('cases.escalationQueue', {});
    expect(queue.rows).toEqual([]);
    await call('ladder.update', { ladder });
    expect((await call<{ rows: QueueRow[] }>('cases.escalationQueue', {})).rows).toHaveLength(1);
  });
});
