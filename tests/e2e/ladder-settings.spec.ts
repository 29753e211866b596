// Settings → the stage ladder: a partner renames a stage and lengthens the pre-filing notice, and it is kept; an
// invalid ladder shows the domain's problems and saves nothing; a staff member sees it read-only. Arabic and English.
import { DEFAULT_LADDER } from '../../electron/domain/ladder';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER, STAFF } from './fixtures/data';
import { LadderSettingsPage } from './pages/LadderSettingsPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

test('a partner edits the ladder; problems block the save; staff read it only', async ({ page, core }, testInfo) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  const partner = await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password });
  const token = partner.ok ? partner.value.token : null;
  const staff = await core.call('users.create', { ...STAFF, role: 'staff' }, token);
  expect(staff.ok).toBe(true);

  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await shell.goToSettings('ladder');
  const ladder = new LadderSettingsPage(page);
  await expect(ladder.stageField('reminder', 'nameAr')).toHaveValue('تذكير ودي');
  await screenshot(page, testInfo, 'ar-settings-ladder');

  // Rename the reminder and lengthen the pre-filing notice: kept after a reload.
  await ladder.stageField('reminder', 'nameAr').fill('تذكير أولي');
  await ladder.periodDays('preFilingNotice').fill('20');
  await ladder.addHoliday('2026-09-23');
  await expect(page.getByTestId('ladder-holiday-2026-09-23')).toContainText('1448/04/12هـ الموافق 2026/09/23م');
  await ladder.save();
  await expect(page.getByText('تم الحفظ.')).toBeVisible();
  await page.reload();
  await expect(ladder.stageField('reminder', 'nameAr')).toHaveValue('تذكير أولي');
  await expect(ladder.periodDays('preFilingNotice')).toHaveValue('20');
  await expect(page.getByTestId('ladder-holiday-2026-09-23')).toBeVisible();
  const stored = await core.call('ladder.get', {}, token);
  expect(stored.ok && stored.value.preFilingNotice).toEqual({ days: 20, unit: 'calendar' });
  expect(stored.ok && stored.value.holidays).toEqual(['2026-09-23']);

  // A negative day offset: the problem is shown and nothing is saved.
  await ladder.stageField('follow_up', 'dayOffset').fill('-3');
  await ladder.save();
  await expect(ladder.problems()).toContainText('stages[2].dayOffset: must be a whole number of days, 0 or more');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, testInfo, 'ar-settings-ladder-problems');
  const after = await core.call('ladder.get', {}, token);
  expect(after.ok && after.value.stages[2]).toEqual({ ...DEFAULT_LADDER.stages[2] });
  // The server says the same for a ladder sent around the form.
  const direct = await core.call('ladder.update', { ladder: { ...DEFAULT_LADDER, weekend: [0, 1, 2, 3, 4, 5, 6] } }, token);
  expect(!direct.ok && direct.error.code).toBe('input.invalid');

  await shell.switchLanguage('en');
  await page.reload();
  await expect(ladder.stageField('reminder', 'nameEn')).toHaveValue('Friendly reminder');
  await screenshot(page, testInfo, 'en-settings-ladder');
  await shell.signOut();

  // Staff: the tab is there to read, with nothing to change.
  await new LoginPage(page).signIn(STAFF.username, STAFF.password);
  await expect(shell.home()).toBeVisible();
  await shell.goToSettings('ladder');
  await expect(page.getByTestId('ladder-read-only')).toBeVisible();
  await expect(ladder.stageField('reminder', 'nameAr')).toHaveValue('تذكير أولي');
  await expect(ladder.stageField('reminder', 'nameAr')).toHaveAttribute('readonly', '');
  await expect(ladder.saveButton()).toHaveCount(0);
  await screenshot(page, testInfo, 'ar-settings-ladder-staff');
});
