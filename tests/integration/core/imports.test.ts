// Placement imports through the real router on a real encrypted office, with real files (tests/fixtures/imports):
// Windows-1256 CSV, an Excel XLSX with Hijri dates, UTF-16 and UTF-8 BOM text; the dry run and its bad rows, the commit as
// one transaction (a row failing late leaves nothing), matching on a second import, saved mappings, undo, and bad files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unwrap } from '../../../bench/factory/office';
import type { ExportedFile, ImportDryRun, ImportFile, ImportRow } from '../../../electron/contract/procedures/imports';
import type { JobState } from '../../../electron/contract/procedures/letters';
import type { CaseDetail, CaseRow } from '../../../electron/contract/procedures/cases';
import { hijriToGregorian } from '../../../electron/domain/hijri';
import { rmSync } from 'node:fs';
import type { Vault } from '../../../electron/core/vault';
import type { Router } from '../../../electron/core/api/router';
import { errorCode, PASSWORD, seededRouter, tempDir } from '../../fixtures/core';

const FIXTURES = join(import.meta.dirname, '../../fixtures/imports');
const dir = tempDir();
let vault: Vault;
let route: Router;
let token: string;
let clientId: number;
let otherClientId: number;

const call = async <T,>(name: string, input: unknown, session: string | null = token): Promise<T> => unwrap(await route(name, input, session)) as T;
const raw = (name: string, input: unknown, session: string | null = token) => route(name, input, session);
const count = (sql: string): number => (vault.current().sqlite.prepare(sql).get() as { n: number }).n;
const file = (name: string): string => readFileSync(join(FIXTURES, name)).toString('base64');
const open = (name: string, client = clientId, encoding: string | null = null) =>
  call<ImportFile>('imports.open', { clientId: client, fileName: name, contentBase64: file(name), encoding });

