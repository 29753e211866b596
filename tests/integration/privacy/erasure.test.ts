// PDPL erasure on a real encrypted office through the router: a debtor with two closed cases (one placed by an
// import) — a single letter and a batch letter shared with another debtor, a receipt, a remittance statement,
// documents, log entries, a promise — erased in one transaction. The redacted PDFs are read back with pdftotext and
// checked with qpdf; the search, the reports and the case amounts are compared before and after; the audit chain
// still verifies and the person's name, ID and phone are nowhere in the database's tables. The refusals (open case,
// not due, erased twice, stale version, unknown party, a lawyer) and a failure injected mid-transaction change nothing.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { ErasureCandidate, ErasurePreview, ErasureResult } from '../../../electron/contract/procedures/privacy';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { JobState, LetterRow } from '../../../electron/contract/procedures/letters';
import type { ImportFile } from '../../../electron/contract/procedures/imports';
import type { PostedPayment } from '../../../electron/contract/procedures/payments';
import type { TimelineItem } from '../../../electron/contract/procedures/dashboard';
import type { RemittanceRow } from '../../../electron/contract/procedures/ledger';
import type { Page } from '../../../electron/contract/fields';
import type { Router } from '../../../electron/core/api/router';
import type { Vault } from '../../../electron/core/vault';
import { verifyAuditChain } from '../../../db/queries/audit';
import { TOMBSTONE_SHA256 } from '../../../db/queries/erasure';
import { errorCode, PASSWORD, seededRouter, tempDir } from '../../fixtures/core';
import { normalize, pdfText, qpdfCheck, writePdf } from '../pdf/tools';

const dir = tempDir();
const clock = { now: new Date('2026-11-22T09:00:00Z') };
let vault: Vault;
let route: Router;
let token: string;
let lawyer: string;
const call = async <T,>(name: string, input: unknown, session: string | null = token): Promise<T> => unwrap(await route(name, input, session)) as T;
const sqlite = () => vault.current().sqlite;

const NAME = 'هيفاء بنت عبدالرحمن الزهراني';
const NAME_EN = 'Haifa Alzahrani';
const ID = makeNationalId('1', '77345678');
const PHONE = '+966551234567';
const PHONE_KEY = '551234567';
const OTHER = 'ماجد بن فهد العتيبي';
const ADDRESS = { buildingNo: '4321', street: 'شارع التحلية', district: 'السليمانية', city: 'جدة', postalCode: '23432', additionalNo: '8765' };
const TEXT_FILE = Buffer.from(`Statement of ${NAME_EN}, ID ${ID}, phone ${PHONE}\n${NAME}\n`, 'utf8');

let clientId: number;
let target: number;
let other: number;
let case1: CaseDetail;
let case2: CaseDetail;
let caseOther: CaseDetail;
let single: LetterRow;
let batchLetter: LetterRow;
let otherLetter: LetterRow;
let batchId: number;
let paymentId: number;
let remittance: RemittanceRow;
const oldBlobs: string[] = [];

async function waitJob(id: string): Promise<JobState> {
  for (let i = 0; i < 1200; i++) {
    const job = await call<JobState>('jobs.get', { id });
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

/** Every table's rows (blobs as hex), to compare the whole database before and after a refused erase. */
function dump(): Record<string, string> {
  const out: Record<string, string> = {};
  const tables = sqlite().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    const rows = sqlite().prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    out[name] = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
  }
  return out;
}

/** Where a string is stored anywhere in the database: every column of every table, text or blob. */
function occurrences(needle: string): string[] {
  const found: string[] = [];
  const tables = sqlite().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    const columns = sqlite().prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
    for (const c of columns) {
      const n = (sqlite().prepare(`SELECT count(*) AS n FROM "${name}" WHERE instr(CAST("${c.name}" AS BLOB), ?) > 0`).get(Buffer.from(needle, 'utf8')) as { n: number }).n;
      if (n > 0) found.push(`${name}.${c.name}`);
    }
  }
  return found;
}

const pdfOfLetter = async (id: number, name: string): Promise<string> =>
  writePdf(Buffer.from((await call<{ pdfBase64: string }>('letters.pdf', { id })).pdfBase64, 'base64'), name);
