// Reports in the browser, as a partner would use them, in Arabic then English: open the pipeline, check its totals are the
// sums of its rows, drill into a stage and open a case behind the figure, export the aging report to Excel and PDF and
// read both files back (exceljs, pdftotext). A lawyer sees only their own figures; staff have no Reports entry.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { removeDataDir, repoRoot, startCore, type CoreServer } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { LoginPage } from './pages/LoginPage';
import { ReportsPage } from './pages/ReportsPage';
import { ShellPage } from './pages/ShellPage';

const PASSWORD = 'Bench-Password-2026';
const SHOTS = '/tmp/shots-reportsui';

/** An office of 200 cases with their daily work and money, seeded by the benchmark's factory in its own process. */
async function seededServer(): Promise<CoreServer> {
  const dir = await mkdtemp(join(tmpdir(), 'tahseel-e2e-reports-'));
  execFileSync('npx', ['tsx', 'tests/e2e/fixtures/seed-money-office.ts', dir, PASSWORD, '200'], { cwd: repoRoot, stdio: 'pipe' });
  return startCore(dir);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

const sum = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b * 100, 0)) / 100;

async function partnerTour(page: Page, server: CoreServer, lang: 'ar' | 'en'): Promise<void> {
  const reports = new ReportsPage(page);
  const words =
    lang === 'ar'
      ? { agingTitle: 'أعمار الأرصدة القائمة', total: 'الإجمالي', drill: 'القضايا وراء الرقم' }
      : { agingTitle: 'Aging of outstanding balances', total: 'Total', drill: 'Cases behind the figure' };

  // The pipeline: a funnel and a table whose totals are the sums of its rows.
  await reports.open('pipeline');
  await expect(page.getByTestId('pipeline-funnel').first()).toBeVisible();
  await expect(reports.rows('pipeline-table')).toHaveCount(8);
  const cases = await reports.columnNumbers('pipeline-table', 'cases');
  expect(Number((await reports.total('pipeline-table', 'cases').innerText()).replace(/[^\d.]/g, ''))).toBe(sum(cases));
  const outstanding = await reports.columnNumbers('pipeline-table', 'outstanding');
  expect(Number((await reports.total('pipeline-table', 'outstanding').innerText()).replace(/[^\d.]/g, ''))).toBeCloseTo(sum(outstanding), 2);
  await shot(page, `${lang}-pipeline`);

  // Drill into the busiest stage: the cases behind the figure add up to it; a row opens the case.
  const busiest = cases.indexOf(Math.max(...cases));
  const figure = reports.rows('pipeline-table').nth(busiest).locator('[data-col="cases"] button');
  const figureText = (await figure.innerText()).replace(/[^\d]/g, '');
  await figure.click();
  await expect(reports.drawer().getByText(words.drill)).toBeVisible();
  await expect(page.getByTestId('drill-total')).toContainText(Number(figureText).toLocaleString('en'));
  await expect(page.getByTestId('drill-row').first()).toBeVisible();
  await shot(page, `${lang}-pipeline-drill`);
  await page.getByTestId('drill-open').first().click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/);
  await page.goBack();

  // Aging, exported to Excel and PDF; both files read back.
  await reports.open('aging');
  await expect(reports.table('aging-table')).toBeVisible();
  await shot(page, `${lang}-aging`);
  const agingTotal = (await reports.total('aging-table', 'total').innerText()).replace(/[^\d.]/g, '');
  const xlsx = await reports.download('export-xlsx');
  const xlsxPath = join(SHOTS, `${lang}-${xlsx.suggestedFilename()}`);
  await xlsx.saveAs(xlsxPath);
  expect(xlsx.suggestedFilename()).toMatch(/^aging-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  expect(ws.views[0]?.rightToLeft).toBe(lang === 'ar');
  expect(ws.getCell(1, 1).text).toContain(words.agingTitle);
  let sheetTotal: number | null = null;
  ws.eachRow((row) => {
    if (sheetTotal === null && row.getCell(1).value === words.total) {
      const v = row.getCell(8).value;
      sheetTotal = typeof v === 'object' && v !== null && 'result' in v ? (v.result as number) : (v as number);
    }
  });
  expect((sheetTotal ?? 0).toFixed(2)).toBe(Number(agingTotal).toFixed(2));

  const pdf = await reports.download('export-pdf');
  const pdfPath = join(SHOTS, `${lang}-${pdf.suggestedFilename()}`);
  await pdf.saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '');
  expect(text).toContain(words.agingTitle);
  expect(text).toContain(Number(agingTotal).toLocaleString('en', { minimumFractionDigits: 2 }));
  execFileSync('pdftoppm', ['-r', '50', '-png', '-l', '1', pdfPath, join(SHOTS, `${lang}-aging-pdf`)]);
  void server;

  // The other reports open with their tables (screenshots to look at); the statement first asks for a client.
  for (const [tab, table] of [
    ['recovery', 'recovery-client'],
    ['performance', 'performance-table'],
    ['court', 'court-table'],
    ['fees', 'fees-table'],
  ] as const) {
    await reports.tab(tab).click();
    await expect(reports.table(table)).toBeVisible();
    await shot(page, `${lang}-${tab}`);
  }
  await reports.tab('statement').click();
  await expect(page.getByTestId('statement-choose')).toBeVisible();
  await expect(page.getByTestId('export-pdf')).toBeDisabled();
  await page.getByTestId('report-client').click();
  await page.getByRole('option').first().click();
  await expect(reports.table('statement-stages')).toBeVisible();
  await expect(page.getByTestId('export-pdf')).toBeEnabled();
  await shot(page, `${lang}-statement`);
}

