// The same placement file saved by a real spreadsheet application: tests/fixtures/imports/placement-libreoffice.xlsx is
// placement-excel.xlsx opened and saved again by LibreOffice Calc 7.4 (`soffice --headless --calc --convert-to
// 'xlsx:Calc MS Excel 2007 XML'`), whose writer lays out the parts, styles and cells its own way (every attribute
// spelled out, its own number formats, date cells as styled serials). It must import exactly like the Excel-shaped file.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../bench/factory/office';
import type { ImportDryRun, ImportFile } from '../../../electron/contract/procedures/imports';
import type { JobState } from '../../../electron/contract/procedures/letters';
import type { CaseRow } from '../../../electron/contract/procedures/cases';
import { hijriToGregorian } from '../../../electron/domain/hijri';
import type { Vault } from '../../../electron/core/vault';
import type { Router } from '../../../electron/core/api/router';
import { PASSWORD, seededRouter, tempDir } from '../../fixtures/core';

const FIXTURES = join(import.meta.dirname, '../../fixtures/imports');
const dir = tempDir();
let vault: Vault;
let route: Router;
let token: string;

const call = async <T,>(name: string, input: unknown): Promise<T> => unwrap(await route(name, input, token)) as T;

async function importFile(name: string, clientId: number): Promise<{ file: ImportFile; dry: ImportDryRun; rows: CaseRow[] }> {
  const file = await call<ImportFile>('imports.open', { clientId, fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64'), encoding: null });
  const dry = await call<ImportDryRun>('imports.dryRun', { token: file.token, mapping: file.mapping });
  let job = await call<JobState>('imports.commit', { token: file.token, mapping: file.mapping, skipBadRows: true });
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = await call<JobState>('jobs.get', { id: job.id });
  }
  expect(job.status).toBe('done');
  const rows = (await call<{ rows: CaseRow[] }>('cases.list', { filter: { clientId }, limit: 200, sort: 'reference', dir: 'asc' })).rows;
  return { file, dry, rows };
}

beforeAll(async () => {
  ({ vault, route } = await seededRouter(dir, () => new Date('2026-11-22T09:00:00Z')));
  token = (unwrap(await route('auth.login', { username: 'partner', password: PASSWORD }, null)) as { token: string }).token;
});
afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a placement file saved by LibreOffice Calc', () => {
  it('is the Excel file: same mapping guess, same bad rows, same cases, amounts and dates', async () => {
    // The file really is LibreOffice's, not a copy of the other.
    const bytes = readFileSync(join(FIXTURES, 'placement-libreoffice.xlsx'));
    expect(bytes.equals(readFileSync(join(FIXTURES, 'placement-excel.xlsx')))).toBe(false);

    const a = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'عميل ملف إكسل', crNumber: '1010333333' })).id;
    const b = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'عميل ملف ليبر أوفيس', crNumber: '1010444444' })).id;
    const excel = await importFile('placement-excel.xlsx', a);
    const lo = await importFile('placement-libreoffice.xlsx', b);

    expect(lo.file).toMatchObject({ kind: 'xlsx', rowCount: 6, headers: excel.file.headers });
    expect(lo.file.mapping.columns).toEqual(excel.file.mapping.columns);
    expect(lo.dry).toMatchObject({ rows: 6, valid: 4, problemRows: 2, cases: excel.dry.cases });
    // The same people: the second file finds every debtor the first created (matched by ID).
    expect(lo.dry.debtors).toEqual({ create: 0, matched: excel.dry.debtors.create + excel.dry.debtors.matched });
    expect(lo.dry.problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [6, 'amount_zero', 'المبلغ'],
      [7, 'id_checksum', 'رقم الهوية'],
    ]);
    const shape = (rows: CaseRow[]) =>
      rows.map((r) => [r.clientReference, r.debtorName, r.claimMinor, r.currency, r.dueDate]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(shape(lo.rows)).toEqual(shape(excel.rows));
    expect(lo.rows.find((r) => r.clientReference === 'CN-2001')).toMatchObject({ debtorName: 'عبدالعزيز بن سعد الغامدي', claimMinor: 1_250_050, dueDate: '2025-03-15' });
    expect(lo.rows.find((r) => r.clientReference === 'CN-2002')?.dueDate).toBe(hijriToGregorian({ year: 1446, month: 7, day: 1 }));
    expect(lo.rows.find((r) => r.clientReference === 'CN-2004')).toMatchObject({ claimMinor: 999_999 });
  });
});