const batchPdf = async (name: string): Promise<string> => writePdf(Buffer.from((await call<{ pdfBase64: string }>('letters.batchPdf', { batchId })).pdfBase64, 'base64'), name);
const pageCount = (path: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);

const reportFilter = { from: '2026-01-01', to: '2026-11-22' };

beforeAll(async () => {
  ({ vault, route } = await seededRouter(dir, () => clock.now));
  token = (await call<{ token: string }>('auth.login', { username: 'partner', password: PASSWORD }, null)).token;
  lawyer = (await call<{ token: string }>('auth.login', { username: 'lawyer', password: PASSWORD }, null)).token;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الواحة للتقسيط', crNumber: '1010555555', iban: 'SA0380000000608010167519' })).id;
  target = (
    await call<{ id: number }>('parties.create', {
      kind: 'person',
      name: NAME,
      nameEn: NAME_EN,
      nationalId: ID,
      phones: [PHONE],
      emails: ['haifa@example.com'],
      address: ADDRESS,
      employer: 'مستشفى الملك فهد',
      notes: 'تفضل الاتصال بعد العصر',
    })
  ).id;
  other = (await call<{ id: number }>('parties.create', { kind: 'person', name: OTHER, nationalId: makeNationalId('1', '66123456'), address: ADDRESS })).id;
  case1 = await call<CaseDetail>('cases.create', { clientId, debtorIds: [target], instrumentType: 'promissory_note', principalMinor: 800_000, notes: `اتصل بالسيدة ${NAME}` });
  caseOther = await call<CaseDetail>('cases.create', { clientId, debtorIds: [other], instrumentType: 'promissory_note', principalMinor: 300_000 });
  // The second case comes from a placement import that matches the person by their ID.
  const csv = Buffer.from(`اسم المدين,الهوية,المبلغ,مرجع\n${NAME},${ID},2500,IMP-77\n`, 'utf8').toString('base64');
  const f = await call<ImportFile>('imports.open', { clientId, fileName: 'placement.csv', contentBase64: csv, encoding: null });
  const job = await waitJob((await call<JobState>('imports.commit', { token: f.token, mapping: f.mapping, skipBadRows: true })).id);
  expect(job.status).toBe('done');
  const cases = (await call<{ rows: { id: number; clientReference: string }[] }>('cases.list', { filter: { clientId }, limit: 50, sort: 'reference', dir: 'asc' })).rows;
  case2 = await call<CaseDetail>('cases.get', { id: cases.find((c) => c.clientReference === 'IMP-77')!.id });
  expect(case2.debtors.map((d: { id: number }) => d.id)).toEqual([target]);

  single = await call<LetterRow>('letters.generate', { caseId: case1.id, kind: 'demand', lang: 'ar' });
  const batch = await waitJob((await call<JobState>('letters.batchStart', { caseIds: [caseOther.id, case2.id], kind: 'demand', lang: 'ar' })).id);
  expect(batch.status).toBe('done');
  batchId = batch.result!.batchId;
  batchLetter = (await call<LetterRow[]>('letters.forCase', { caseId: case2.id }))[0]!;
  otherLetter = (await call<LetterRow[]>('letters.forCase', { caseId: caseOther.id }))[0]!;
  await call('activity.log', { caseId: case1.id, channel: 'call', direction: 'out', occurredAt: '2026-11-22T08:00:00.000Z', partyId: target, outcome: 'promised', notes: `قالت ${NAME} إنها ستسدد`, contactName: NAME });
  await call('promises.create', { caseId: case1.id, amountMinor: 100_000, dueOn: '2026-12-01', channel: 'call' });
  const posted = await call<PostedPayment>('payments.post', { caseId: case1.id, onDate: '2026-11-22', amountMinor: 200_000, currency: 'SAR', method: 'cheque', chequeNumber: '000123', chequeBank: 'البنك الأهلي' });
  paymentId = posted.payment.id;
  await call('payments.receipt', { id: paymentId }); // rendered and stored (on demand if the render after posting has not finished)
  await call('documents.upload', { owner: { partyId: target }, fileName: `هوية ${NAME}.txt`, contentBase64: TEXT_FILE.toString('base64'), type: 'other', notes: ID });
  await call('documents.upload', { owner: { caseId: case1.id }, fileName: 'كشف حساب.txt', contentBase64: Buffer.from(`${NAME} ${PHONE}`).toString('base64'), type: 'other' });
  // Someone searched for the person and exported the list: the audit entries of those exports quote what was typed.
  await call('exports.debtors', { format: 'csv', query: NAME });
  await call('exports.cases', { format: 'xlsx', filter: { query: ID } });
  expect(sqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'export' AND (instr(after, ?) > 0 OR instr(after, ?) > 0)").get(NAME, ID)).toEqual({ n: 2 });
  remittance = await call<RemittanceRow>('remittances.create', { clientId, currency: 'SAR', periodFrom: '2026-11-01', periodTo: '2026-11-22', lang: 'ar' });
  for (const k of [case1, case2]) {
    const now = await call<CaseDetail>('cases.get', { id: k.id });
    await call('cases.setStatus', { id: now.id, version: now.version, status: 'closed_uncollectable', reason: 'لا أصول' });
  }
  // The retention period runs from the closing day: these two cases closed eleven years before "today" (the clock
  // cannot be moved back before the rows were written, so the closing day is set directly).
  sqlite().prepare("UPDATE cases SET closed_on = '2015-10-01' WHERE id IN (?, ?)").run(case1.id, case2.id);
  const blobsOf = sqlite()
    .prepare(
      `SELECT pdf_sha256 AS s FROM letters WHERE case_id IN (?, ?) UNION SELECT receipt_sha256 FROM payments WHERE id = ?
       UNION SELECT statement_sha256 FROM remittances WHERE id = ? UNION SELECT sha256 FROM documents WHERE party_id = ? OR case_id = ?`,
    )
    .all(case1.id, case2.id, paymentId, remittance.id, target, case1.id) as { s: string }[];
  oldBlobs.push(...blobsOf.map((b) => b.s));
}, 180_000);

afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('who may be erased', () => {
  it('lists the debtor as due (oldest closing first) and previews what the erasure removes', async () => {
    const due = await call<Page<ErasureCandidate> & { total: number; retentionYears: number }>('privacy.due', { limit: 50 });
    expect(due.retentionYears).toBe(10);
    expect(due.total).toBe(1);
    expect(due.rows).toEqual([{ partyId: target, name: NAME, nationalId: ID, kind: 'person', cases: 2, lastClosedOn: '2015-10-01', erasableFrom: '2025-10-01' }]);
    const p = await call<ErasurePreview>('privacy.erasePreview', { partyId: target });
    expect(p).toMatchObject({ partyId: target, name: NAME, block: null, cases: 2, letters: 2, batchLetters: 1, receipts: 1, statements: 1, documents: 2 });
    expect(p.communications).toBeGreaterThanOrEqual(3); // the call, and the letters' own log entries
    expect(p.auditEntries).toBeGreaterThan(10);
  });

  it('refuses an open case, a retention period not over (with the day it will be), a stale version, an unknown party, a lawyer — changing nothing', async () => {
    const openOne = (await call<{ id: number; version: number }>('parties.create', { kind: 'person', name: 'سلمان المطيري', nationalId: makeNationalId('1', '55123456') }));
    await call('cases.create', { clientId, debtorIds: [openOne.id], instrumentType: 'invoice', principalMinor: 10_000 });
    const recent = await call<{ id: number; version: number }>('parties.create', { kind: 'person', name: 'نوف الشهري', nationalId: makeNationalId('1', '44123456') });
    const k = await call<CaseDetail>('cases.create', { clientId, debtorIds: [recent.id], instrumentType: 'invoice', principalMinor: 10_000 });
    await call('cases.setStatus', { id: k.id, version: k.version, status: 'withdrawn', reason: 'سحب العميل الملف' });
    sqlite().prepare("UPDATE cases SET closed_on = '2023-11-22' WHERE id = ?").run(k.id); // closed three years ago
    const before = dump();
    const openR = await route('privacy.erase', { partyId: openOne.id, version: openOne.version }, token);
    expect(errorCode(openR)).toBe('privacy.open_case');
    const notDue = await route('privacy.erase', { partyId: recent.id, version: recent.version }, token);
    expect(notDue.ok ? null : notDue.error).toMatchObject({ code: 'privacy.not_due', details: { erasableFrom: '2033-11-22' } });
    expect(await call<ErasurePreview>('privacy.erasePreview', { partyId: recent.id })).toMatchObject({ block: 'not_due', erasableFrom: '2033-11-22' });
    expect(await call<ErasurePreview>('privacy.erasePreview', { partyId: openOne.id })).toMatchObject({ block: 'open_case', erasableFrom: null });
    const p = await call<ErasurePreview>('privacy.erasePreview', { partyId: target });
    expect(errorCode(await route('privacy.erase', { partyId: target, version: p.version + 1 }, token))).toBe('conflict.stale');
    expect(errorCode(await route('privacy.erase', { partyId: 999_999, version: 1 }, token))).toBe('not_found');
    expect(errorCode(await route('privacy.erase', { partyId: target, version: p.version }, lawyer))).toBe('permission.denied');
    expect(errorCode(await route('privacy.due', {}, lawyer))).toBe('permission.denied');
    expect(errorCode(await route('privacy.erasePreview', { partyId: target }, lawyer))).toBe('permission.denied');
    expect(dump()).toEqual(before);
    const due = await call<{ rows: ErasureCandidate[] }>('privacy.due', {});
    expect(due.rows.map((r) => r.partyId)).toEqual([target]);
  });

  it('leaves everything as it was when the transaction fails half way (a trigger refuses the redaction record)', async () => {
    const p = await call<ErasurePreview>('privacy.erasePreview', { partyId: target });
    sqlite().exec("CREATE TRIGGER test_refuse_redaction BEFORE INSERT ON pdf_redactions BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
    try {
      const before = dump();
      const r = await route('privacy.erase', { partyId: target, version: p.version }, token);
      expect(r.ok).toBe(false);
      expect(dump()).toEqual(before);
    } finally {
      sqlite().exec('DROP TRIGGER test_refuse_redaction');
    }
  });
});

describe('the erasure', () => {
  let result: ErasureResult;
  const figures: Record<string, unknown> = {};

  it('erases in one transaction and says what it removed', async () => {
    figures.cases = sqlite().prepare('SELECT id, reference, client_id, client_reference, claim_minor, paid_minor, discount_minor, stage, status, opened_on, closed_on FROM cases ORDER BY id').all();
    figures.pipeline = await call('reports.pipeline', { filter: reportFilter });
    figures.recovery = await call('reports.recovery', { filter: reportFilter });
    figures.payments = sqlite().prepare('SELECT id, amount_minor, on_date, alloc_principal_minor, receipt_number FROM payments ORDER BY id').all();
    figures.remittances = sqlite().prepare('SELECT id, number, collected_minor, fee_minor, net_minor FROM remittances ORDER BY id').all();
    const otherBatchText = normalize(pdfText(await batchPdf('batch-before')));
    expect(otherBatchText).toContain(OTHER);
    const p = await call<ErasurePreview>('privacy.erasePreview', { partyId: target });
    result = await call<ErasureResult>('privacy.erase', { partyId: target, version: p.version });
    expect(result).toMatchObject({ partyId: target, cases: 2, letters: 2, receipts: 1, statements: 1, documents: 2, communications: p.communications, auditEntries: p.auditEntries });
    expect(result.erasedAt).toBe(clock.now.toISOString());
    // The WAL was checkpointed and truncated after the commit: the frames holding the rows as they were are gone.
    expect(statSync(join(dir, 'tahseel.db-wal')).size).toBe(0);
  });

  it('keeps the amounts, the numbers and the reports', async () => {
    expect(sqlite().prepare('SELECT id, reference, client_id, client_reference, claim_minor, paid_minor, discount_minor, stage, status, opened_on, closed_on FROM cases ORDER BY id').all()).toEqual(figures.cases);
    expect(await call('reports.pipeline', { filter: reportFilter })).toEqual(figures.pipeline);
    expect(await call('reports.recovery', { filter: reportFilter })).toEqual(figures.recovery);
    expect(sqlite().prepare('SELECT id, amount_minor, on_date, alloc_principal_minor, receipt_number FROM payments ORDER BY id').all()).toEqual(figures.payments);
    expect(sqlite().prepare('SELECT id, number, collected_minor, fee_minor, net_minor FROM remittances ORDER BY id').all()).toEqual(figures.remittances);
    const register = await call<{ rows: { number: string }[] }>('letters.register', { limit: 50 });
    expect(register.rows.map((r) => r.number)).toEqual(expect.arrayContaining([single.number, batchLetter.number, otherLetter.number]));
    const party = await call<{ name: string; nationalId: string; erasedAt?: string | null }>('parties.get', { id: target });
    expect(party).toMatchObject({ name: '', nationalId: '' });
    const k = await call<CaseDetail>('cases.get', { id: case1.id });
    expect(k).toMatchObject({ reference: case1.reference, notes: '', claimMinor: case1.claimMinor });
  });

  it('replaces the single letter and the receipt by the notice, and only the person’s pages of the batch', async () => {
    const letterPath = await pdfOfLetter(single.id, 'single-redacted');
    const { pdfBase64 } = await call<{ pdfBase64: string }>('payments.receipt', { id: paymentId });
    const receiptPath = writePdf(Buffer.from(pdfBase64, 'base64'), 'receipt-redacted');
    const statementPath = writePdf(Buffer.from((await call<{ pdfBase64: string }>('remittances.statement', { id: remittance.id })).pdfBase64, 'base64'), 'statement-redacted');
    const batchPath = await batchPdf('batch-redacted');
    if (process.env.ERASURE_PDF_DIR) for (const [p, n] of [[letterPath, 'single'], [receiptPath, 'receipt'], [statementPath, 'statement'], [batchPath, 'batch']]) copyFileSync(p!, `${process.env.ERASURE_PDF_DIR}/${n}.pdf`);
    for (const path of [letterPath, receiptPath, statementPath, batchPath]) expect(qpdfCheck(path).ok).toBe(true);
    for (const [path, number] of [[letterPath, single.number], [receiptPath, null]] as const) {
      const text = normalize(pdfText(path));
      expect(text).toContain('Content erased under the Personal Data Protection Law');
      // (pdftotext puts a space after the damma of مُحي: the mark is drawn as its own cluster)
      expect(text).toContain('محتوى هذه الصفحة');
      expect(text).toContain('حي وفق نظام حماية البيانات الشخصية');
      if (number) expect(text).toContain(number);
      for (const secret of [NAME, ID, PHONE_KEY, 'هيفاء', 'الزهراني']) expect(text).not.toContain(secret);
    }
    const batchText = normalize(pdfText(batchPath));
    expect(batchText).toContain(OTHER);
    expect(batchText).toContain(otherLetter.number);
    expect(batchText).toContain(batchLetter.number);
    for (const secret of [NAME, ID, 'الزهراني']) expect(batchText).not.toContain(secret);
    const redactedPages = sqlite().prepare('SELECT first_page AS f, page_count AS n FROM letters WHERE batch_id = ? ORDER BY first_page').all(batchId) as { f: number; n: number }[];
    const total = redactedPages.reduce((s, r) => s + r.n, 0);
    expect(pageCount(batchPath)).toBe(total);
    // The other debtor's own letter (cut out of the batch) is as it was.
    expect(normalize(pdfText(await pdfOfLetter(otherLetter.id, 'other-after')))).toContain(OTHER);
    // The statement is issued again with the same figures and no name.
    const statement = normalize(pdfText(statementPath));
    expect(statement).toContain(remittance.number);
    expect(statement).toContain(case1.reference);
    expect(statement).not.toContain(NAME);
  });

  it('leaves nothing to find: the search, the documents, the stored files, the audit payloads, every table', async () => {
    for (const q of [NAME, 'الزهراني', ID, PHONE, '0551234567', NAME_EN]) {
      const r = await call<{ cases: unknown[]; parties: unknown[] }>('search.global', { query: q });
      expect([q, r.cases.length + r.parties.length]).toEqual([q, 0]);
    }
    expect((await call<{ cases: { id: number }[] }>('search.global', { query: case1.reference })).cases.map((c) => c.id)).toEqual([case1.id]);
    // The erasure's deletes ran with FTS5 secure-delete (terms removed from the segments), switched off again after.
    expect(sqlite().prepare("SELECT v FROM search_index_config WHERE k = 'secure-delete'").get()).toEqual({ v: 0 });
    const docs = sqlite().prepare('SELECT file_name AS f, sha256 AS s, removed_reason AS r, notes FROM documents WHERE party_id = ? OR case_id = ?').all(target, case1.id) as {
      f: string;
      s: string;
      r: string;
      notes: string;
    }[];
    expect(docs.length).toBe(2);
    for (const d of docs) {
      expect(d).toMatchObject({ s: TOMBSTONE_SHA256, r: 'pdpl_erasure', notes: '' });
      expect(d.f).toMatch(/^document-\d+\.txt$/);
    }
    for (const sha of oldBlobs) expect(sqlite().prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha)).toBeUndefined();
    const erasedDoc = (sqlite().prepare('SELECT id FROM documents WHERE party_id = ?').get(target) as { id: number }).id;
    for (const name of ['documents.content', 'documents.export']) expect(errorCode(await route(name, { id: erasedDoc }, token))).toBe('privacy.already_erased');
    expect(sqlite().prepare('SELECT count(*) AS n FROM pdf_redactions').get()).toEqual({ n: 4 });
    const chain = verifyAuditChain(sqlite());
    expect(chain.ok).toBe(true);
    const own = sqlite().prepare("SELECT after FROM audit_log WHERE action = 'privacy.erase'").all() as { after: string }[];
    expect(own).toHaveLength(1);
    expect(JSON.parse(own[0]!.after)).toMatchObject({ erased: true, cases: 2, letters: 2, receipts: 1, statements: 1 });
    for (const secret of [NAME, ID, PHONE, PHONE_KEY, NAME_EN, 'هيفاء', 'haifa@example.com', 'مستشفى الملك فهد', '000123']) {
      expect([secret, occurrences(secret)]).toEqual([secret, []]);
    }
    // The other debtor is still there.
    expect(occurrences(OTHER).length).toBeGreaterThan(0);
  });

  it('is not listed again, refuses a second erasure, and still answers the screens and the export', async () => {
    expect((await call<{ total: number }>('privacy.due', {})).total).toBe(0);
    const p = await call<ErasurePreview>('privacy.erasePreview', { partyId: target });
    expect(p).toMatchObject({ block: 'already_erased', name: '' });
    expect(errorCode(await route('privacy.erase', { partyId: target, version: p.version }, token))).toBe('privacy.already_erased');
    // Nobody types the person back into the erased record: a new placement makes a new debtor.
    const back = await route('parties.update', { id: target, version: p.version, party: { kind: 'person', name: NAME, nationalId: ID } }, token);
    expect(errorCode(back)).toBe('privacy.already_erased');
    expect((await call<{ id: number }>('parties.create', { kind: 'person', name: NAME, nationalId: ID })).id).not.toBe(target);
    const onCase = await route('cases.create', { clientId, debtorIds: [target], instrumentType: 'invoice', principalMinor: 1_000 }, token);
    expect(onCase.ok ? null : onCase.error).toMatchObject({ code: 'input.invalid', details: [{ path: 'debtorIds', message: 'validation.party_erased' }] });
    for (const [name, input] of [
      ['parties.get', { id: target }],
      ['cases.get', { id: case1.id }],
      ['cases.list', { limit: 50 }],
      ['letters.register', { limit: 50 }],
      ['letters.forCase', { caseId: case2.id }],
      ['activity.forCase', { caseId: case1.id }],
      ['documents.list', { owner: { partyId: target }, includeRemoved: true }],
      ['payments.forCase', { caseId: case1.id }],
      ['ledger.forClient', { clientId }],
      ['privacy.export', { partyId: target, lang: 'ar' }],
      ['parties.list', { limit: 50 }],
      ['cases.timeline', { caseId: case1.id }],
      ['letters.pdf', { id: single.id }],
      ['exports.debtors', { format: 'xlsx' }],
      ['exports.cases', { format: 'csv' }],
      ['exports.register', { format: 'xlsx' }],
      ['reports.drill', { filter: reportFilter, spec: { report: 'pipeline', measure: 'cases', currency: 'SAR', stage: null }, limit: 50 }],
      ['audit.verify', {}],
    ] as const) {
      const r = await route(name, input, token);
      expect([name, r.ok ? 'ok' : r.error.code]).toEqual([name, 'ok']);
    }
    // The case's history still shows the payment, its amount and receipt, without the erased cheque number.
    const history = await call<TimelineItem[]>('cases.timeline', { caseId: case1.id });
    expect(history.find((i) => i.type === 'payment')).toMatchObject({ paymentId, event: 'received', amountMinor: 200_000, currency: 'SAR', method: 'cheque', chequeNumber: '', notes: '' });
  });

  it('erases the other debtor of the batch too: both pages are notices, the intermediate file is gone', async () => {
    const k = await call<CaseDetail>('cases.get', { id: caseOther.id });
    await call('cases.setStatus', { id: k.id, version: k.version, status: 'withdrawn', reason: 'سحب العميل الملف' });
    sqlite().prepare("UPDATE cases SET closed_on = '2014-02-01' WHERE id = ?").run(caseOther.id); // closed twelve years ago
    const intermediate = (sqlite().prepare('SELECT pdf_sha256 AS s FROM letter_batches WHERE id = ?').get(batchId) as { s: string }).s;
    const p = await call<ErasurePreview>('privacy.erasePreview', { partyId: other });
    expect(p).toMatchObject({ block: null, letters: 1, batchLetters: 1 });
    await call<ErasureResult>('privacy.erase', { partyId: other, version: p.version });
    const path = await batchPdf('batch-both-redacted');
    expect(qpdfCheck(path).ok).toBe(true);
    const text = normalize(pdfText(path));
    for (const secret of [NAME, OTHER, 'العتيبي', 'الزهراني']) expect(text).not.toContain(secret);
    expect(text).toContain(otherLetter.number);
    expect(pageCount(path)).toBe((sqlite().prepare('SELECT sum(page_count) AS n FROM letters WHERE batch_id = ?').get(batchId) as { n: number }).n);
    const final = (sqlite().prepare('SELECT pdf_sha256 AS s FROM letter_batches WHERE id = ?').get(batchId) as { s: string }).s;
    expect(sqlite().prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(intermediate)).toBeUndefined();
    // Every record of this batch's redactions names the file in use now.
    const records = sqlite().prepare('SELECT redacted_sha256 AS r FROM pdf_redactions WHERE original_sha256 = ? OR redacted_sha256 = ?').all(intermediate, final) as { r: string }[];
    expect(records.length).toBe(2);
    for (const r of records) expect(r.r).toBe(final);
    expect(occurrences(OTHER)).toEqual([]);
    expect(verifyAuditChain(sqlite()).ok).toBe(true);
  });
});

describe('a guarantor', () => {
  it('is erased from a closed case while the debtor keeps their name, their other case and their search entry', async () => {
    const GUARANTOR = 'عبدالإله بن ناصر القحطاني';
    const DEBTOR = 'فيصل بن سعود الغامدي';
    const g = await call<{ id: number }>('parties.create', { kind: 'person', name: GUARANTOR, nationalId: makeNationalId('1', '33123456'), phones: ['+966561112233'] });
    const d = await call<{ id: number }>('parties.create', { kind: 'person', name: DEBTOR, nationalId: makeNationalId('1', '22123456') });
    const shared = await call<CaseDetail>('cases.create', { clientId, debtorIds: [d.id], guarantorIds: [g.id], instrumentType: 'invoice', principalMinor: 50_000 });
    await call('cases.create', { clientId, debtorIds: [d.id], instrumentType: 'invoice', principalMinor: 70_000 }); // the debtor's open case
    await call('cases.setStatus', { id: shared.id, version: shared.version, status: 'withdrawn', reason: 'سحب العميل الملف' });
    sqlite().prepare("UPDATE cases SET closed_on = '2015-03-01' WHERE id = ?").run(shared.id); // closed eleven years ago
    expect(errorCode(await route('privacy.erase', { partyId: d.id, version: 1 }, token))).toBe('privacy.open_case');
    const p = await call<ErasurePreview>('privacy.erasePreview', { partyId: g.id });
    expect(p).toMatchObject({ block: null, cases: 1 });
    await call<ErasureResult>('privacy.erase', { partyId: g.id, version: p.version });
    expect(sqlite().prepare('SELECT debtor_name AS n FROM cases WHERE id = ?').get(shared.id)).toEqual({ n: DEBTOR });
    expect((await call<{ name: string }>('parties.get', { id: d.id })).name).toBe(DEBTOR);
    expect((await call<{ parties: { id: number }[] }>('search.global', { query: 'الغامدي' })).parties.map((x) => x.id)).toEqual([d.id]);
    expect((await call<{ cases: { id: number }[] }>('search.global', { query: 'الغامدي' })).cases.length).toBe(2);
    const gone = await call<{ cases: unknown[]; parties: unknown[] }>('search.global', { query: 'القحطاني' });
    expect(gone.cases.length + gone.parties.length).toBe(0);
    expect(occurrences(GUARANTOR)).toEqual([]);
    expect(occurrences('561112233')).toEqual([]);
  });
});

describe('who is due, at the edges', () => {
  it('pages oldest closing first, counts the day the period ends as due and the next day as not, and a 29 February closing as due on 28 February', async () => {
    const make = async (n: number, closedOn: string): Promise<number> => {
      const p = await call<{ id: number }>('parties.create', { kind: 'person', name: `مدين الحافة ${n}`, nationalId: makeNationalId('1', String(11_000_000 + n)) });
      const k = await call<CaseDetail>('cases.create', { clientId, debtorIds: [p.id], instrumentType: 'invoice', principalMinor: 1_000 });
      await call('cases.setStatus', { id: k.id, version: k.version, status: 'closed_paid' });
      sqlite().prepare('UPDATE cases SET closed_on = ? WHERE id = ?').run(closedOn, k.id); // the closing day, set directly
      return p.id;
    };
    const onTheDay = await make(1, '2016-11-22'); // erasable from 2026-11-22: today
    const dayAfter = await make(2, '2016-11-23'); // erasable from 2026-11-23: tomorrow
    const older = await make(3, '2012-05-05');
    const leap = await make(4, '2016-02-29');
    const due = async (): Promise<ErasureCandidate[]> => {
      const rows: ErasureCandidate[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: Page<ErasureCandidate> = await call<Page<ErasureCandidate>>('privacy.due', { limit: 1, cursor });
        rows.push(...page.rows);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return rows;
    };
    const ids = (await due()).map((r) => r.partyId);
    expect(ids.filter((id) => [onTheDay, dayAfter, older, leap].includes(id))).toEqual([older, leap, onTheDay]);
    const lastClosed = (await due()).map((r) => r.lastClosedOn);
    expect([...lastClosed].sort()).toEqual(lastClosed);
    expect(await call<ErasurePreview>('privacy.erasePreview', { partyId: dayAfter })).toMatchObject({ block: 'not_due', erasableFrom: '2026-11-23' });
    const saved = clock.now;
    try {
      clock.now = new Date('2026-02-28T09:00:00Z');
      expect(await call<ErasurePreview>('privacy.erasePreview', { partyId: leap })).toMatchObject({ block: null, erasableFrom: '2026-02-28' });
      expect((await due()).map((r) => r.partyId)).toContain(leap);
      clock.now = new Date('2026-02-27T09:00:00Z');
      expect((await due()).map((r) => r.partyId)).not.toContain(leap);
    } finally {
      clock.now = saved;
    }
  });
});
