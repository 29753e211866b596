// Payments in the browser, Arabic then English: post a payment on a case and see its receipt number, the receipt PDF
// and the balance; a cheque without its number is refused; more than the balance offers to hold the excess as credit;
// reverse the payment with a reason and see the balance restored and the reversal beside the original; a payment
// that settles the balance asks whether to close the case as paid.
import { todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { PaymentsPage } from './pages/PaymentsPage';
import { ShellPage } from './pages/ShellPage';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A case of 10,000.00 principal, 500.00 costs and 1,000.00 fees: 11,500.00 claimed. */
async function seed(core: CoreServer): Promise<{ id: number; reference: string }> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const client = must(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654' }, token), 'client');
  const party = must(await core.call('parties.create', { kind: 'person', name: 'خالد بن عمر الزهراني', nationalId: makeNationalId('1', '51234567') }, token), 'debtor');
  const k = must(
    await core.call('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 1_000_000, costsMinor: 50_000, feesMinor: 100_000 }, token),
    'case',
  );
  return { id: k.id, reference: k.reference };
}

test('post a payment, see the receipt and the balance, reverse it; settle in full and be asked to close', async ({ page, core }, testInfo) => {
  test.setTimeout(180_000);
  const k = await seed(core);
  const year = todayIso().slice(0, 4);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const payments = new PaymentsPage(page);
  await payments.open(k.id);
  await expect(payments.balance()).toContainText('11,500.00');

  // A cheque needs its number and bank: refused, nothing posted.
  await payments.startPayment('3000', 'شيك');
  await payments.save();
  await expect(page.getByTestId('payment-dialog')).toContainText('هذا الحقل مطلوب');
  await page.getByTestId('payment-cheque-number').fill('000451');
  await page.getByTestId('payment-cheque-bank').fill('البنك الأهلي السعودي');
  await page.getByTestId('payment-reference').fill('CHQ-451');
  await screenshot(page, testInfo, 'ar-payment-form');
  await payments.save();
  await expect(page.getByTestId('payment-dialog')).toHaveCount(0);
  await expect(payments.rows()).toHaveCount(1);
  const first = await payments.paymentId(0);
  await expect(page.getByTestId(`payment-receipt-number-${first}`)).toHaveText(`RC-${year}-000001`);
  // Costs 500, fees 1,000, then 1,500 of the principal: 8,500.00 left.
  await expect(payments.balance()).toContainText('8,500.00');
  await expect(page.getByTestId('balance-costs')).toContainText('0.00');
  await screenshot(page, testInfo, 'ar-payment-posted');
  // The case's overview shows the balance beside the claim.
  await page.getByTestId('case-tab-overview').click();
  await expect(page.getByTestId('case-balance')).toContainText('8,500.00');
  await page.getByTestId('case-tab-payments').click();
  await expect(payments.panel()).toBeVisible();

  // The receipt as a PDF.
  await page.getByTestId(`payment-open-receipt-${first}`).click();
  await expect(page.getByTestId('payment-receipt-modal').locator('iframe, embed, object').first()).toBeVisible();
  await screenshot(page, testInfo, 'ar-payment-receipt');
  await page.keyboard.press('Escape');

  // More than the balance: the form offers to hold the excess as credit; without it the payment is refused.
  await payments.startPayment('9000', 'نقداً');
  await expect(page.getByTestId('payment-over')).toBeVisible();
  await payments.save();
  await expect(payments.error()).toContainText('أكبر من الرصيد المستحق');
  await page.keyboard.press('Escape');
  await expect(payments.rows()).toHaveCount(1);

  // The cheque bounced: reversed with a reason, the balance is back, the reversal beside the original.
  await payments.reverse(first, 'شيك مرتجع لعدم كفاية الرصيد');
  await expect(payments.rows()).toHaveCount(2);
  await expect(page.getByTestId(`payment-reversed-${first}`)).toBeVisible();
  const reversal = await payments.paymentId(1);
  await expect(page.getByTestId(`payment-reversal-reason-${reversal}`)).toContainText('شيك مرتجع');
  await expect(payments.balance()).toContainText('11,500.00');
  await screenshot(page, testInfo, 'ar-payment-reversed');

  // English, once: the whole balance by transfer settles the case; the app asks before closing it.
  await shell.switchLanguage('en');
  await payments.startPayment('11500', 'Bank transfer');
  await payments.save();
  await expect(page.getByTestId('payment-settled-dialog')).toContainText('Close the case as paid?');
  await screenshot(page, testInfo, 'en-payment-settled');
  await page.getByTestId('payment-settled-close').click();
  await expect(page.getByTestId('payment-settled-dialog')).toHaveCount(0);
  await expect(payments.balance()).toContainText('0.00');
  await expect(page.getByTestId(`payment-receipt-number-${await payments.paymentId(0)}`)).toHaveText(`RC-${year}-000002`);
  await screenshot(page, testInfo, 'en-payment-closed');
});