async function waitJob(id: string): Promise<JobState> {
  for (;;) {
    const j = await call<JobState>('jobs.get', { id });
    if (j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function commit(f: ImportFile, skipBadRows = true, mapping = f.mapping): Promise<JobState> {
  const job = await call<JobState>('imports.commit', { token: f.token, mapping, skipBadRows });
  return waitJob(job.id);
}

const casesOf = async (client: number): Promise<CaseRow[]> =>
  (await call<{ rows: CaseRow[] }>('cases.list', { filter: { clientId: client }, limit: 200, sort: 'reference', dir: 'asc' })).rows;

beforeAll(async () => {
  ({ vault, route } = await seededRouter(dir, () => new Date('2026-11-22T09:00:00Z')));
  token = (await call<{ token: string }>('auth.login', { username: 'partner', password: PASSWORD }, null)).token;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'بنك الرياض للتمويل', crNumber: '1010111111' })).id;
  otherClientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الاتصالات المتقدمة', crNumber: '1010222222' })).id;
});
afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('placement import', () => {
  it('reads a Windows-1256 CSV, lists the bad rows in a dry run, and imports the rest as one debtor per ID', async () => {
    const f = await open('placement-1256.csv');
    expect(f).toMatchObject({ kind: 'csv', encoding: 'windows-1256', detected: 'windows-1256', rowCount: 8, mappingSaved: false });
    expect(f.headers[0]).toBe('الاسم الأول');
    expect(f.preview[0]?.[0]).toBe('محمد عبدالله');
    expect(f.mapping.columns.debtorName).toEqual(['الاسم الأول', 'اسم العائلة']);
    expect(f.mapping.columns.phones).toEqual(['الجوال', 'جوال آخر']);

    const dry = await call<ImportDryRun>('imports.dryRun', { token: f.token, mapping: f.mapping });
    expect(dry).toMatchObject({ rows: 8, valid: 4, problemRows: 4, cases: { create: 4, matched: 0 }, debtors: { create: 3, matched: 0 } });
    const byLine = Object.fromEntries(dry.problems.map((p) => [p.line, p]));
    expect(byLine[6]).toMatchObject({ column: 'رقم الهوية', code: 'id_checksum' });
    expect(byLine[7]).toMatchObject({ column: 'المبلغ', code: 'amount_words' });
    expect(byLine[8]).toMatchObject({ column: 'تاريخ الاستحقاق', code: 'date_invalid' });
    expect(byLine[9]).toMatchObject({ code: 'duplicate_row', detail: '3' });

    // Without skipping, the commit refuses and writes nothing.
    const refused = await commit(f, false);
    expect(refused.status).toBe('failed');
    expect(refused.error?.code).toBe('imports.has_problems');
    expect(await casesOf(clientId)).toHaveLength(0);

    const done = await commit(f, true);
    expect(done.status).toBe('done');
    const rows = await casesOf(clientId);
    expect(rows).toHaveLength(4);
    const first = rows.find((r) => r.clientReference === 'ACC-1001');
    expect(first).toMatchObject({ debtorName: 'محمد عبدالله القحطاني', claimMinor: 1_575_050, stage: 'intake', currency: 'SAR' });
    expect(first?.reference).toMatch(/^TH-2026-\d{6}$/);
    const second = rows.find((r) => r.clientReference === 'ACC-1002');
    // A Hijri due date converted through Umm al-Qura.
    expect(second).toMatchObject({ debtorName: 'فاطمة الزهراني', claimMinor: 2_340_075, dueDate: hijriToGregorian({ year: 1446, month: 9, day: 10 }), instrumentType: 'cheque' });
    expect(rows.find((r) => r.clientReference === 'ACC-1003')).toMatchObject({ instrumentType: 'promissory_note', dueDate: '2025-01-31' });
    const detail = await call<CaseDetail>('cases.get', { id: second?.id });
    expect(detail.debtors[0]?.nationalId.startsWith('2')).toBe(true);
    expect(detail.debtors[0]?.phone).toBe('+966501112222');
    // The same debtor (by ID) carries both of its accounts.
    const c1 = await call<CaseDetail>('cases.get', { id: first?.id });
    const c4 = await call<CaseDetail>('cases.get', { id: rows.find((r) => r.clientReference === 'ACC-1004')?.id });
    expect(c4.debtors[0]?.id).toBe(c1.debtors[0]?.id);
    // The search index has the imported debtors and cases.
    const found = await call<{ cases: { id: number }[] }>('search.global', { query: 'القحطاني' });
    expect(found.cases.map((c) => c.id).sort()).toEqual([c1.id, c4.id].sort());

    const history = await call<ImportRow[]>('imports.list', { clientId });
    expect(history[0]).toMatchObject({ fileName: 'placement-1256.csv', fileSha256: f.sha256, rowsTotal: 8, rowsSkipped: 4, casesCreated: 4, debtorsCreated: 3, status: 'committed', encoding: 'windows-1256' });
    expect(history[0]?.createdByName).not.toBe('');

    // Again: the same file is recognised, its mapping is the client's saved one, and its cases are matched.
    const again = await open('placement-1256.csv');
    expect(again.mappingSaved).toBe(true);
    expect(again.previousImportId).toBe(history[0]?.id);
    const dry2 = await call<ImportDryRun>('imports.dryRun', { token: again.token, mapping: again.mapping });
    expect(dry2.cases).toEqual({ create: 0, matched: 4 });
    const nothing = await commit(again, true);
    expect(nothing.error?.code).toBe('imports.nothing_to_import');
  });

  it('imports an Excel file with date cells, serials, Hijri text dates and a company by its unified number', async () => {
    const f = await open('placement-excel.xlsx', otherClientId);
    expect(f).toMatchObject({ kind: 'xlsx', rowCount: 6 });
    expect(f.mapping.columns.dueDate).toEqual(['تاريخ الاستحقاق', 'تاريخ الاستحقاق هجري']);
    const dry = await call<ImportDryRun>('imports.dryRun', { token: f.token, mapping: f.mapping });
    expect(dry).toMatchObject({ rows: 6, valid: 4, problemRows: 2 });
    expect(dry.problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [6, 'amount_zero', 'المبلغ'],
      [7, 'id_checksum', 'رقم الهوية'],
    ]);
    // The rejected rows as a file with a reason column, read back.
    const rejected = await call<ExportedFile>('imports.rejected', { token: f.token, mapping: f.mapping, format: 'xlsx', lang: 'ar' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(rejected.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('رقم الصف');
    expect(ws?.getRow(2).getCell(2).value).toBe('ريم بنت خالد الحربي');
    expect(ws?.getRow(2).getCell(12).text).toContain('المبلغ صفر');
    expect(ws?.getRow(3).getCell(12).text).toContain('خانة التحقق');

    expect((await commit(f)).status).toBe('done');
    const rows = await casesOf(otherClientId);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.clientReference === 'CN-2001')).toMatchObject({ debtorName: 'عبدالعزيز بن سعد الغامدي', claimMinor: 1_250_050, dueDate: '2025-03-15' });
    expect(rows.find((r) => r.clientReference === 'CN-2002')).toMatchObject({ claimMinor: 4_000_000, dueDate: hijriToGregorian({ year: 1446, month: 7, day: 1 }) });
    // An Excel serial number in the date column (45700 = 2025-02-12).
    expect(rows.find((r) => r.clientReference === 'CN-2003')).toMatchObject({ debtorName: 'مؤسسة النخبة للمقاولات', dueDate: '2025-02-12', claimMinor: 25_000_000 });
    // Arabic-Indic digits with Arabic separators, and a Hijri date written with them and هـ.
    expect(rows.find((r) => r.clientReference === 'CN-2004')).toMatchObject({ dueDate: hijriToGregorian({ year: 1446, month: 3, day: 15 }), claimMinor: 999_999 });
    const company = await call<CaseDetail>('cases.get', { id: rows.find((r) => r.clientReference === 'CN-2003')?.id });
    expect(company.debtors[0]).toMatchObject({ kind: 'company', crNumber: '7001234567' });
  });

  it('reads UTF-16 (LE and BE, tab-separated as Excel saves Unicode text) and UTF-8 with a BOM; an encoding can be overridden', async () => {
    const le = await open('placement-utf16le.txt');
    expect(le).toMatchObject({ encoding: 'utf-16le', rowCount: 2 });
    expect(le.preview[0]?.[0]).toBe('سلمان بن راشد المري');
    expect((await commit(le, false)).status).toBe('done');
    expect((await casesOf(clientId)).find((r) => r.clientReference === 'U16-2')).toMatchObject({ debtorName: 'لطيفة بنت محمد الكعبي', claimMinor: 250_000 });
    const be = await open('placement-utf16be.csv');
    expect(be).toMatchObject({ encoding: 'utf-16be' });
    expect(be.preview[1]?.[0]).toBe('لطيفة بنت محمد الكعبي');
    const bom = await open('placement-utf8bom.csv');
    expect(bom).toMatchObject({ encoding: 'utf-8-bom', detected: 'utf-8-bom' });
    expect(bom.headers[0]).toBe('اسم المدين');
    // Read as Windows-1256 by the user's choice: the bytes are decoded that way (garbled, which the preview shows).
    const forced = await open('placement-utf8bom.csv', clientId, 'windows-1256');
    expect(forced).toMatchObject({ encoding: 'windows-1256', detected: 'utf-8-bom' });
    expect(forced.headers[0]).not.toBe('اسم المدين');
    // A user holds one file at a time: opening another lets the first go.
    expect(errorCode(await raw('imports.dryRun', { token: bom.token, mapping: bom.mapping }))).toBe('imports.expired');
  });

  it('refuses bad files with clear codes and keeps nothing', async () => {
    const refuse = async (name: string, content: Buffer | string, encoding: string | null = null) =>
      errorCode(await raw('imports.open', { clientId, fileName: name, contentBase64: Buffer.from(content).toString('base64'), encoding }));
    expect(await refuse('empty.csv', readFileSync(join(FIXTURES, 'empty.csv')))).toBe('imports.empty');
    expect(await refuse('header-only.csv', readFileSync(join(FIXTURES, 'header-only.csv')))).toBe('imports.header_only');
    expect(await refuse('renamed-pdf.csv', readFileSync(join(FIXTURES, 'renamed-pdf.csv')))).toBe('imports.not_table');
    expect(await refuse('mixed-encoding.csv', readFileSync(join(FIXTURES, 'mixed-encoding.csv')))).toBe('imports.mixed_encoding');
    // The user may still read a mixed file one way on purpose.
    expect(await refuse('mixed-encoding.csv', readFileSync(join(FIXTURES, 'mixed-encoding.csv')), 'utf-8')).toBeUndefined();
    expect(await refuse('blank.csv', '\r\n\r\n  \r\n')).toBe('imports.empty');
    // A million rows is refused over the limit, before the rows are split into fields.
    const million = `اسم المدين,المبلغ\n${'فهد,100\n'.repeat(1_000_000)}`;
    const rss = process.memoryUsage().rss;
    expect(await refuse('million.csv', million)).toBe('imports.too_many_rows');
    expect(process.memoryUsage().rss - rss).toBeLessThan(600 * 1024 * 1024);
    // A mapping without the required fields, or naming a column the file lacks.
    const f = await open('placement-utf16le.txt', otherClientId);
    expect(errorCode(await raw('imports.dryRun', { token: f.token, mapping: { ...f.mapping, columns: { debtorName: ['اسم المدين'] } } }))).toBe('imports.mapping_incomplete');
    expect(errorCode(await raw('imports.dryRun', { token: f.token, mapping: { ...f.mapping, columns: { ...f.mapping.columns, notes: ['لا يوجد'] } } }))).toBe('imports.mapping_unknown_column');
    expect(errorCode(await raw('imports.dryRun', { token: 'no-such-token', mapping: f.mapping }))).toBe('imports.expired');
  }, 60_000);

  it('commits all or nothing: a row failing late in the transaction leaves no case, debtor, index entry or record', async () => {
    const f = await open('placement-excel.xlsx', clientId);
    const tables = ['cases', 'parties', 'imports', 'import_items', 'search_index', 'stage_moves', 'import_mappings'];
    const before = Object.fromEntries(tables.map((n) => [n, count(`SELECT count(*) AS n FROM ${n}`)]));
    const counter = count('SELECT last_seq AS n FROM reference_counters WHERE year = 2026');
    const sqlite = vault.current().sqlite;
    // A real failure inside SQLite on the last good row's insert, after the rows before it were written in the transaction.
    sqlite.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON cases WHEN NEW.client_reference = 'CN-2004' BEGIN SELECT RAISE(ABORT, 'late failure'); END`);
    try {
      const failed = await commit(f, true);
      expect(failed.status).toBe('failed');
      expect(failed.error?.code).toBe('internal');
    } finally {
      sqlite.exec('DROP TRIGGER temp.fail_late');
    }
    expect(Object.fromEntries(tables.map((n) => [n, count(`SELECT count(*) AS n FROM ${n}`)]))).toEqual(before);
    expect(count('SELECT last_seq AS n FROM reference_counters WHERE year = 2026')).toBe(counter);
    // The held file is still there: the same import runs again once the cause is gone.
    const again = await commit(f, true);
    expect(again.error).toBeNull();
    expect(again.status).toBe('done');
    expect(count('SELECT count(*) AS n FROM cases')).toBe((before.cases ?? 0) + 4);
  });

  it('is undone as a whole while nobody worked on its cases, and refused once someone did', async () => {
    const client = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة التقسيط الميسر', crNumber: '1010333333' })).id;
    const f = await open('placement-1256.csv', client);
    expect((await commit(f)).status).toBe('done');
    const imp = (await call<ImportRow[]>('imports.list', { clientId: client }))[0] as ImportRow;
    // Debtors of the earlier import are matched (same IDs), not created again.
    expect(imp).toMatchObject({ casesCreated: 4, debtorsCreated: 0, debtorsMatched: 3 });
    const rows = await casesOf(client);
    expect(rows).toHaveLength(4);
    const counter = count('SELECT last_seq AS n FROM reference_counters WHERE year = 2026');

    // Someone logs a call on one of its cases: undo is refused and names the case.
    const target = rows[0] as CaseRow;
    const detail = await call<CaseDetail>('cases.get', { id: target.id });
    await call('activity.log', { caseId: target.id, partyId: detail.debtors[0]?.id, channel: 'call', direction: 'out', outcome: 'no_answer', occurredAt: '2026-11-22T08:00:00Z', notes: '' });
    const blocked = await raw('imports.undo', { id: imp.id });
    expect(errorCode(blocked)).toBe('imports.undo_blocked');
    expect(blocked.ok ? null : blocked.error.details).toMatchObject({ cases: [target.reference], count: 1 });
    expect(await casesOf(client)).toHaveLength(4);

    // A fresh import of the UTF-8 BOM file into another client, undone: its cases and debtors go, references are given back.
    const c2 = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'مؤسسة الراشد التجارية', crNumber: '1010444444' })).id;
    const g = await open('placement-utf8bom.csv', c2);
    const partiesBefore = count('SELECT count(*) AS n FROM parties');
    const counterBefore = count('SELECT last_seq AS n FROM reference_counters WHERE year = 2026');
    expect((await commit(g)).status).toBe('done');
    const imp2 = (await call<ImportRow[]>('imports.list', { clientId: c2 }))[0] as ImportRow;
    expect(imp2).toMatchObject({ casesCreated: 2, debtorsCreated: 2 });
    const undone = await call<ImportRow>('imports.undo', { id: imp2.id });
    expect(undone).toMatchObject({ status: 'undone' });
    expect(undone.undoneAt).not.toBeNull();
    expect(await casesOf(c2)).toHaveLength(0);
    expect(count('SELECT count(*) AS n FROM parties')).toBe(partiesBefore);
    expect(count('SELECT last_seq AS n FROM reference_counters WHERE year = 2026')).toBe(counterBefore);
    expect((await call<{ parties: unknown[] }>('search.global', { query: 'لطيفة بنت محمد الكعبي' })).parties.length).toBeGreaterThan(0); // the UTF-16 import's debtor stays
    expect(errorCode(await raw('imports.undo', { id: imp2.id }))).toBe('imports.already_undone');
    expect(counter).toBeLessThanOrEqual(counterBefore);
    // The audit trail has the import and its undo.
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'imports.undo' AND entity_id = '${imp2.id}'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'imports.commit' AND entity_id = '${imp2.id}'`)).toBe(1);
  });

  it('is for partners and lawyers only', async () => {
    for (const [username, allowed] of [['paralegal', false], ['staff', false], ['accountant', false], ['lawyer', true]] as const) {
      const s = (await call<{ token: string }>('auth.login', { username, password: PASSWORD }, null)).token;
      const r = await raw('imports.list', { clientId: null }, s);
      expect(errorCode(r)).toBe(allowed ? undefined : 'permission.denied');
    }
  });
});
