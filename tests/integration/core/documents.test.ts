// Documents through the real router: content sniffing, dedup by SHA-256, size limit, removal, audited export.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTextDocument } from '../../../electron/domain/file-kind';
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

  it('accepts a Windows-1256 text file (an old system\'s export) as text, stores its bytes unchanged and previews its Arabic', async () => {
    const text = 'كشف حساب العميل\r\nالمدين: سعد الحربي — رقم الهوية 1023456789\r\nالرصيد المستحق: 15,000.00 ريال، تاريخ الاستحقاق 2026/01/15\r\n';
    const bytes = iconv.encode(text, 'win1256');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // not UTF-8
    const doc = unwrap(await upload('كشف حساب.txt', bytes)) as DocumentRow;
    expect(doc).toMatchObject({ kind: 'txt', mime: 'text/plain', size: bytes.length, renamed: false, canPreview: true, sha256: createHash('sha256').update(bytes).digest('hex') });
    const content = await call<DocumentContent>('documents.content', { id: doc.id });
    const stored = Buffer.from(content.contentBase64, 'base64');
    expect(stored.equals(bytes)).toBe(true);
    // What the preview shows: the Arabic as written, not mojibake.
    expect(decodeTextDocument(stored)).toBe(text);
    // UTF-8 and UTF-16 text previews the same words.
    const utf8 = await call<DocumentContent>('documents.content', { id: (unwrap(await upload('utf8.txt', text)) as DocumentRow).id });
    expect(decodeTextDocument(Buffer.from(utf8.contentBase64, 'base64'))).toBe(text);
    const utf16 = await call<DocumentContent>('documents.content', { id: (unwrap(await upload('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))) as DocumentRow).id });
    expect(decodeTextDocument(Buffer.from(utf16.contentBase64, 'base64'))).toBe(text);
  });

  it('still refuses binary junk and programs named .txt, with the same translated errors, and adds nothing', async () => {
    const before = (await call<DocumentRow[]>('documents.list', { owner: { caseId } })).length;
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => ((i * 2654435761) >>> 24) || 1)); // no NUL byte
    const refused = await upload('كشف.txt', junk);
    expect(errorCode(refused)).toBe('documents.unsupported');
    for (const lang of ['ar', 'en']) {
      const errors = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../locales/${lang}/errors.json`), 'utf8')) as { errors: { documents: Record<string, string> } };
      expect(errors.errors.documents.unsupported).toBeTruthy();
    }
    expect(errorCode(await upload('notes.txt', Buffer.concat([iconv.encode('ملاحظات', 'win1256'), Buffer.from([0, 0, 1, 2])])))).toBe('documents.unsupported');
    expect(errorCode(await upload('notes.txt', Buffer.concat([Buffer.from('MZ'), iconv.encode('ملاحظات المدين', 'win1256')])))).toBe('documents.executable');
    expect((await call<DocumentRow[]>('documents.list', { owner: { caseId } })).length).toBe(before);
  });
});