test('a partner opens the pipeline, drills into a stage and exports the aging report, in Arabic then English', async ({ page }) => {
  test.setTimeout(300_000);
  const server = await seededServer();
  try {
    await page.goto(server.url);
    await new LoginPage(page).signIn('partner', PASSWORD);
    const shell = new ShellPage(page);
    await expect(shell.home()).toBeVisible();
    await partnerTour(page, server, 'ar');
    await shell.switchLanguage('en');
    await partnerTour(page, server, 'en');
  } finally {
    await server.stop();
    await removeDataDir(server.dataDir);
  }
});

test('a lawyer sees only their own figures; staff have no Reports entry', async ({ page }) => {
  test.setTimeout(300_000);
  const server = await seededServer();
  try {
    await page.goto(server.url);
    await new LoginPage(page).signIn('lawyer', PASSWORD);
    const shell = new ShellPage(page);
    await expect(shell.home()).toBeVisible();
    const reports = new ReportsPage(page);
    await reports.open('performance');
    await expect(page.getByTestId('report-scope-own')).toBeVisible();
    await expect(reports.tab('fees')).toHaveCount(0);
    await expect(reports.tab('statement')).toHaveCount(0);
    await expect(reports.rows('performance-table')).toHaveCount(1);
    const name = await page.getByTestId('shell-user').locator('p, div').first().innerText();
    await expect(reports.rows('performance-table').first()).toContainText(name.trim());
    await shot(page, 'ar-lawyer-performance');

    // Bad input: a period that ends before it starts is refused at the field, nothing is asked or exported;
    // a filter that matches nothing says so instead of showing zeros.
    await reports.tab('aging').click();
    await page.getByTestId('report-to').fill('2020-01-01');
    await page.getByTestId('report-to').press('Enter');
    await expect(page.getByTestId('report-filters')).toContainText('تنتهي الفترة قبل أن تبدأ');
    await expect(page.getByTestId('export-xlsx')).toBeDisabled();
    await page.getByTestId('report-reset').click();
    await expect(reports.table('aging-table')).toBeVisible();
    await page.getByTestId('report-currency').click();
    await page.getByRole('option', { name: 'دولار', exact: true }).click();
    await expect(page.getByTestId('report-empty')).toBeVisible();
    await expect(page.getByTestId('report-empty')).toContainText('لا توجد قضية تطابق');
    await shot(page, 'ar-lawyer-empty');
    await shell.signOut();

    await new LoginPage(page).signIn('staff', PASSWORD);
    await expect(shell.home()).toBeVisible();
    await expect(reports.navLink()).toHaveCount(0);
    await page.goto(`${server.url}#/reports/pipeline`);
    await expect(shell.home()).toBeVisible();
    await shot(page, 'ar-staff-home');
  } finally {
    await server.stop();
    await removeDataDir(server.dataDir);
  }
});
