// Letters through the real router: numbered from the gapless register, stored exactly as printed, dispatched,
// voided, verified; templates refused with their problems; batches as jobs that are all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { BatchCheck, JobState, LetterPreview, LetterRow, TemplateDetail, Verification } from '../../../electron/contract/procedures/letters';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';
import { normalize, pdfText, qpdfCheck, writePdf } from '../pdf/tools';

let t: TestCore;
let token: string;
let staff: string;
let clientId: number;
let seq = 0;
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await t.call(name, input, session)) as T;
const ADDRESS = { buildingNo: '1234', street: 'طريق الملك فهد', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNo: '5678' };

async function newCase(opts: { address?: boolean; name?: string } = {}): Promise<CaseDetail> {
  seq++;
  const d = await call<{ id: number }>('parties.create', {
    kind: 'person',
    name: opts.name ?? `عبدالله بن سعد الدوسري ${seq}`,
    nationalId: makeNationalId('1', String(20_000_000 + seq)),
    ...(opts.address === false ? {} : { address: ADDRESS }),
  });
  return call<CaseDetail>('cases.create', { clientId, clientReference: `REF-${seq}`, debtorIds: [d.id], instrumentType: 'promissory_note', instrumentNumber: `PN-${seq}`, principalMinor: 1_575_050, dueDate: '2026-06-01' });
}

async function pdfOf(id: number): Promise<string> {
  const { pdfBase64 } = await call<{ pdfBase64: string }>('letters.pdf', { id });
  return writePdf(Buffer.from(pdfBase64, 'base64'));
}

