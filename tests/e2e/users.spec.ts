// User management by a partner: add, change role, deactivate (signs the user out), reactivate with a new password, and the last-partner guard.
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';

const LAWYER = { displayName: 'عمر الشهري', username: 'omar', password: 'Mahkama-Jeddah-31' };

test('a partner manages users and cannot remove the last partner', async ({ page, core }, testInfo) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await shell.goToSettings('users');
  const settings = new SettingsPage(page);

  await settings.addUser(LAWYER, 'محامٍ');
  await settings.changeRole(LAWYER.username, 'مساعد قانوني');
  await expect(page.getByTestId(`user-role-${LAWYER.username}`)).toHaveValue('مساعد قانوني');

  // A partner cannot demote herself (so the office never loses its last partner by a slip): the screen says why.
  await settings.changeRole(PARTNER.username, 'محامٍ');
  await expect(page.getByTestId('users-error')).toHaveText('لا يمكنك إجراء هذا التغيير على حسابك أنت.');
  await expect(page.getByTestId(`user-role-${PARTNER.username}`)).toHaveValue('شريك');
  await screenshot(page, testInfo, 'ar-settings-users-last-partner');

  // Deactivating ends the user's sign-in; reactivating asks for a new password at once.
  const omarLogin = await core.call('auth.login', { username: LAWYER.username, password: LAWYER.password });
  expect(omarLogin.ok).toBe(true);
  await page.getByTestId(`user-toggle-${LAWYER.username}`).click();
  await expect(settings.row(LAWYER.username)).toContainText('موقوف');
  if (omarLogin.ok) {
    const after = await core.call('session.me', {}, omarLogin.value.token);
    expect(after.ok).toBe(false);
  }
  await page.getByTestId(`user-toggle-${LAWYER.username}`).click();
  await expect(page.getByTestId('reset-password-form')).toBeVisible();
  await screenshot(page, testInfo, 'ar-settings-users-reactivated');
  await settings.setNewPassword('Sharia-Court-2027');
  await expect(settings.row(LAWYER.username)).toContainText('نشط');
  const relogin = await core.call('auth.login', { username: LAWYER.username, password: 'Sharia-Court-2027' });
  expect(relogin.ok).toBe(true);

  // The audit trail recorded it all, and its chain verifies.
  await shell.goToSettings('audit');
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-table')).toContainText('تعديل مستخدم');
  await screenshot(page, testInfo, 'ar-settings-audit-verified');
});
