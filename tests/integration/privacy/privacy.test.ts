// A personal-data request (PDPL) on a real encrypted office: the ZIP holds the PDF report (read back with pdftotext:
// the person's details, their case, the log, the payment, the document listed) and the original file byte for byte;
// partners only; an unknown party is not found; the act is audited without the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { PrivacyExportFile } from '../../../electron/contract/procedures/privacy';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';
import { normalize, pdfText, qpdfCheck, writePdf } from '../pdf/tools';

let t: TestCore;
let token: string;
let partyId: number;
let reference: string;
const NAME = 'نورة بنت سعد القحطاني';
const ID = makeNationalId('1', '70123456');
const FILE = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n'), Buffer.from('%%EOF\n')]);
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await t.call(name, input, session)) as T;

beforeAll(async () => {
  t = startCore();
  token = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  const client = await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الراية للتمويل', crNumber: '1010123456' });
  partyId = (await call<{ id: number }>('parties.create', { kind: 'person', name: NAME, nationalId: ID, phones: ['+966501234567'], notes: 'تفضل الاتصال مساءً' })).id;
  const k = await call<{ id: number; reference: string }>('cases.create', { clientId: client.id, debtorIds: [partyId], instrumentType: 'invoice', principalMinor: 500_000 });
  reference = k.reference;
  await call('activity.log', { caseId: k.id, channel: 'call', direction: 'out', occurredAt: '2026-11-22T08:00:00.000Z', partyId, outcome: 'promised', notes: 'وعدت بالسداد نهاية الشهر' });
  await call('payments.post', { caseId: k.id, onDate: '2026-11-22', amountMinor: 120_000, currency: 'SAR', method: 'cash' });
  await call('documents.upload', { owner: { partyId }, fileName: 'صورة الهوية.pdf', contentBase64: FILE.toString('base64'), type: 'other' });
}, 60_000);
afterAll(() => t.dispose());

describe('privacy.export', () => {
  it('gives a ZIP with the report (Arabic, read back by pdftotext) and the original files', async () => {
    const out = await call<PrivacyExportFile>('privacy.export', { partyId, lang: 'ar' });
    expect(out.fileName).toMatch(/^personal-data-\d+-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(out.files).toBe(1);
    const zip = unzipSync(new Uint8Array(Buffer.from(out.contentBase64, 'base64')));
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(2);
    const pdfName = names.find((n) => n.endsWith('.pdf') && !n.startsWith('documents/')) ?? '';
    const docName = names.find((n) => n.startsWith('documents/')) ?? '';
    expect(docName).toMatch(/^documents\/\d+-صورة الهوية\.pdf$/);
    expect(Buffer.from(zip[docName] ?? new Uint8Array()).equals(FILE)).toBe(true);
    const path = writePdf(zip[pdfName] ?? new Uint8Array(), 'privacy-ar');
    expect(qpdfCheck(path).ok).toBe(true);
    const text = normalize(pdfText(path));
    for (const expected of [NAME, ID, reference, 'وعدت بالسداد نهاية الشهر', 'تفضل الاتصال مساءً', 'سجل التواصل', 'الدفعات', '1,200.00', 'صورة الهوية.pdf', '966501234567']) {
      expect(text).toContain(expected);
    }
  });

  it('reads in English too', async () => {
    const out = await call<PrivacyExportFile>('privacy.export', { partyId, lang: 'en' });
    const zip = unzipSync(new Uint8Array(Buffer.from(out.contentBase64, 'base64')));
    const pdf = Object.entries(zip).find(([n]) => !n.startsWith('documents/'))?.[1] ?? new Uint8Array();
    const text = normalize(pdfText(writePdf(pdf, 'privacy-en')));
    for (const expected of ['Personal data held about', 'Communication log', 'Payments', reference, ID]) expect(text).toContain(expected);
  });

  it('is audited without the personal data, for partners only, and an unknown party is not found', async () => {
    const audit = await call<{ action: string; entityId: string | null }[]>('audit.list', { limit: 5 });
    expect(audit.some((a) => a.action === 'privacy.export' && a.entityId === String(partyId))).toBe(true);
    const lawyer = (unwrap(await t.call('auth.login', { username: 'lawyer', password: PASSWORD })) as { token: string }).token;
    expect(errorCode(await t.call('privacy.export', { partyId }, lawyer))).toBe('permission.denied');
    expect(errorCode(await t.call('privacy.export', { partyId: 999_999 }, token))).toBe('not_found');
  });
});
