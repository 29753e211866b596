// My preferences and the office profile: Arabic-Indic digits everywhere a number or date is shown, and the letterhead logo.
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

// A 2×2 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNgYPj/n4GBgYGBgYGBAQAkBgL+5QfIXQAAAABJRU5ErkJggg==',
  'base64',
);

test('Arabic-Indic digits and the office logo', async ({ page, core }, testInfo) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await expect(page.getByTestId('home-today')).toContainText(/\d{4}\/\d{2}\/\d{2}هـ الموافق \d{4}\/\d{2}\/\d{2}م/);

  await shell.goToSettings('preferences');
  await page.getByTestId('pref-digits').getByText('عربية هندية (١٢٣)').click();
  await expect(page.getByTestId('pref-preview')).toContainText('١٬٢٣٤٬٥٦٧٫٥');
  await screenshot(page, testInfo, 'ar-settings-preferences-arabic-digits');
  await page.getByRole('navigation').getByRole('link').first().click();
  await expect(page.getByTestId('home-today')).toContainText(/[٠-٩]{4}\/[٠-٩]{2}\/[٠-٩]{2}هـ الموافق [٠-٩]{4}\/[٠-٩]{2}\/[٠-٩]{2}م/);
  await screenshot(page, testInfo, 'ar-home-arabic-digits');

  // The digit style is remembered for this user.
  const me = await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password });
  expect(me.ok && me.value.session.user.digits).toBe('arabic');

  await shell.goToSettings('office');
  await page.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('logo-preview')).toBeVisible();
  await page.getByTestId('office-save').click();
  await expect(page.getByText('تم الحفظ.')).toBeVisible();
  const office = await core.call('office.get', {}, me.ok ? me.value.token : null);
  expect(office.ok && office.value.logo.startsWith('data:image/png;base64,')).toBe(true);
  await screenshot(page, testInfo, 'ar-settings-office-logo');
});
