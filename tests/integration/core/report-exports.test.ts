// reports.exportXlsx / reports.exportPdf on a seeded office: the workbook read back with exceljs adds up to the report's
// own totals to the halala, the PDF is qpdf-clean with the same totals in its text, each export is audited, and who may
// export what follows who may see it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { seedMoney } from '../../../bench/factory/money';
import { openVault } from '../../../electron/core/vault';
import type { ReportFile } from '../../../electron/contract/procedures/report-exports';
import type { AgingReport, FeesReport, PipelineReport, RecoveryReport } from '../../../electron/contract/procedures/reports';
import { formatMinorUnits } from '../../../electron/domain/format';
import { getCurrency, type CurrencyCode } from '../../../electron/domain/money';
import { errorCode, MIGRATIONS, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

const TODAY = '2026-11-22';
const YEAR = { from: '2025-11-23', to: TODAY };
let t: TestCore;
const tokens: Record<string, string> = {};
const out = mkdtempSync(join(tmpdir(), 'tahseel-report-exports-'));

beforeAll(async () => {
  t = startCore();
  t.clock.now = new Date(`${TODAY}T09:00:00Z`);
  await seedOffice(t.core, { password: PASSWORD, seed: 1 });
  t.core.close();
  const vault = openVault(t.dir, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases: 400, seed: 5, today: TODAY, lawyerIds: [...ids('lawyer'), ...ids('partner')], paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 5, today: TODAY });
  seedMoney(open, { seed: 5, today: TODAY });
  vault.close();
  t.reopen();
  for (const role of ['partner', 'lawyer', 'paralegal', 'staff', 'accountant']) {
    tokens[role] = (unwrap(await t.call('auth.login', { username: role, password: PASSWORD })) as { token: string }).token;
  }
}, 180_000);
afterAll(() => t.dispose());

async function exportFile(kind: 'exportXlsx' | 'exportPdf', report: string, role = 'partner', filter: Record<string, unknown> = YEAR, lang = 'ar'): Promise<ReportFile> {
  const r = await t.call(`reports.${kind}`, { report, filter, lang }, tokens[role]);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as ReportFile;
}

async function workbook(file: ReportFile): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

// exceljs's reader drops a formula's cached 0 (the file holds <v>0</v>; Excel and LibreOffice read it): a missing result is 0.
const resultOf = (v: ExcelJS.CellValue): unknown => (v !== null && typeof v === 'object' && 'formula' in v ? (v.result ?? 0) : v);

/** Every totals row (the first cell says «الإجمالي») equals the sum of the rows above it, column by column, in minor units. */
function checkTotals(ws: ExcelJS.Worksheet, decimals: number): number {
  let checked = 0;
  let start = 0;
  ws.eachRow((row, n) => {
    const first = row.getCell(1);
    if (first.font?.bold && first.fill && 'fgColor' in first.fill && first.fill.fgColor?.argb === 'FFD9D9D9') start = n + 1;
    if (first.value !== 'الإجمالي' || start === 0) return;
    row.eachCell((cell, col) => {
      const v = cell.value;
      if (v === null || typeof v !== 'object' || !('formula' in v)) return;
      let sum = 0;
      for (let r = start; r < n; r++) {
        const x = ws.getCell(r, col).value;
        if (typeof x === 'number') sum += Math.round(x * 10 ** decimals);
      }
      expect(Math.round((resultOf(v) as number) * 10 ** decimals), `${ws.name} row ${n} col ${col}`).toBe(sum);
      checked++;
    });
  });
  return checked;
}

function writeTemp(file: ReportFile): string {
  const path = join(out, file.fileName);
  writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
  return path;
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '');
}

