// Import and export metrics: a 50,000-row XLSX placement file with Arabic names imported into a fresh office (read and
// detect, map, validate, commit), and all of the office's cases exported to XLSX — each in a child process, so its peak
// RSS is honest. The file is written before the clock starts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openCore } from '../electron/core/app';
import { makeNationalId } from '../electron/domain/validators';
import { call, seedOffice } from './factory/office';
import { CITIES, FAMILIES, MALE } from './factory/names';

const root = resolve(fileURLToPath(import.meta.url), '../..');

function child(args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'bench/import-run.ts'), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, number>;
}

/** A placement file as a bank sends it: Arabic names in three columns, ID, two phones, city, account, amount, due date. */
export async function writePlacementXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Sheet1', { views: [{ rightToLeft: true }] });
  ws.addRow(['الاسم الأول', 'اسم الأب', 'اسم العائلة', 'رقم الهوية', 'الجوال', 'جوال آخر', 'المدينة', 'رقم الحساب', 'المبلغ', 'تاريخ الاستحقاق', 'ملاحظات']).commit();
  for (let i = 0; i < rows; i++) {
    const first = MALE[i % MALE.length] ?? 'محمد';
    const father = MALE[(i * 7 + 3) % MALE.length] ?? 'عبدالله';
    const family = FAMILIES[(i * 13 + 5) % FAMILIES.length] ?? 'القحطاني';
    const r = ws.addRow([
      first,
      father,
      family,
      makeNationalId(i % 5 === 0 ? '2' : '1', 60_000_000 + i),
      `05${String(30_000_000 + i).padStart(8, '0')}`,
      i % 3 === 0 ? `05${String(40_000_000 + i).padStart(8, '0')}` : null,
      CITIES[i % CITIES.length],
      `LN-${String(900_000 + i)}`,
      1000 + ((i * 7919) % 250_000) + (i % 4) * 0.25,
      new Date(Date.UTC(2024 + (i % 2), i % 12, 1 + (i % 28))),
      i % 10 === 0 ? 'تمويل شخصي متعثر' : null,
    ]);
    r.getCell(10).numFmt = 'dd/mm/yyyy';
    r.commit();
  }
  await wb.commit();
}

export async function importMetrics(rows = 50_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'tahseel-bench-import-'));
  try {
    const password = 'Bench-Password-2026';
    const core = openCore({ dataDir: dir, migrationsDir: resolve(root, 'db/migrations'), idleSweepMs: 0, backupCheckMs: 0 });
    const { partnerToken } = await seedOffice(core, { password });
    const client = await call<{ id: number }>(core, 'clients.create', { kind: 'company', nameAr: 'مصرف الإنماء للتمويل', crNumber: '1010777777' }, partnerToken);
    core.close();
    const file = join(dir, 'placement.xlsx');
    await writePlacementXlsx(file, rows);
    return child(['import', '--data', dir, '--password', password, '--client', String(client.id), '--file', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function exportMetrics(dir: string, password: string): Record<string, number> {
  return child(['export', '--data', dir, '--password', password]);
}

// Alone: `npx tsx bench/import.ts [rows]` prints the import metrics.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await importMetrics(Number(process.argv[2] ?? 50_000))));
}
