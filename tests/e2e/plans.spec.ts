// Instalment plans in the browser, Arabic then English: agree a plan from the case (the total prefilled with the balance,
// a live schedule that adds up to it, a count out of range shown on its field), see the schedule with Hijri dates, post a
// payment that pays the first instalment and see it paid; renegotiate, and find the old schedule under "Earlier plans".
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { PaymentsPage } from './pages/PaymentsPage';
import { PlansPage } from './pages/PlansPage';
import { ShellPage } from './pages/ShellPage';

const SHOTS = process.env.TAHSEEL_SHOTS_DIR ?? '/tmp/shots-plans';

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A case of 10,000.00 principal, 500.00 costs and 1,000.00 fees: 11,500.00 due. */
async function seed(core: CoreServer): Promise<{ id: number }> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const client = must(await core.call('clients.create', { kind: 'company', nameAr: 'شركة الأفق للتقسيط', nameEn: 'Al-Ufuq Finance', crNumber: '1010987655' }, token), 'client');
  const party = must(await core.call('parties.create', { kind: 'person', name: 'فهد بن سالم الدوسري', nationalId: makeNationalId('1', '51234568') }, token), 'debtor');
  const k = must(
    await core.call('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 1_000_000, costsMinor: 50_000, feesMinor: 100_000 }, token),
    'case',
  );
  return { id: k.id };
}

test('agree a plan, see its schedule, pay the first instalment; renegotiate and keep the old schedule', async ({ page, core }) => {
  test.setTimeout(180_000);
  const k = await seed(core);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const plans = new PlansPage(page);
  await plans.open(k.id);
  await expect(page.getByTestId('case-tab-agreements')).toHaveText('الاتفاقات');
  await expect(plans.panel()).toContainText('لا توجد خطة تقسيط');

  // The total starts as the balance; 121 instalments is refused on the field; 3 give a schedule adding up to it.
  await page.getByTestId('plan-new').click();
  await expect(page.getByTestId('plan-total')).toHaveValue('11500.00');
  // Not an amount: said on the field, nothing can be saved.
  await page.getByTestId('plan-total').fill('١٢ألف');
  await expect(plans.dialog()).toContainText('أدخل مبلغًا');
  await expect(page.getByTestId('plan-save')).toBeDisabled();
  await page.getByTestId('plan-total').fill('11500');
  await plans.fill({ count: 121 });
  await expect(plans.dialog()).toContainText('عدد الأقساط من ١ إلى ١٢٠ قسطاً');
  await expect(page.getByTestId('plan-save')).toBeDisabled();
  await plans.fill({ count: 3 });
  await expect(plans.previewRows()).toHaveCount(3);
  await expect(page.getByTestId('plan-preview-total')).toContainText('11,500.00');
  await expect(page.getByTestId('plan-preview-row-1')).toContainText('3,833.33');
  await expect(page.getByTestId('plan-preview-row-3')).toContainText('3,833.34');
  await expect(page.getByTestId('plan-preview-row-1')).toContainText('هـ');
  await shot(page, 'ar-plan-new');
  await plans.save();

  await expect(page.getByTestId('plan-state')).toHaveText('نافذة');
  await expect(plans.scheduleRows()).toHaveCount(3);
  await expect(plans.instalmentState(1)).toHaveText('مستحق');
  await expect(page.getByTestId('plan-defaults-on')).toBeVisible();
  await shot(page, 'ar-plan-schedule');
  // The overview says the case waits for the plan instead of the ladder.
  await page.getByTestId('case-tab-overview').click();
  await expect(page.getByTestId('escalation-reason')).toContainText('ملتزم بخطة تقسيط');
  await page.getByTestId('case-tab-agreements').click();

  // A payment of the first instalment's amount pays it.
  await page.getByTestId('case-tab-payments').click();
  const payments = new PaymentsPage(page);
  await expect(payments.panel()).toBeVisible();
  await payments.startPayment('3833.33', 'تحويل بنكي');
  await payments.save();
  await expect(page.getByTestId('payment-dialog')).toHaveCount(0);
  await page.getByTestId('case-tab-agreements').click();
  await expect(plans.instalmentState(1)).toHaveText('مسدد');
  await expect(plans.instalmentState(2)).toHaveText('مستحق');
  await expect(page.getByTestId('plan-paid')).toContainText('3,833.33');
  await shot(page, 'ar-plan-paid');

  // English: the same plan, then renegotiated over 2 weekly instalments; the old schedule is under "Earlier plans".
  await shell.switchLanguage('en');
  await expect(page.getByTestId('case-tab-agreements')).toHaveText('Agreements');
  await expect(plans.instalmentState(1)).toHaveText('Paid');
  await shot(page, 'en-plan-paid');
  await page.getByTestId('plan-renegotiate').click();
  await expect(page.getByTestId('plan-total')).toHaveValue('7666.67');
  await plans.fill({ count: 2, frequency: 'week', reason: 'The debtor asked for shorter, weekly payments' });
  await expect(plans.previewRows()).toHaveCount(2);
  await expect(page.getByTestId('plan-preview-total')).toContainText('7,666.67');
  await shot(page, 'en-plan-renegotiate');
  await plans.save();
  await expect(plans.scheduleRows()).toHaveCount(2);
  await expect(plans.instalmentState(1)).toHaveText('Due');
  await expect(page.getByTestId('plan-history')).toContainText('Renegotiated');
  await page.getByTestId('plan-history').getByRole('button').first().click();
  await expect(page.getByTestId('plan-history').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('plan-history')).toContainText('The debtor asked for shorter, weekly payments');
  await shot(page, 'en-plan-history');

  // The instalment agreement prints through the letters, from the plan's terms.
  await page.getByTestId('plan-print').click();
  await expect(page.locator('iframe, embed, object').first()).toBeVisible();
  await shot(page, 'en-plan-agreement');
  await page.keyboard.press('Escape');

  // The office's plan settings sit with the ladder's.
  await shell.goToSettings('ladder');
  await expect(page.getByTestId('plan-settings-default-after')).toHaveValue('2');
  await page.getByTestId('plan-settings-default-after').fill('3');
  await page.getByTestId('plan-settings-save').click();
  await expect(page.getByText('Saved').first()).toBeVisible();
  await page.getByTestId('plan-settings').scrollIntoViewIfNeeded();
  await shot(page, 'en-plan-settings');
});
