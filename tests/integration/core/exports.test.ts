// Exports through the real router, read back: CSV in UTF-8 with a BOM and Arabic intact, XLSX with typed cells, the list's
// own filters applied, values that would run as formulas neutralised, who may export, and each export in the audit trail.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unwrap } from '../../../bench/factory/office';
import type { ExportedFile } from '../../../electron/contract/procedures/imports';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { Vault } from '../../../electron/core/vault';
import type { Router } from '../../../electron/core/api/router';
import { neutralise } from '../../../electron/core/exports/list';
import { makeNationalId } from '../../../electron/domain/validators';
import { errorCode, PASSWORD, seededRouter, tempDir } from '../../fixtures/core';

const dir = tempDir();
let vault: Vault;
let route: Router;
let token: string;
let clientId: number;
let evil: CaseDetail;

const call = async <T,>(name: string, input: unknown, session: string | null = token): Promise<T> => unwrap(await route(name, input, session)) as T;

function csvText(f: ExportedFile): { bom: boolean; lines: string[] } {
  const bytes = Buffer.from(f.contentBase64, 'base64');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { bom, lines: bytes.subarray(bom ? 3 : 0).toString('utf8').split('\r\n').filter(Boolean) };
}

async function sheet(f: ExportedFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

beforeAll(async () => {
  ({ vault, route } = await seededRouter(dir, () => new Date('2026-11-22T09:00:00Z')));
  token = (await call<{ token: string }>('auth.login', { username: 'partner', password: PASSWORD }, null)).token;
  clientId = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة الراية للتمويل', crNumber: '1010123456' })).id;
  const other = (await call<{ id: number }>('clients.create', { kind: 'company', nameAr: 'شركة أخرى', crNumber: '1010654321' })).id;
  const a = await call<{ id: number }>('parties.create', { kind: 'person', name: 'عبدالله بن سعد القحطاني', nationalId: makeNationalId('1', 11_111_111) });
  // A name and a reference a spreadsheet would run as formulas.
  const b = await call<{ id: number }>('parties.create', { kind: 'person', name: '=HYPERLINK("http://evil.example","انقر")', nationalId: makeNationalId('1', 22_222_222) });
  await call('cases.create', { clientId, debtorIds: [a.id], instrumentType: 'invoice', principalMinor: 1_000_000, costsMinor: 50_000, feesMinor: 100_000, clientReference: 'ACC-1' });
  evil = await call<CaseDetail>('cases.create', { clientId, debtorIds: [b.id], instrumentType: 'cheque', principalMinor: 250_075, clientReference: '@SUM(1+1)*cmd' });
  await call('cases.create', { clientId: other, debtorIds: [a.id], instrumentType: 'loan', principalMinor: 99_900, clientReference: 'OTHER-1' });
  await call('payments.post', { caseId: evil.id, onDate: '2026-11-22', amountMinor: 50_025, currency: 'SAR', method: 'bank_transfer', reference: '-5+3', notes: 'دفعة أولى' });
  await call('activity.log', { caseId: evil.id, partyId: b.id, channel: 'call', direction: 'out', outcome: 'promised', occurredAt: '2026-11-22T07:00:00Z', notes: '+966 وعد بالسداد' });
});
afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exports', () => {
  it('neutralises what a spreadsheet would run, and nothing else', () => {
    expect(['=1+1', '+1', '-2', '@x', '\tx', '\rx'].map(neutralise)).toEqual(["'=1+1", "'+1", "'-2", "'@x", "'\tx", "'\rx"]);
    expect(['عبدالله', 'TH-2026-000001', '1,000', ''].map(neutralise)).toEqual(['عبدالله', 'TH-2026-000001', '1,000', '']);
  });

  it('writes the cases as on screen to CSV in UTF-8 with a BOM, Arabic intact, formulas neutralised', async () => {
    const f = await call<ExportedFile>('exports.cases', { format: 'csv', lang: 'ar', filter: { clientId }, sort: 'reference', dir: 'asc' });
    expect(f).toMatchObject({ rows: 2, mime: 'text/csv' });
    expect(f.fileName).toMatch(/^cases-2026-11-22\.csv$/);
    const { bom, lines } = csvText(f);
    expect(bom).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[0]?.split(',').slice(0, 4)).toEqual(['المرجع', 'مرجع الموكل', 'الموكل', 'المدين']);
    expect(lines[1]).toContain('عبدالله بن سعد القحطاني');
    expect(lines[1]).toContain(',11500.00,0.00,11500.00,');
    expect(lines[2]).toContain(`'@SUM(1+1)*cmd`);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"",""انقر"")"`);
    expect(lines[2]).toContain('شيك');
    // The other client's case is not in the filtered export.
    expect(lines.join('\n')).not.toContain('OTHER-1');
  });

  it('writes the cases to XLSX with text cells (never formulas), amounts as numbers in the currency format, right to left', async () => {
    const f = await call<ExportedFile>('exports.cases', { format: 'xlsx', lang: 'ar', filter: { clientId }, sort: 'reference', dir: 'asc' });
    const ws = await sheet(f);
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(ws.getRow(1).getCell(4).text).toBe('المدين');
    const row = ws.getRow(3);
    expect(row.getCell(4).value).toBe(`'=HYPERLINK("http://evil.example","انقر")`);
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe(`'@SUM(1+1)*cmd`);
    expect(row.getCell(9).value).toBe(2500.75);
    expect(row.getCell(9).numFmt).toContain('SAR');
    expect(row.getCell(10).value).toBe(500.25);
    expect(row.getCell(11).value).toBe(2000.5);
    expect(ws.getRow(2).getCell(12).value).toBeInstanceOf(Date);
    const en = await sheet(await call<ExportedFile>('exports.cases', { format: 'xlsx', lang: 'en', filter: { clientId } }));
    expect(en.getRow(1).getCell(1).text).toBe('Reference');
    expect(en.views[0]?.rightToLeft).toBe(false);
  });

  it('writes payments, the communication log, debtors and the register', async () => {
    const pay = csvText(await call<ExportedFile>('exports.payments', { format: 'csv', lang: 'ar', caseId: evil.id }));
    expect(pay.lines).toHaveLength(2);
    expect(pay.lines[1]).toContain(',500.25,');
    expect(pay.lines[1]).toContain(`'-5+3`);
    expect(pay.lines[1]).toContain('تحويل بنكي');
    const log = await sheet(await call<ExportedFile>('exports.communications', { format: 'xlsx', lang: 'ar', caseId: null }));
    expect(log.rowCount).toBe(2);
    expect(log.getRow(2).getCell(8).value).toBe(`'+966 وعد بالسداد`);
    const debtors = csvText(await call<ExportedFile>('exports.debtors', { format: 'csv', lang: 'en', query: 'القحطاني' }));
    expect(debtors.lines).toHaveLength(2);
    expect(debtors.lines[1]).toContain('عبدالله بن سعد القحطاني,Person,');
    const register = csvText(await call<ExportedFile>('exports.register', { format: 'csv', lang: 'en', filter: {} }));
    expect(register.bom).toBe(true);
    expect(register.lines).toEqual(['Number,Date,Letter,Case,Debtor,Client,Currency,Amount,Deadline,State,Dispatch,By']);
  });

  it('is for partners, lawyers and accountants, and each export is in the audit trail', async () => {
    for (const [username, allowed] of [['lawyer', true], ['accountant', true], ['paralegal', false], ['staff', false]] as const) {
      const s = (await call<{ token: string }>('auth.login', { username, password: PASSWORD }, null)).token;
      const r = await route('exports.cases', { format: 'csv', filter: { clientId } }, s);
      expect(errorCode(r)).toBe(allowed ? undefined : 'permission.denied');
    }
    const audited = vault.current().sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'exports.%' AND entity = 'export'`).get() as { n: number };
    expect(audited.n).toBeGreaterThanOrEqual(9);
  });
});
