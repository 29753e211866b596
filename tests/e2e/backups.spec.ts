// Backups in the browser, Arabic then English: Today warns the partner that there is no backup; in Settings → Backups
// there is no "Choose…" button (no folder dialog in a browser: the path is typed); a folder that cannot be written is
// refused when it is saved, and a saved folder that has gone by the time of the backup fails the run, both with a
// translated reason; a real folder is set, a backup is run, listed
// with its counts and verified; the warning is gone; the restore dialog shows the backup's date and counts and refuses
// a wrong password, translated, changing nothing; restored with the recovery code, the partner signs in again on the
// restored data.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { BackupsPage } from './pages/BackupsPage';
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

test('warn without a backup, set the folder, back up, see it listed and verified, refuse a wrong restore password', async ({ page, core }) => {
  test.setTimeout(180_000);
  const folder = await mkdtemp(join(tmpdir(), 'tahseel-e2e-backups-'));
  const blocker = join(folder, 'a-file');
  await writeFile(blocker, 'not a folder');
  try {
    const setup = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
    expect(setup.ok).toBe(true);
    await page.goto(core.url);
    await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
    const shell = new ShellPage(page);
    const backups = new BackupsPage(page);
    await expect(shell.home()).toBeVisible();
    await expect(backups.warning()).toContainText('لم تُنشأ أي نسخة احتياطية');
    await shot(page, 'ar-dashboard-warning');

    await backups.warning().getByTestId('backup-warning-link').click();
    await expect(page.getByTestId('settings-tab-backups')).toHaveText('النسخ الاحتياطية');
    await expect(backups.last()).toHaveText('لم تُنشأ أي نسخة احتياطية بعد.');
    // Browser mode has no folder dialog: the path is typed.
    await expect(page.getByTestId('backup-folder')).toBeVisible();
    await expect(page.getByTestId('backup-choose-folder')).toHaveCount(0);
    // A folder under a file cannot be written: refused when it is saved, the reason under the field, translated.
    await backups.setFolder(join(blocker, 'backups'));
    await expect(page.getByTestId('backup-settings')).toContainText('لا يمكن الكتابة في مجلد النسخ الاحتياطية');
    // A folder that was fine when saved (and so made) but has gone by the time of the backup: the run fails, translated.
    const gone = join(folder, 'drive', 'backups');
    await backups.setFolder(gone);
    await expect(page.getByTestId('backup-settings')).not.toContainText('لا يمكن الكتابة');
    await expect.poll(async () => (await stat(gone).catch(() => null))?.isDirectory() ?? false).toBe(true);
    await rm(join(folder, 'drive'), { recursive: true });
    await writeFile(join(folder, 'drive'), 'the drive was unplugged');
    await page.getByTestId('backup-run').click();
    await expect(page.getByTestId('backup-failed')).toContainText('لا يمكن الكتابة في مجلد النسخ الاحتياطية');
    await rm(join(folder, 'drive'));
    await backups.setFolder(folder);
    await backups.runNow();
    await expect(backups.rows()).toHaveCount(1);
    const first = await backups.rows().first().getAttribute('data-name');
    await expect(backups.rows().first()).toContainText('يدوية');
    await expect(backups.rows().first().getByTestId('backup-verified')).toHaveText('مفحوصة');
    await expect(backups.last()).toContainText('آخر نسخة ناجحة');
    await shot(page, 'ar-backups');

    // The restore dialog: the backup's date and counts; a wrong password is refused and nothing changes.
    await backups.rows().first().getByTestId('backup-restore').click();
    await expect(page.getByTestId('restore-modal')).toContainText('قضية');
    await page.getByTestId('restore-username').fill(PARTNER.username);
    await page.getByTestId('restore-password').fill('Wrong-Password-1!');
    await page.getByTestId('restore-confirm').click();
    await expect(page.getByTestId('restore-error')).toContainText('لا كلمة المرور هذه ولا رمز الاسترداد يفتح النسخة');
    await shot(page, 'ar-restore-refused');
    await page.keyboard.press('Escape');

    await shell.home().waitFor({ state: 'detached' }).catch(() => undefined);
    await page.getByTestId('settings-tab-backups').waitFor();
    await shell.switchLanguage('en');
    await page.goto(`${core.url.split('#')[0]}#/`);
    await expect(shell.home()).toBeVisible();
    await expect(backups.warning()).toHaveCount(0);
    await shell.goToSettings('backups');
    await expect(page.getByTestId('settings-tab-backups')).toHaveText('Backups');
    // A second backup the same day: rotation keeps the newest of each day, so the list shows the new one.
    await page.waitForTimeout(1100);
    await backups.runNow();
    await expect(backups.rows()).toHaveCount(1);
    await expect(backups.rows().first()).not.toHaveAttribute('data-name', first ?? '');
    await expect(backups.rows().first().getByTestId('backup-verified')).toHaveText('Verified');
    await expect(backups.rows().first()).toContainText('By hand');
    await shot(page, 'en-backups');

    // Restore it with the recovery code: everyone signs in again, on the restored data (the backup is still listed).
    const code = (setup as { ok: true; value: { recoveryCode: string } }).value.recoveryCode;
    await backups.rows().first().getByTestId('backup-restore').click();
    await page.getByTestId('restore-modal').getByText('The recovery code', { exact: true }).click();
    await page.getByTestId('restore-code').fill(code);
    await shot(page, 'en-restore');
    await page.getByTestId('restore-confirm').click();
    const login = new LoginPage(page);
    await expect(login.username()).toBeVisible({ timeout: 30_000 });
    await login.signIn(PARTNER.username, PARTNER.password);
    // Back where the partner was, on the restored data.
    await expect(page.getByTestId('backups-section')).toBeVisible();
    await expect(backups.rows()).toHaveCount(1);
    await shot(page, 'en-after-restore');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