async function waitJob(id: string): Promise<JobState> {
  for (let i = 0; i < 600; i++) {
    const job = await call<JobState>('jobs.get', { id });
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

beforeAll(async () => {
  t = startCore();
  token = (await seedOffice(t.core, { password: PASSWORD })).partnerToken;
  staff = (unwrap(await t.call('auth.login', { username: 'staff', password: PASSWORD })) as { token: string }).token;
  clientId = (
    await call<{ id: number }>('clients.create', {
      kind: 'company',
      nameAr: 'مصرف الإنماء التجاري',
      crNumber: '1010123456',
      iban: 'SA0380000000608010167519',
      bankName: 'مصرف الراجحي',
      powersOfAttorney: [{ number: '4412345', issuedOn: '2026-01-10' }],
    })
  ).id;
});
afterAll(() => t.dispose());

describe('letters', () => {
  let first: LetterRow;
  let kase: CaseDetail;

  it('numbers a demand from the register, stores the PDF as printed and prints the amount in words', async () => {
    kase = await newCase({ name: 'شركة الأفق للتجارة المحدودة' });
    first = await call<LetterRow>('letters.generate', { caseId: kase.id, kind: 'demand', lang: 'ar' });
    expect(first).toMatchObject({ number: 'OUT-2026-000001', caseReference: kase.reference, dispatchState: 'generated', deadlineOn: '2026-12-07', amountMinor: 1_575_050 });
    expect(first.verifyCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const path = await pdfOf(first.id);
    expect(qpdfCheck(path).ok).toBe(true);
    const text = normalize(pdfText(path));
    for (const words of ['OUT-2026-000001', kase.reference, 'شركة الأفق للتجارة المحدودة', 'خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة', 'فقط لا غير', 'SA0380000000608010167519', first.verifyCode]) {
      expect(text).toContain(words);
    }
  });

  it('refuses a postal letter to a debtor without an address, without using a number', async () => {
    const bare = await newCase({ address: false });
    const r = await t.call('letters.generate', { caseId: bare.id, kind: 'reminder', lang: 'ar' }, token);
    expect(errorCode(r)).toBe('letters.missing_fields');
    expect(r.ok ? null : r.error.details).toEqual({ fields: ['debtor.address'] });
    expect(errorCode(await t.call('letters.generate', { caseId: kase.id, kind: 'payment_receipt', lang: 'ar' }, token))).toBe('letters.kind_not_for_case');
    expect(errorCode(await t.call('letters.generate', { caseId: kase.id, kind: 'demand', lang: 'ar' }, staff))).toBe('permission.denied');
    const next = await call<LetterRow>('letters.generate', { caseId: kase.id, kind: 'reminder', lang: 'en' });
    expect(next.number).toBe('OUT-2026-000002');
  });

  it('records dispatch forward only; delivery of the demand starts its wait on the case', async () => {
    let l = await call<LetterRow>('letters.dispatch', { id: first.id, version: first.version, state: 'sent', method: 'registered_mail', on: '2026-11-22' });
    expect(l).toMatchObject({ dispatchState: 'sent', dispatchMethod: 'registered_mail', sentOn: '2026-11-22' });
    expect(errorCode(await t.call('letters.dispatch', { id: l.id, version: l.version, state: 'printed', on: '2026-11-22' }, token))).toBe('letters.dispatch_order');
    expect(errorCode(await t.call('letters.dispatch', { id: l.id, version: l.version, state: 'delivered', on: '2026-11-01' }, token))).toBe('letters.dispatch_order');
    l = await call<LetterRow>('letters.dispatch', { id: l.id, version: l.version, state: 'delivered', on: '2026-11-22' });
    expect(l.deliveredOn).toBe('2026-11-22');
    expect(errorCode(await t.call('letters.dispatch', { id: l.id, version: l.version, state: 'returned', on: '2026-11-22' }, token))).toBe('letters.dispatch_order');
    expect((await call<CaseDetail>('cases.get', { id: kase.id })).demandDeliveredOn).toBe('2026-11-22');
  });

  it('voids without giving the number back; the register stays gapless; a code typed from paper finds the letter', async () => {
    const [second] = await call<LetterRow[]>('letters.forCase', { caseId: kase.id });
    const voided = await call<LetterRow>('letters.void', { id: second!.id, version: second!.version, reason: 'خطأ في اللغة' });
    expect(voided.voidedAt).not.toBeNull();
    expect(errorCode(await t.call('letters.dispatch', { id: voided.id, version: voided.version, state: 'sent', on: '2026-11-22' }, token))).toBe('letters.voided');
    const third = await call<LetterRow>('letters.generate', { caseId: kase.id, kind: 'final_notice', lang: 'ar' });
    expect(third.number).toBe('OUT-2026-000003');
    const register = await call<{ rows: LetterRow[]; total: number }>('letters.register', { filter: { year: 2026 } });
    expect(register.rows.map((r) => r.number)).toEqual(['OUT-2026-000003', 'OUT-2026-000002', 'OUT-2026-000001']);
    const typed = first.verifyCode.toLowerCase().replace(/-/g, ' ');
    const found = await call<Verification>('letters.verify', { code: typed });
    expect(found.letter?.number).toBe('OUT-2026-000001');
    expect((await call<Verification>('letters.verify', { code: 'TAHSEEL-VERIFY:' + first.verifyCode })).found).toBe(true);
    expect((await call<Verification>('letters.verify', { code: 'ZZZZ-ZZZZ-ZZZZ' })).found).toBe(false);
  });
});

describe('letters after a payment', () => {
  it('print what is still owed: the claim less what was paid', async () => {
    const k = await newCase();
    await call('payments.post', { caseId: k.id, onDate: '2026-11-22', amountMinor: 575_050, currency: 'SAR', method: 'bank_transfer', reference: 'TRX-1', receivedBy: 'office' });
    const letter = await call<LetterRow>('letters.generate', { caseId: k.id, kind: 'final_notice', lang: 'ar' });
    expect(letter.amountMinor).toBe(1_000_000);
    const text = normalize(pdfText(await pdfOf(letter.id)));
    expect(text).toContain('10,000.00');
    expect(text).toContain('عشرة آلاف ريال');
  });
});

describe('templates', () => {
  it('refuses a template with problems, saves a good one that letters then use, and restores the default', async () => {
    const bad = await t.call('templates.save', { kind: 'reminder', lang: 'ar', body: 'السيد {{debtor.shoeSize}}\n{{#if debtor.isCompany}}شركة', version: null }, token);
    expect(errorCode(bad)).toBe('templates.invalid');
    expect((bad.ok ? [] : (bad.error.details as { code: string }[])).map((p) => p.code)).toEqual(expect.arrayContaining(['unknown_placeholder', 'unbalanced_block']));
    const body = 'تذكير ودي خاص بمكتبنا\n{{debtor.name}}\n{{case.balance | money}} ({{case.balance | words}})\n[[qr]]';
    const saved = await call<TemplateDetail>('templates.save', { kind: 'reminder', lang: 'ar', body, version: null });
    expect(saved).toMatchObject({ customised: true, version: 1 });
    expect(errorCode(await t.call('templates.save', { kind: 'reminder', lang: 'ar', body, version: null }, token))).toBe('conflict.stale');
    expect(errorCode(await t.call('templates.save', { kind: 'reminder', lang: 'ar', body, version: 1 }, staff))).toBe('permission.denied');
    const k = await newCase();
    const letter = await call<LetterRow>('letters.generate', { caseId: k.id, kind: 'reminder', lang: 'ar' });
    expect(normalize(pdfText(await pdfOf(letter.id)))).toContain('تذكير ودي خاص بمكتبنا');
    const reset = await call<TemplateDetail>('templates.reset', { kind: 'reminder', lang: 'ar' });
    expect(reset).toMatchObject({ customised: false, version: null });
    expect(reset.body).toBe(reset.defaultBody);
  });

  it('previews the real PDF for a case or with sample values, and reports the empty placeholders', async () => {
    const bare = await newCase({ address: false });
    const p = await call<LetterPreview>('templates.preview', { kind: 'demand', lang: 'ar', caseId: bare.id });
    expect(p.problems).toEqual([]);
    expect(p.missing).toContain('debtor.address');
    expect(qpdfCheck(writePdf(Buffer.from(p.pdfBase64, 'base64'))).ok).toBe(true);
    const sample = await call<LetterPreview>('templates.preview', { kind: 'payment_receipt', lang: 'en' });
    expect(sample.pdfBase64.length).toBeGreaterThan(1000);
    const broken = await call<LetterPreview>('templates.preview', { kind: 'demand', lang: 'ar', body: '{{#if x}}' });
    expect(broken.pdfBase64).toBe('');
    expect(broken.problems.length).toBeGreaterThan(0);
  });
});

describe('batches', () => {
  it('checks what can be printed, runs as a job, numbers consecutively and stores each letter on its case', async () => {
    const ready = [await newCase(), await newCase(), await newCase()];
    const bare = await newCase({ address: false });
    const ids = [...ready.map((c) => c.id), bare.id];
    const check = await call<BatchCheck>('letters.batchCheck', { selection: { caseIds: ids }, kind: 'demand', lang: 'ar' });
    expect(check.ready.map((r) => r.caseId)).toEqual(ready.map((c) => c.id));
    expect(check.blocked).toEqual([expect.objectContaining({ caseId: bare.id, reasons: [{ code: 'no_address', detail: 'debtor.address' }] })]);
    const before = (await call<{ total: number }>('letters.register', {})).total;
    const job = await call<JobState>('letters.batchStart', { caseIds: ids, kind: 'demand', lang: 'ar' });
    const done = await waitJob(job.id);
    expect(done).toMatchObject({ status: 'done', done: 3, total: 3 });
    expect(done.result?.count).toBe(3);
    const numbers = [];
    for (const c of ready) {
      const [letter] = await call<LetterRow[]>('letters.forCase', { caseId: c.id });
      expect(letter?.batchId).toBe(done.result?.batchId);
      numbers.push(letter!.number);
      const path = await pdfOf(letter!.id);
      expect(qpdfCheck(path).ok).toBe(true);
      expect(normalize(pdfText(path))).toContain(letter!.number);
    }
    expect(numbers).toEqual([done.result?.firstNumber, expect.any(String), done.result?.lastNumber]);
    expect((await call<{ total: number }>('letters.register', {})).total).toBe(before + 3);
    const merged = await call<{ pdfBase64: string }>('letters.batchPdf', { batchId: done.result!.batchId });
    const mergedText = normalize(pdfText(writePdf(Buffer.from(merged.pdfBase64, 'base64'))));
    for (const n of numbers) expect(mergedText).toContain(n);
    expect(errorCode(await t.call('jobs.get', { id: job.id }, staff))).toBe('not_found');
  });

  it('a cancelled batch numbers and stores nothing; a batch with nothing printable is refused', async () => {
    const many = [];
    for (let i = 0; i < 60; i++) many.push((await newCase()).id);
    const before = (await call<{ total: number }>('letters.register', {})).total;
    const job = await call<JobState>('letters.batchStart', { caseIds: many, kind: 'final_notice', lang: 'ar' });
    expect(errorCode(await t.call('letters.batchStart', { caseIds: many, kind: 'final_notice', lang: 'ar' }, token))).toBe('jobs.busy');
    await call('jobs.cancel', { id: job.id });
    expect((await waitJob(job.id)).status).toBe('cancelled');
    expect((await call<{ total: number }>('letters.register', {})).total).toBe(before);
    const bare = await newCase({ address: false });
    expect(errorCode(await t.call('letters.batchStart', { caseIds: [bare.id], kind: 'demand', lang: 'ar' }, token))).toBe('letters.no_cases');
    expect(errorCode(await t.call('letters.batchStart', { caseIds: [], kind: 'demand', lang: 'ar' }, token))).toBe('input.invalid');
    const after = await call<LetterRow>('letters.generate', { caseId: many[0]!, kind: 'final_notice', lang: 'ar' });
    expect(after.number).toBe(`OUT-2026-${String(before + 1).padStart(6, '0')}`);
  });

  it('a batch whose letters would print a term left empty drops each case as it comes to it, and fails having numbered and stored nothing', async () => {
    const ids = [(await newCase()).id, (await newCase()).id];
    // The start's quick check passes them; the job finds the agreement's settlement terms (a batch is given none)
    // printed empty in every letter.
    const before = (await call<{ total: number }>('letters.register', {})).total;
    const job = await call<JobState>('letters.batchStart', { caseIds: ids, kind: 'settlement_agreement', lang: 'en' });
    expect(await waitJob(job.id)).toMatchObject({ status: 'failed', result: null, error: { code: 'letters.no_cases' } });
    expect((await call<{ total: number }>('letters.register', {})).total).toBe(before);
    for (const id of ids) expect(await call<LetterRow[]>('letters.forCase', { caseId: id })).toEqual([]);
  });
});
