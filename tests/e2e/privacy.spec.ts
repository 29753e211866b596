// A personal-data request in the browser, Arabic then English: on a debtor's page a partner saves the ZIP (the report
// and the original files); its report names the debtor.
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { makeNationalId } from '../../electron/domain/validators';
import { expect, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const SHOTS = process.env.TAHSEEL_SHOTS_DIR ?? '/tmp/shots-backup';

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

async function saveZip(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('party-personal-data').click()]);
  const path = await download.path();
  const zip = unzipSync(new Uint8Array(await readFile(path)));
  return Object.keys(zip).sort();
}

test('a partner saves a debtor\'s personal data as a ZIP, in Arabic and English', async ({ page, core }) => {
  test.setTimeout(120_000);
  const must = <T,>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }));
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password })).token ?? '';
  const party = must(await core.call('parties.create', { kind: 'person', name: 'هند بنت علي الشمري', nationalId: makeNationalId('1', '61234567') }, token));
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n').toString('base64');
  must(await core.call('documents.upload', { owner: { partyId: party.id }, fileName: 'عقد.pdf', contentBase64: pdf, type: 'contract' }, token));

  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await page.goto(`${core.url.split('#')[0]}#/debtors/${party.id}`);
  await expect(page.getByTestId('party-title')).toHaveText('هند بنت علي الشمري');
  await expect(page.getByTestId('party-personal-data')).toHaveText('البيانات الشخصية (نظام حماية البيانات)');
  await shot(page, 'ar-party-personal-data');
  const names = await saveZip(page);
  expect(names).toHaveLength(2);
  expect(names.some((n) => /^documents\/\d+-عقد\.pdf$/.test(n))).toBe(true);

  await shell.switchLanguage('en');
  await expect(page.getByTestId('party-personal-data')).toHaveText('Personal data (PDPL)');
  expect(await saveZip(page)).toHaveLength(2);
  await shot(page, 'en-party-personal-data');
});
