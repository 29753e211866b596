// PDPL erasure in the browser, in Arabic and in English: a partner finds a debtor whose cases closed in 2014 under
// Settings → Personal data, changes the retention period and back, sees what the erasure would remove, types the
// confirmation word and erases; the row leaves the list, the debtor's page, the case list and the case page show the
// erased placeholder and the date. A debtor with an open case and one whose case closed today are refused with the
// reason and a disabled button. A lawyer has no way in.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeNationalId } from '../../electron/domain/validators';
import { PARTNER } from './fixtures/data';
import type { ErasureOffice } from './fixtures/seed-erasure-office';
import { removeDataDir, repoRoot, startCore, type CoreServer } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { ErasurePage } from './pages/ErasurePage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const SHOTS = process.env.TAHSEEL_SHOTS_DIR ?? '/tmp/shots-eraseui';
const LAWYER = { displayName: 'فيصل الدوسري', username: 'faisal', password: 'Mahkama-2026-Jidda!' };

const WORDS = {
  ar: { erased: 'شخص مُحيت بياناته', confirm: 'محو', erasedOn: 'مُحيت البيانات الشخصية لهذا الشخص في', notDue: 'ابتداءً من', empty: /\((10|١٠) سنوات/, empty30: /\((30|٣٠) سنة/, nothing: 'لا توجد نتائج' },
  en: { erased: 'Erased person', confirm: 'ERASE', erasedOn: "This person's personal data was erased on", notDue: 'may be erased from', empty: /\(10 years/, empty30: /\(30 years/, nothing: 'Nothing found' },
} as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The 2014 office (seeded in its own process on a 2014 clock), a lawyer, and a debtor whose only case closed today. */
async function seeded(lang: 'ar' | 'en', extra = 0): Promise<{ server: CoreServer; office: ErasureOffice; recentId: number; oldRefs: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'tahseel-e2e-erase-'));
  const out = execFileSync('npx', ['tsx', 'tests/e2e/fixtures/seed-erasure-office.ts', dir, String(extra)], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const office = JSON.parse(out.trim().split('\n').pop() ?? '{}') as ErasureOffice;
  const server = await startCore(dir);
  const token = must(await server.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  must(await server.call('users.create', { ...LAWYER, role: 'lawyer', lang }, token), 'lawyer');
  const recent = must(await server.call('parties.create', { kind: 'person', name: 'ماجد بن علي الحربي', nationalId: makeNationalId('1', '74567890') }, token), 'party');
  const k = must(await server.call('cases.create', { clientId: office.clientId, debtorIds: [recent.id], instrumentType: 'invoice', principalMinor: 300_000 }, token), 'case');
  must(await server.call('cases.setStatus', { id: k.id, version: k.version, status: 'closed_paid', reason: 'سُدّد' }, token), 'close');
  const oldRefs: string[] = [];
  for (const id of office.oldCaseIds) oldRefs.push(must(await server.call('cases.get', { id }, token), 'case').reference);
  must(await server.call('auth.logout', {}, token), 'logout');
  return { server, office, recentId: recent.id, oldRefs };
}

for (const lang of ['ar', 'en'] as const) {
  test(`a partner erases a debtor past the retention period; blocked ones say why; a lawyer has no way in (${lang})`, async ({ page }) => {
    test.setTimeout(240_000);
    const w = WORDS[lang];
    const { server, office, recentId, oldRefs } = await seeded(lang);
    const base = server.url.split('#')[0] ?? server.url;
    try {
      await page.goto(server.url);
      await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
      const shell = new ShellPage(page);
      await expect(shell.home()).toBeVisible();
      if (lang === 'en') await shell.switchLanguage('en');
      const erasure = new ErasurePage(page);

      // The list: the 2014 debtor with both cases; the debtor whose case closed today and the open one are not in it.
      await shell.goToSettings('privacy');
      const row = erasure.row(office.oldDebtorId);
      await expect(row).toContainText(office.oldDebtorName);
      await expect(row.locator('td').nth(2)).toHaveText(/^(2|٢)$/);
      await expect(row).toContainText(/1435|١٤٣٥/); // the Hijri year beside 2014
      await expect(erasure.row(office.openDebtorId)).toHaveCount(0);
      await expect(erasure.row(recentId)).toHaveCount(0);
      await shot(page, `${lang}-due-list`);

      // A longer retention period leaves nobody due (and the empty state says why); back to ten years.
      await erasure.setRetentionYears(30);
      await expect(erasure.empty()).toContainText(w.empty30);
      await expect(erasure.row(office.oldDebtorId)).toHaveCount(0);
      await erasure.setRetentionYears(10);
      await expect(row).toBeVisible();

      // The dialog — from the row in Arabic, from the debtor's page in English: what would change, the warning, the
      // typed word; then the result, and the row leaves the list.
      await expect(page.locator('.mantine-Notification-root')).toHaveCount(0); // the "Saved" toasts, out of the shots
      if (lang === 'ar') {
        await erasure.openFromRow(office.oldDebtorId);
      } else {
        await row.getByRole('link').click();
        await expect(page.getByTestId('party-title')).toHaveText(office.oldDebtorName);
        await erasure.openFromParty();
      }
      await expect(erasure.block()).toHaveCount(0);
      expect(await erasure.count('cases')).toBe(2);
      await expect(page.getByTestId('erase-warning')).toBeVisible();
      await erasure.confirmWord().fill(lang === 'ar' ? 'ERASE' : 'محو'); // the other language's word does not confirm
      await expect(erasure.confirm()).toBeDisabled();
      await erasure.confirmWord().fill('');
      await shot(page, `${lang}-erase-dialog`);
      if (lang === 'ar') {
        // Someone edits the debtor while the dialog is open: the erasure is refused as stale, in words, and goes
        // through once the preview is read again.
        const other = must(await server.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
        const current = must(await server.call('parties.get', { id: office.oldDebtorId }, other), 'party');
        must(await server.call('parties.update', { id: current.id, version: current.version, party: { kind: 'person', name: current.name, nationalId: current.nationalId, notes: 'اتصل مرة أخيرة' } }, other), 'update');
        await erasure.confirmWord().fill(w.confirm);
        await erasure.confirm().click();
        await expect(page.getByTestId('erase-error')).toContainText('تغيّرت بيانات هذا الشخص بعد فتح النافذة');
        await shot(page, `${lang}-erase-stale`);
        await expect(erasure.done()).toHaveCount(0);
        await erasure.confirmWord().fill('');
      }
      await erasure.erase(w.confirm);
      await shot(page, `${lang}-erase-done`);
      await erasure.close();
      if (lang === 'en') {
        await expect(page.getByTestId('party-title')).toHaveText(w.erased); // the page it was erased from, read again
        await shell.goToSettings('privacy');
      }
      await expect(erasure.row(office.oldDebtorId)).toHaveCount(0);
      await expect(erasure.empty()).toContainText(w.empty);
      await shot(page, `${lang}-due-empty`);

      // The erased debtor's page: the placeholder, the date, read-only.
      await page.goto(`${base}#/debtors/${office.oldDebtorId}`);
      await expect(page.getByTestId('party-title')).toHaveText(w.erased);
      await expect(page.getByTestId('party-erased')).toContainText(w.erasedOn);
      await expect(page.getByTestId('party-edit')).toHaveCount(0);
      await expect(page.getByTestId('party-erase')).toHaveCount(0);
      await expect(page.getByTestId('party-personal-data')).toHaveCount(0);
      await expect(page.getByTestId('party-cases')).toContainText(oldRefs[0] ?? '');
      await shot(page, `${lang}-erased-party`);

      // No new case for them: the case form's debtor picker offers only the other two debtors.
      await page.goto(`${base}#/cases/new`);
      await page.getByTestId('case-debtorIds').click();
      await expect(page.getByRole('option', { name: new RegExp(office.openDebtorName) })).toBeVisible();
      await expect(page.getByRole('option')).toHaveCount(2);
      await page.keyboard.press('Escape');

      // The case list and the case page.
      await page.getByTestId('nav-cases').click();
      for (const ref of oldRefs) await expect(page.getByTestId(`case-row-${ref}`)).toContainText(w.erased);
      await shot(page, `${lang}-erased-case-list`);
      await page.goto(`${base}#/cases/${office.oldCaseIds[0]}`);
      await expect(page.getByTestId('case-parties')).toContainText(w.erased);
      await shot(page, `${lang}-erased-case`);

      // Search: the name finds nothing any more; the case, found by its reference, names the placeholder.
      await page.keyboard.press('Control+K');
      await page.getByTestId('search-input').fill(office.oldDebtorName);
      await expect(page.getByTestId('search-results')).toContainText(w.nothing);
      await page.getByTestId('search-input').fill(oldRefs[0] ?? '');
      await expect(page.getByTestId(`search-case-${office.oldCaseIds[0]}`)).toContainText(w.erased);
      await page.keyboard.press('Escape');

      // An open case blocks the erasure: the reason, the word and the button disabled.
      await page.goto(`${base}#/debtors/${office.openDebtorId}`);
      await expect(page.getByTestId('party-title')).toHaveText(office.openDebtorName);
      await erasure.openFromParty();
      await expect(erasure.block()).toHaveAttribute('data-block', 'open_case');
      await expect(erasure.confirmWord()).toBeDisabled();
      await expect(erasure.confirm()).toBeDisabled();
      await shot(page, `${lang}-erase-blocked-open`);
      await page.keyboard.press('Escape');
      await expect(erasure.dialog()).toBeHidden();

      // A case closed today: not due yet, with the first day it will be.
      await page.goto(`${base}#/debtors/${recentId}`);
      await erasure.openFromParty();
      await expect(erasure.block()).toHaveAttribute('data-block', 'not_due');
      await expect(erasure.block()).toContainText(w.notDue);
      await expect(erasure.confirm()).toBeDisabled();
      await page.keyboard.press('Escape');

      // A lawyer: no Personal data tab, the address leads back to their preferences, no erase button on a debtor.
      await shell.signOut();
      await new LoginPage(page).signIn(LAWYER.username, LAWYER.password);
      await expect(shell.home()).toBeVisible();
      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('settings-tab-preferences')).toBeVisible();
      await expect(page.getByTestId('settings-tab-privacy')).toHaveCount(0);
      await page.goto(`${base}#/settings/privacy`);
      await expect(page).toHaveURL(/#\/settings\/preferences$/);
      await page.goto(`${base}#/debtors/${office.openDebtorId}`);
      await expect(page.getByTestId('party-title')).toHaveText(office.openDebtorName);
      await expect(page.getByTestId('party-erase')).toHaveCount(0);
    } finally {
      await server.stop();
      await removeDataDir(server.dataDir);
    }
  });
}

test('the due list comes in pages of 50 with "load more", and counts everyone', async ({ page }) => {
  test.setTimeout(180_000);
  const { server, office } = await seeded('ar', 55);
  try {
    await page.goto(server.url);
    await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
    const shell = new ShellPage(page);
    await expect(shell.home()).toBeVisible();
    await shell.goToSettings('privacy');
    const rows = page.getByTestId('due-list').locator('tbody tr');
    await expect(rows).toHaveCount(50);
    await expect(page.getByTestId('due-total')).toContainText(/56|٥٦/);
    await page.getByTestId('due-more').click();
    await expect(rows).toHaveCount(56);
    await expect(page.getByTestId('due-more')).toHaveCount(0);
    await expect(page.getByTestId(`due-row-${office.oldDebtorId}`)).toHaveCount(1);
  } finally {
    await server.stop();
    await removeDataDir(server.dataDir);
  }
});