describe('report exports on a seeded office', () => {
  it('aging: the workbook’s totals equal the report’s, per currency, to the minor unit; right-to-left with a frozen header', async () => {
    const report = unwrap(await t.call('reports.aging', { filter: YEAR }, tokens.partner)) as AgingReport;
    expect(report.sections.length).toBeGreaterThan(0);
    const file = await exportFile('exportXlsx', 'aging');
    expect(file.fileName).toBe(`aging-${YEAR.from}-${YEAR.to}.xlsx`);
    const wb = await workbook(file);
    expect(wb.worksheets).toHaveLength(report.sections.length);
    report.sections.forEach((section, i) => {
      const ws = wb.worksheets[i];
      if (!ws) throw new Error('sheet');
      expect(ws.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen' });
      const decimals = getCurrency(section.currency as CurrencyCode).decimals;
      expect(checkTotals(ws, decimals)).toBeGreaterThan(0);
      // The amounts table's last column totals the section's outstanding.
      const totals: number[] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'الإجمالي') totals.push(resultOf(row.getCell(8).value) as number);
      });
      expect(totals).toHaveLength(2);
      expect(Math.round((totals[0] ?? 0) * 10 ** decimals)).toBe(section.total.total.outstandingMinor);
      expect(totals[1]).toBe(section.total.total.cases);
    });
  });

  it('aging: the PDF is valid and prints the same totals', async () => {
    const report = unwrap(await t.call('reports.aging', { filter: YEAR }, tokens.partner)) as AgingReport;
    const path = writeTemp(await exportFile('exportPdf', 'aging'));
    const check = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    const text = pdfText(path);
    expect(text).toContain('أعمار الأرصدة القائمة');
    for (const s of report.sections) {
      const d = getCurrency(s.currency as CurrencyCode).decimals;
      expect(text).toContain(formatMinorUnits(s.total.total.outstandingMinor, d, { lang: 'ar', digits: 'western' }));
    }
  });

  it('pipeline, recovery and fees: workbook totals equal each report’s totals (English, left to right)', async () => {
    const pipeline = unwrap(await t.call('reports.pipeline', { filter: YEAR }, tokens.partner)) as PipelineReport;
    const wbP = await workbook(await exportFile('exportXlsx', 'pipeline', 'partner', YEAR, 'en'));
    pipeline.sections.forEach((s, i) => {
      const ws = wbP.worksheets[i];
      if (!ws) throw new Error('sheet');
      expect(ws.views[0]?.rightToLeft).toBe(false);
      const d = getCurrency(s.currency as CurrencyCode).decimals;
      let found = false;
      ws.eachRow((row) => {
        if (row.getCell(1).value !== 'Total') return;
        found = true;
        expect(resultOf(row.getCell(2).value)).toBe(s.total.cases);
        expect(Math.round((resultOf(row.getCell(3).value) as number) * 10 ** d)).toBe(s.total.outstandingMinor);
        expect(resultOf(row.getCell(4).value)).toBe(s.total.entered);
      });
      expect(found).toBe(true);
    });

    const recovery = unwrap(await t.call('reports.recovery', { filter: YEAR }, tokens.partner)) as RecoveryReport;
    const wbR = await workbook(await exportFile('exportXlsx', 'recovery'));
    expect(wbR.worksheets).toHaveLength(recovery.sections.length + recovery.collections.length);
    recovery.sections.forEach((s, i) => {
      const ws = wbR.worksheets[i];
      if (!ws) throw new Error('sheet');
      const d = getCurrency(s.currency as CurrencyCode).decimals;
      checkTotals(ws, d);
      const placed: number[] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'الإجمالي') placed.push(Math.round((resultOf(row.getCell(3).value) as number) * 10 ** d));
      });
      // By client, by instrument and by month each add up to the section's placed amount.
      expect(placed).toEqual([s.total.placedMinor, s.total.placedMinor, s.total.placedMinor]);
    });

    const fees = unwrap(await t.call('reports.fees', { filter: YEAR }, tokens.partner)) as FeesReport;
    const wbF = await workbook(await exportFile('exportXlsx', 'fees'));
    fees.sections.forEach((s, i) => {
      const ws = wbF.worksheets[i];
      if (!ws) throw new Error('sheet');
      const d = getCurrency(s.currency as CurrencyCode).decimals;
      checkTotals(ws, d);
      ws.eachRow((row) => {
        if (row.getCell(1).value !== 'الإجمالي') return;
        expect(Math.round((resultOf(row.getCell(4).value) as number) * 10 ** d)).toBe(s.total.feesEarnedMinor);
        expect(Math.round((resultOf(row.getCell(6).value) as number) * 10 ** d)).toBe(s.total.dueMinor);
      });
    });
  });

  it('every report exports to both formats for a partner, and each export is in the audit trail', async () => {
    const clientId = (unwrap(await t.call('clients.list', { limit: 1 }, tokens.partner)) as { rows: { id: number }[] }).rows[0]?.id;
    for (const report of ['pipeline', 'aging', 'recovery', 'performance', 'court', 'fees', 'statement']) {
      const filter = report === 'statement' ? { ...YEAR, clientId } : YEAR;
      const xlsx = await workbook(await exportFile('exportXlsx', report, 'partner', filter));
      expect(xlsx.worksheets.length, report).toBeGreaterThan(0);
      const path = writeTemp(await exportFile('exportPdf', report, 'partner', filter, 'en'));
      expect(spawnSync('qpdf', ['--check', path]).status, report).toBe(0);
    }
    const rows = unwrap(await t.call('audit.list', { limit: 50 }, tokens.partner)) as { action: string; entity: string }[];
    expect(rows.filter((a) => a.action === 'reports.exportPdf' && a.entity === 'report').length).toBeGreaterThanOrEqual(7);
    expect(rows.filter((a) => a.action === 'reports.exportXlsx' && a.entity === 'report').length).toBeGreaterThanOrEqual(7);
  });

  it('exports only what the caller may see; bad input changes nothing', async () => {
    const code = async (role: string, report: string, filter: Record<string, unknown> = YEAR): Promise<string | undefined> =>
      errorCode(await t.call('reports.exportXlsx', { report, filter, lang: 'ar' }, tokens[role]));
    expect(await code('staff', 'aging')).toBe('permission.denied');
    expect(await code('staff', 'recovery')).toBe('permission.denied');
    expect(await code('accountant', 'pipeline')).toBe('permission.denied');
    expect(await code('accountant', 'fees')).toBeUndefined();
    expect(await code('lawyer', 'fees')).toBe('permission.denied');
    expect(await code('lawyer', 'aging')).toBeUndefined();
    expect(await code('partner', 'aging', { from: TODAY, to: '2026-01-01' })).toBe('input.invalid');
    expect(errorCode(await t.call('reports.exportPdf', { report: 'nope', filter: YEAR }, tokens.partner))).toBe('input.invalid');
    // A lawyer's export says whose cases it covers.
    const wb = await workbook(await exportFile('exportXlsx', 'aging', 'lawyer'));
    expect(wb.worksheets[0]?.getCell(2, 1).text).toContain('قضايا');
  });
});
