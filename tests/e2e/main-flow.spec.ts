// The main flow: set-up wizard → recovery code → home → English and back → idle lock → unlock in place → add staff → staff sees only what staff may.
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER, STAFF } from './fixtures/data';
import { LockScreenPage } from './pages/LockScreenPage';
import { LoginPage } from './pages/LoginPage';
import { SettingsPage } from './pages/SettingsPage';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';

const SETTINGS_TABS = ['preferences', 'security', 'office', 'users', 'audit'] as const;

test('set-up to a staff member signing in, in Arabic and English', async ({ page, core }, testInfo) => {
  // A fake clock that still flows, so the idle timer can be fast-forwarded instead of waited for.
  await page.clock.install();
  await page.goto(core.url);

  // Set-up wizard, in Arabic (right to left) by default.
  const setup = new SetupWizardPage(page);
  await expect(setup.stepper()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).not.toHaveURL(/token=/);
  await setup.fillOffice(OFFICE);
  await screenshot(page, testInfo, 'ar-setup-office');
  await setup.nextFromOffice();
  await setup.fillPartner(PARTNER);
  await screenshot(page, testInfo, 'ar-setup-partner');
  await setup.createOffice();
  await expect(setup.recoveryCode()).toHaveText(/\S{8,}/);
  await screenshot(page, testInfo, 'ar-setup-recovery');
  // Printing shows the code sheet alone (what the Print button sets up before window.print()).
  await page.evaluate(() => document.body.classList.add('printing-sheet'));
  await page.emulateMedia({ media: 'print' });
  await expect(setup.recoveryCode()).toBeVisible();
  await expect(page.getByTestId('recovery-saved')).toBeHidden();
  await expect(page.getByTestId('setup-stepper').getByText('المكتب', { exact: true })).toBeHidden();
  await screenshot(page, testInfo, 'ar-setup-recovery-print');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-sheet'));
  await setup.confirmSavedAndContinue();

  // Home, signed in as the partner.
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await expect(shell.officeName()).toHaveText(OFFICE.nameAr);
  await expect(page.getByTestId('home-role')).toHaveText('شريك');
  await screenshot(page, testInfo, 'ar-home');

  // English (left to right), every settings tab, the lock button; then back to Arabic.
  await shell.switchLanguage('en');
  await expect(shell.officeName()).toHaveText(OFFICE.nameEn);
  await expect(page.getByTestId('home-role')).toHaveText('Partner');
  await screenshot(page, testInfo, 'en-home');
  for (const tab of SETTINGS_TABS) {
    await shell.goToSettings(tab);
    await page.waitForLoadState('networkidle');
    await screenshot(page, testInfo, `en-settings-${tab}`);
  }
  await page.getByTestId('lock-button').click();
  const lock = new LockScreenPage(page);
  await expect(lock.root()).toBeVisible();
  await screenshot(page, testInfo, 'en-lock');
  await lock.unlock(PARTNER.password);
  await expect(page).toHaveURL(/#\/settings\/audit$/);
  await shell.switchLanguage('ar');
  for (const tab of SETTINGS_TABS) {
    await shell.goToSettings(tab);
    await page.waitForLoadState('networkidle');
    await screenshot(page, testInfo, `ar-settings-${tab}`);
  }

  // Idle lock after the configured minutes, then unlock returns to the same screen.
  const settings = new SettingsPage(page);
  await shell.goToSettings('security');
  await settings.setIdleMinutes(2);
  await expect(page.getByText('تم الحفظ.')).toBeVisible();
  await page.clock.fastForward('03:00');
  await expect(lock.root()).toBeVisible();
  await screenshot(page, testInfo, 'ar-lock');
  await lock.unlock(PARTNER.password);
  await expect(page).toHaveURL(/#\/settings\/security$/);
  await expect(page.getByTestId('idle-lock')).toBeVisible();

  // Add a staff member.
  await shell.goToSettings('users');
  await settings.addUser(STAFF, 'موظف');
  await screenshot(page, testInfo, 'ar-settings-users-added');

  // Sign out; the staff member signs in and sees only what staff may.
  await shell.signOut();
  const login = new LoginPage(page);
  await expect(login.username()).toBeVisible();
  await screenshot(page, testInfo, 'ar-login');
  await shell.switchLanguage('en');
  await screenshot(page, testInfo, 'en-login');
  await shell.switchLanguage('ar');
  await login.signIn(STAFF.username, STAFF.password);
  await expect(shell.home()).toBeVisible();
  await expect(page.getByTestId('home-role')).toHaveText('موظف');
  await page.getByTestId('nav-settings').click();
  await expect(settings.tab('preferences')).toBeVisible();
  await expect(settings.tab('security')).toBeVisible();
  await expect(settings.tab('office')).toBeVisible();
  await expect(settings.tab('users')).toHaveCount(0);
  await expect(settings.tab('audit')).toHaveCount(0);
  await settings.tab('office').click();
  await expect(page.getByTestId('office-nameAr')).toHaveValue(OFFICE.nameAr);
  await expect(page.getByTestId('office-save')).toHaveCount(0);
  await screenshot(page, testInfo, 'ar-staff-settings-office');
  // A hand-typed address does not get staff into user management either.
  await page.goto(`${core.origin}/#/settings/users`);
  await expect(page).toHaveURL(/#\/settings\/preferences$/);
  await expect(page.getByTestId('users-add')).toHaveCount(0);
});
