// Documents through the real router: content sniffing, dedup by SHA-256, size limit, removal, audited export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { DocumentContent, DocumentRow } from '../../../electron/contract/procedures/documents';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { AuditRow } from '../../../electron/contract/procedures/office';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';
import { samplePng } from '../../fixtures/pdf/png';

let t: TestCore;
let token: string;
let staff: string;
let caseId: number;
let clientId: number;
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

// A minimal but complete PDF (header, one object, trailer, %%EOF).
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

beforeAll(async () => {
  t = startCore();
  token = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  staff = (unwrap(await t.call('auth.login', { username: 'staff', password: PASSWORD })) as { token: string }).token;
  const c = await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الاختبار', crNumber: '1010123456' });
  clientId = c.id;
  const d = await call<{ id: number }>('parties.create', { kind: 'person', name: 'سعد الحربي', nationalId: makeNationalId('1', '11223344') });
  caseId = (await call<CaseDetail>('cases.create', { clientId: c.id, debtorIds: [d.id], instrumentType: 'invoice', principalMinor: 100000 })).id;
});
afterAll(() => t.dispose());

const upload = (name: string, content: Uint8Array | string, owner: object = { caseId }, session = token) =>
  t.call('documents.upload', { owner, fileName: name, contentBase64: b64(content), type: 'contract', documentDate: '2026-11-01', notes: 'ملاحظة' }, session);

describe('documents', () => {
  it('stores a PDF and an image, typed by their content; the same bytes twice share one stored file', async () => {
    const pdf = unwrap(await upload('عقد.pdf', PDF)) as DocumentRow;
    expect(pdf).toMatchObject({ kind: 'pdf', mime: 'application/pdf', size: PDF.length, renamed: false, canPreview: true, owner: { caseId } });
    const again = unwrap(await upload('نسخة.pdf', PDF)) as DocumentRow;
    expect(again.sha256).toBe(pdf.sha256);
    // A PNG named .pdf is stored as the PNG it is, and says so.
    const png = unwrap(await upload('scan.pdf', samplePng())) as DocumentRow;
    expect(png).toMatchObject({ kind: 'png', mime: 'image/png', renamed: true });
    const list = await call<DocumentRow[]>('documents.list', { owner: { caseId } });
    expect(list.map((d) => d.fileName)).toEqual(['scan.pdf', 'نسخة.pdf', 'عقد.pdf']);
    const content = await call<DocumentContent>('documents.content', { id: pdf.id });
    expect(Buffer.from(content.contentBase64, 'base64').toString('latin1')).toBe(PDF);
  });

  it('refuses programs, empty, cut-short and oversized files, and changes nothing', async () => {
    const before = (await call<DocumentRow[]>('documents.list', { owner: { caseId } })).length;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    expect(errorCode(await upload('invoice.pdf', exe))).toBe('documents.executable');
    expect(errorCode(await upload('empty.pdf', ''))).toBe('documents.empty');
    expect(errorCode(await upload('cut.pdf', '%PDF-1.4\n1 0 obj << >> endobj\n'))).toBe('documents.corrupt');
    expect(errorCode(await upload('x.bin', Buffer.alloc(64, 7)))).toBe('documents.unsupported');
    await call('settings.update', { documentMaxMb: 1 });
    const big = Buffer.concat([Buffer.from(PDF), Buffer.alloc(1024 * 1024 + 10, 32)]);
    const tooBig = await upload('big.pdf', big);
    expect(errorCode(tooBig)).toBe('documents.too_large');
    expect(tooBig.ok ? null : tooBig.error.details).toEqual({ maxMb: 1 });
    await call('settings.update', { documentMaxMb: 50 });
    expect(errorCode(await upload('a.pdf', PDF, { caseId: 999_999 }))).toBe('not_found');
    expect(errorCode(await upload('a.pdf', PDF, { caseId }, staff))).toBe('permission.denied');
    expect(errorCode(await t.call('documents.upload', { owner: { caseId, clientId }, fileName: 'a.pdf', contentBase64: b64(PDF), type: 'contract' }, token))).toBe('input.invalid');
    expect((await call<DocumentRow[]>('documents.list', { owner: { caseId } })).length).toBe(before);
  });

  it('attaches to clients and debtors too; edits are versioned; removal needs a reason and keeps the record', async () => {
    const doc = unwrap(await upload('poa.pdf', PDF, { clientId })) as DocumentRow;
    const edited = await call<DocumentRow>('documents.update', { id: doc.id, version: doc.version, type: 'power_of_attorney', documentDate: null, notes: '' });
    expect(edited).toMatchObject({ type: 'power_of_attorney', version: 2 });
    expect(errorCode(await t.call('documents.update', { id: doc.id, version: 1, type: 'other' }, token))).toBe('conflict.stale');
    expect(errorCode(await t.call('documents.remove', { id: doc.id, version: 2, reason: ' ' }, token))).toBe('input.invalid');
    await call('documents.remove', { id: doc.id, version: 2, reason: 'رُفع بالخطأ' });
    expect(await call<DocumentRow[]>('documents.list', { owner: { clientId } })).toEqual([]);
    const all = await call<DocumentRow[]>('documents.list', { owner: { clientId }, includeRemoved: true });
    expect(all[0]).toMatchObject({ removedReason: 'رُفع بالخطأ' });
    expect(errorCode(await t.call('documents.update', { id: doc.id, version: 3, type: 'other' }, token))).toBe('documents.removed');
  });

  it('records every export in the audit trail (the copy leaves the encrypted store)', async () => {
    const [first] = await call<DocumentRow[]>('documents.list', { owner: { caseId } });
    const out = await call<DocumentContent>('documents.export', { id: first!.id });
    expect(out.fileName).toBe('scan.pdf');
    const audit = await call<AuditRow[]>('audit.list', { limit: 5 });
    expect(audit.map((r) => r.action)).toContain('documents.export');
  });
});
