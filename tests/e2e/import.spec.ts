// Placement import in the browser, Arabic then English: choose the client and a real file (Windows-1256 CSV, then an
// Excel file with Hijri dates), see the detected encoding and the guessed columns, dry run with the failing rows listed,
// commit with the bad rows skipped, see the cases, export the list and read the file back, and undo the import.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { CoreServer } from './fixtures/server';
import { repoRoot } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const FIXTURES = join(repoRoot, 'tests/fixtures/imports');
const SHOTS = process.env.TAHSEEL_SHOTS_DIR ?? '/tmp/shots-import';

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function seed(core: CoreServer): Promise<void> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  must(await core.call('clients.create', { kind: 'company', nameAr: 'بنك الرياض للتمويل', nameEn: 'Riyadh Finance Bank', crNumber: '1010111111' }, token), 'client');
}

async function signIn(page: Page, core: CoreServer): Promise<ShellPage> {
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  return shell;
}

test('Arabic: a Windows-1256 file — dry run lists the bad rows, commit skips them, the cases appear, the import is undone', async ({ page, core }) => {
  test.setTimeout(180_000);
  await seed(core);
  await signIn(page, core);
  const imp = new ImportPage(page);
  await imp.open();
  await imp.chooseClient('بنك الرياض للتمويل');
  // A file mixing two encodings is refused until the user says how to read it.
  await page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'mixed-encoding.csv'));
  await expect(page.getByTestId('import-open-error')).toContainText('بترميزات نصية مختلفة');
  await shot(page, 'ar-import-mixed');
  await page.getByTestId('import-encoding-choose').click();
  await page.getByRole('option', { name: 'UTF-8', exact: true }).click();
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await imp.chooseFile(join(FIXTURES, 'placement-1256.csv'));
  await expect(page.getByTestId('import-encoding')).toHaveValue('Windows-1256 (عربي)');
  await expect(page.getByTestId('import-preview')).toContainText('محمد عبدالله');
  await expect(page.getByTestId('import-row-count')).toContainText('8');
  await shot(page, 'ar-import-mapping');
  await imp.dryRun();
  await expect(page.getByTestId('dry-valid')).toContainText('4');
  await expect(page.getByTestId('dry-problems')).toContainText('4');
  await expect(imp.problems()).toHaveCount(4);
  await expect(imp.problems().nth(0)).toContainText('رقم الهوية لا يطابق خانة التحقق');
  await expect(imp.problems().nth(1)).toContainText('المبلغ مكتوب بالحروف');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await shot(page, 'ar-import-dry-run');
  // The rejected rows as a file with the reason column.
  const download = page.waitForEvent('download');
  await page.getByTestId('import-rejected-csv').click();
  const rejected = await download;
  expect(rejected.suggestedFilename()).toBe('placement-1256-rejected.csv');
  await imp.commit(true);
  await expect(page.getByTestId('import-done')).toContainText('4');
  await expect(imp.history()).toHaveCount(1);
  await shot(page, 'ar-import-done');
  // The cases are there, and the list exports to Excel with the Arabic intact.
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('cases-total')).toContainText('4');
  await expect(page.getByTestId('cases-page')).toContainText('محمد عبدالله القحطاني');
  await shot(page, 'ar-import-cases');
  await page.getByTestId('cases-export').click();
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('cases-export-xlsx').click();
  const xlsx = await xlsxDownload;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsx.path());
  const ws = wb.worksheets[0];
  expect(ws?.getRow(1).getCell(1).text).toBe('المرجع');
  expect(ws?.rowCount).toBe(5);
  const names = [2, 3, 4, 5].map((r) => ws?.getRow(r).getCell(4).text);
  expect(names).toContain('فاطمة الزهراني');
  // Undo: the cases go.
  await imp.open();
  await imp.undoFirst();
  await shot(page, 'ar-import-undone');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('cases-total')).toContainText('0');
});

test('English: an Excel file with Hijri dates — dry run, commit, see the cases, undo', async ({ page, core }) => {
  test.setTimeout(180_000);
  await seed(core);
  const shell = await signIn(page, core);
  await shell.switchLanguage('en');
  const imp = new ImportPage(page);
  await imp.open();
  await imp.chooseClient('بنك الرياض للتمويل');
  await imp.chooseFile(join(FIXTURES, 'placement-excel.xlsx'));
  await expect(page.getByTestId('import-file-summary')).toContainText('XLSX');
  await shot(page, 'en-import-mapping');
  await imp.dryRun();
  await expect(page.getByTestId('dry-cases-create')).toContainText('4');
  await expect(imp.problems()).toHaveCount(2);
  await expect(imp.problems().nth(0)).toContainText('The amount is zero');
  await expect(imp.problems().nth(1)).toContainText('The ID fails its check digit');
  await shot(page, 'en-import-dry-run');
  await imp.commit(true);
  await shot(page, 'en-import-done');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('cases-total')).toContainText('4');
  await expect(page.getByTestId('cases-page')).toContainText('مؤسسة النخبة للمقاولات');
  await shot(page, 'en-import-cases');
  // The debtors list exports to CSV: UTF-8 with a BOM, the Arabic names intact.
  await page.getByTestId('nav-debtors').click();
  await page.getByTestId('parties-export').click();
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('parties-export-csv').click();
  const csv = await readFile(await (await csvDownload).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('هيا بنت ناصر السبيعي');
  expect(csv.toString('utf8').split('\r\n')[0]).toBe('\uFEFFName,Kind,ID / iqama,CR,Phones,City,Cases');
  await imp.open();
  await imp.undoFirst();
  await shot(page, 'en-import-undone');
});
