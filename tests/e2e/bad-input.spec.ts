// Bad input in the UI: a wrong password gets one generic message; a weak password is refused next to its field.
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { SetupWizardPage } from './pages/SetupWizardPage';

test('a weak password is rejected next to the field and nothing is created', async ({ page, core }, testInfo) => {
  await page.goto(core.url);
  const setup = new SetupWizardPage(page);
  await setup.fillOffice(OFFICE);
  await setup.nextFromOffice();
  await setup.fillPartner({ ...PARTNER, password: 'sara12' }, 'sara13');
  await setup.createOffice();
  const password = page.getByTestId('partner-password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
  const fieldError = page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error')) ?? 'none'}"]`);
  await expect(fieldError).toHaveText('10 أحرف على الأقل.');
  await expect(page.getByTestId('partner-confirm')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('كلمتا المرور غير متطابقتين.')).toBeVisible();
  await screenshot(page, testInfo, 'ar-setup-weak-password');
  const status = await core.call('app.status', {});
  expect(status).toEqual({ ok: true, value: { state: 'setup' } });
});

test('a wrong password or an unknown user gets the same generic message', async ({ page, core }, testInfo) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  await page.goto(core.url);
  const login = new LoginPage(page);
  await login.signIn(PARTNER.username, 'Not-The-Password-1');
  await expect(login.error()).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة.');
  await screenshot(page, testInfo, 'ar-login-wrong-password');
  await login.signIn('nobody', 'Not-The-Password-1');
  await expect(login.error()).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة.');
  await login.signIn(PARTNER.username, PARTNER.password);
  await expect(page.getByTestId('home-page')).toBeVisible();
});

test('repeated wrong passwords are throttled with a clear message', async ({ page, core }, testInfo) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  await page.goto(core.url);
  const login = new LoginPage(page);
  // Two free tries, then a doubling wait: keep trying until the core says to wait (within a few attempts).
  for (let i = 0; i < 8; i += 1) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth.login'));
    await login.signIn(PARTNER.username, `Wrong-Password-${i}`);
    const body = (await (await answered).json()) as { ok: boolean; error?: { code: string } };
    if (body.error?.code === 'auth.throttled') break;
  }
  await expect(login.error()).toHaveText(/^محاولات خاطئة كثيرة\. يرجى الانتظار ثم المحاولة مرة أخرى \(الثواني المتبقية: \d+\)\.$/);
  await screenshot(page, testInfo, 'ar-login-throttled');
});

test('the recovery code sets a new password and signs in', async ({ page, core }) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  if (!created.ok) throw new Error(created.error.message);
  await page.goto(core.url);
  await page.getByRole('link', { name: 'نسيت كلمة المرور؟' }).click();
  await page.getByTestId('recover-code').fill(created.value.recoveryCode);
  await page.getByTestId('recover-username').fill(PARTNER.username);
  await page.getByTestId('recover-password').fill('Nakheel-Taif-2027');
  await page.getByTestId('recover-confirm').fill('Nakheel-Taif-2027');
  await page.getByTestId('recover-submit').click();
  await expect(page.getByTestId('home-page')).toBeVisible();
});
