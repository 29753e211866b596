// Payments in the browser, Arabic then English: post a payment on a case and see its receipt number, the receipt PDF
// and the balance; a cheque without its number is refused; more than the balance offers to hold the excess as credit;
// reverse the payment with a reason and see the balance restored and the reversal beside the original; a payment
// that settles the balance asks whether to close the case as paid. A partial payment keeps a promise and its bounced
// cheque restores both the balance and the promise; the case's history shows the cheque and its reversal. A settlement
// agreed, paid and closed as settled; another broken.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { addDays, todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { PaymentsPage } from './pages/PaymentsPage';
import { SettlementsPage } from './pages/SettlementsPage';
import { ShellPage } from './pages/ShellPage';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A case of 10,000.00 principal, 500.00 costs and 1,000.00 fees: 11,500.00 claimed (more cases: more debtors). */
async function seed(core: CoreServer, cases = 1): Promise<{ id: number; reference: string; token: string }[]> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const client = must(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654' }, token), 'client');
  const out = [];
  for (let i = 0; i < cases; i++) {
    const party = must(await core.call('parties.create', { kind: 'person', name: ['خالد بن عمر الزهراني', 'سارة بنت علي الشهري'][i] ?? `مدين ${i}`, nationalId: makeNationalId('1', String(51234567 + i)) }, token), 'debtor');
    const k = must(
      await core.call('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 1_000_000, costsMinor: 50_000, feesMinor: 100_000 }, token),
      'case',
    );
    out.push({ id: k.id, reference: k.reference, token });
  }
  return out;
}

/** My screenshots go where TAHSEEL_SHOTS says (each engineer their own folder), else with the others. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = process.env['TAHSEEL_SHOTS'];
  if (!dir) return screenshot(page, testInfo, name);
  await mkdir(dir, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

test('post a payment, see the receipt and the balance, reverse it; settle in full and be asked to close', async ({ page, core }, testInfo) => {
  test.setTimeout(180_000);
  const [k] = await seed(core);
  if (!k) throw new Error('no case');
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

test('a partial payment keeps a promise; the bounced cheque restores the balance and the promise', async ({ page, core }, testInfo) => {
  test.setTimeout(180_000);
  const [k] = await seed(core);
  if (!k) throw new Error('no case');
  // The debtor promised 3,000.00 within three days.
  must(await core.call('promises.create', { caseId: k.id, amountMinor: 300_000, dueOn: addDays(todayIso(), 3), channel: 'call' }, k.token), 'promise');
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const payments = new PaymentsPage(page);
  await payments.open(k.id);

  // A cheque for 3,000.00 of the 11,500.00: costs, fees, then 1,500.00 of the principal.
  await payments.startPayment('3000', 'شيك');
  await page.getByTestId('payment-cheque-number').fill('000777');
  await page.getByTestId('payment-cheque-bank').fill('مصرف الراجحي');
  await payments.save();
  await expect(page.getByTestId('payment-dialog')).toHaveCount(0);
  await expect(payments.balance()).toContainText('8,500.00');
  const cheque = await payments.paymentId(0);
  await shot(page, testInfo, 'ar-partial-payment');
  // The promise is kept.
  await page.getByTestId('case-tab-overview').click();
  await expect(page.getByTestId('promises-table').locator('[data-state]').first()).toHaveAttribute('data-state', 'kept');
  await expect(page.getByTestId('promises-table')).toContainText('مُنفَّذ');
  await shot(page, testInfo, 'ar-promise-kept');

  // The cheque bounces: reversed, the balance is the full claim again and the promise is open again.
  await page.getByTestId('case-tab-payments').click();
  await payments.reverse(cheque, 'شيك مرتجع');
  await expect(payments.balance()).toContainText('11,500.00');
  await expect(page.getByTestId(`payment-reversed-${cheque}`)).toBeVisible();
  await shot(page, testInfo, 'ar-cheque-bounced');
  await page.getByTestId('case-tab-overview').click();
  await expect(page.getByTestId('promises-table').locator('[data-state]').first()).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('promises-table')).toContainText('قائم');
  await shot(page, testInfo, 'ar-promise-restored');
  // The case's history shows the cheque and its reversal, newest first.
  await page.getByTestId('case-tab-history').click();
  const money = page.locator('[data-testid="timeline-item"][data-type="payment"]');
  await expect(money).toHaveCount(2);
  await expect(money.first()).toHaveAttribute('data-event', 'reversed');
  await expect(money.first()).toContainText('عُكست دفعة: 3,000.00');
  await expect(money.first()).toContainText('شيك مرتجع');
  await expect(money.nth(1)).toContainText('استُلمت دفعة: 3,000.00');
  await expect(money.nth(1)).toContainText('000777');
  await shot(page, testInfo, 'ar-timeline-money');
  await page.getByTestId('case-tab-overview').click();

  // English, once: the same state read back.
  await shell.switchLanguage('en');
  await expect(page.getByTestId('promises-table')).toContainText('Open');
  await shot(page, testInfo, 'en-promise-restored');
  await page.getByTestId('case-tab-payments').click();
  await expect(payments.balance()).toContainText('11,500.00');
  await expect(page.getByTestId(`payment-reversed-${cheque}`)).toContainText('Reversed');
  await shot(page, testInfo, 'en-cheque-bounced');
  await page.getByTestId('case-tab-history').click();
  await expect(money.first()).toContainText('Payment reversed: 3,000.00');
  await expect(money.nth(1)).toContainText('Payment received: 3,000.00');
  await expect(money.nth(1)).toContainText('Cheque');
  await shot(page, testInfo, 'en-timeline-money');
});

test('agree a settlement, pay it and close the case as settled; break another and owe the full claim', async ({ page, core }, testInfo) => {
  test.setTimeout(180_000);
  const [a, b] = await seed(core, 2);
  if (!a || !b) throw new Error('no cases');
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const settlements = new SettlementsPage(page);
  const payments = new PaymentsPage(page);

  // Not below the balance: refused, translated.
  await settlements.open(a.id);
  await settlements.start('11500');
  await settlements.save();
  await expect(settlements.error()).toContainText('أقل من الرصيد');
  // 8,000.00 by a deadline ten days away: 3,500.00 waived, off the principal (the order pays it last).
  await page.getByTestId('settlement-amount-input').fill('8000');
  const deadline = page.getByTestId('settlement-deadline-input');
  await deadline.fill(addDays(todayIso(), 10));
  await deadline.press('Tab');
  await expect(page.getByTestId('settlement-waived-preview')).toContainText('3,500.00');
  await shot(page, testInfo, 'ar-settlement-form');
  await settlements.save();
  await expect(settlements.dialog()).toHaveCount(0);
  await expect(settlements.state()).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('settlement-discount')).toContainText('3,500.00');
  await expect(page.getByTestId('settlement-discount-principal')).toContainText('3,500.00');
  await expect(page.getByTestId('settlement-remaining')).toContainText('8,000.00');
  await shot(page, testInfo, 'ar-settlement-open');

  // The balance card shows the agreed discount; paying the 8,000.00 asks to close the case as settled.
  await payments.open(a.id);
  await expect(page.getByTestId('balance-discount')).toContainText('3,500.00');
  await expect(payments.balance()).toContainText('8,000.00');
  await payments.startPayment('8000', 'تحويل بنكي');
  await payments.save();
  await expect(page.getByTestId('payment-settled-dialog')).toContainText('إغلاق الملف بالتسوية');
  await shot(page, testInfo, 'ar-settlement-paid-ask');
  await page.getByTestId('payment-settled-close').click();
  await expect(page.getByTestId('payment-settled-dialog')).toHaveCount(0);
  await expect(page.getByTestId('case-page')).toContainText('تمت التسوية');
  await expect(payments.balance()).toContainText('0.00');
  await expect(page.getByTestId('payments-closed')).toBeVisible();
  await expect(page.getByTestId('payment-new')).toHaveCount(0);
  await shot(page, testInfo, 'ar-case-settled');
  await page.getByTestId('case-tab-agreements').click();
  await expect(settlements.state()).toHaveAttribute('data-state', 'paid');
  await shot(page, testInfo, 'ar-settlement-paid');

  // English: the second case's settlement is broken; the discount goes and the full claim is owed.
  await shell.switchLanguage('en');
  await settlements.open(b.id);
  await settlements.start('6000');
  await settlements.save();
  await expect(settlements.state()).toHaveText('Open');
  await expect(page.getByTestId('settlement-discount')).toContainText('5,500.00');
  await shot(page, testInfo, 'en-settlement-open');
  await settlements.breakIt('The debtor stopped answering');
  await expect(page.getByTestId('settlement-current')).toHaveCount(0);
  await expect(page.getByTestId('settlement-history')).toContainText('The debtor stopped answering');
  await shot(page, testInfo, 'en-settlement-broken');
  await payments.open(b.id);
  await expect(payments.balance()).toContainText('11,500.00');
  await expect(page.getByTestId('balance-discount')).toHaveCount(0);
  await shot(page, testInfo, 'en-settlement-broken-balance');
  // The case's history: the settlement agreed then broken, and an instalment plan agreed after it.
  must(await core.call('plans.create', { caseId: b.id, currency: 'SAR', count: 3, frequency: 'monthly', firstDate: addDays(todayIso(), 7) }, b.token), 'plan');
  await page.reload();
  await page.getByTestId('case-tab-history').click();
  const money = page.locator('[data-testid="timeline-item"][data-type="settlement"], [data-testid="timeline-item"][data-type="plan"]');
  await expect(money).toHaveCount(3);
  await expect(money.nth(0)).toContainText('Instalment plan agreed: 11,500.00 SAR in 3 instalments, every month');
  await expect(money.nth(1)).toHaveAttribute('data-event', 'broken');
  await expect(money.nth(1)).toContainText('The debtor stopped answering');
  await expect(money.nth(2)).toContainText('Settlement agreed: 6,000.00');
  await shot(page, testInfo, 'en-timeline-settlement-plan');
});

test('a client whose payments go to the principal first: set on its form, kept through an edit, posted in that order', async ({ page, core }, testInfo) => {
  test.setTimeout(180_000);
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('clients-new').click();
  await expect(page.getByTestId('client-form')).toBeVisible();
  await page.getByTestId('client-nameAr').fill('مصرف الأفق');
  await page.getByTestId('client-crNumber').fill('1010777888');
  // Costs, fees, principal, late charges → principal, costs, fees, late charges.
  await page.getByTestId('client-allocation-up-principal').click();
  await page.getByTestId('client-allocation-up-principal').click();
  await expect(page.getByTestId('client-allocation-0')).toHaveAttribute('data-component', 'principal');
  await page.getByTestId('client-late-charges-allowed').check();
  await shot(page, testInfo, 'ar-client-allocation-form');
  await page.getByTestId('client-save').click();
  await expect(page.getByTestId('client-page')).toBeVisible();
  await expect(page.getByTestId('client-allocation-order-value')).toContainText('1. أصل الدين');
  await expect(page.getByTestId('client-late-charges-value')).toHaveText('غرامات التأخير مسموحة');
  await shot(page, testInfo, 'ar-client-allocation-page');
  // An edit that touches nothing else keeps the order.
  await page.getByTestId('client-edit').click();
  await expect(page.getByTestId('client-allocation-0')).toHaveAttribute('data-component', 'principal');
  await page.getByTestId('client-save').click();
  await expect(page.getByTestId('client-allocation-order-value')).toContainText('1. أصل الدين');

  // A case of this client: 1,000.00 goes to the principal, not to the costs.
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const clientId = (must(await core.call('clients.list', { limit: 10 }, token), 'clients') as unknown as { rows: { id: number }[] }).rows[0]?.id ?? 0;
  const party = must(await core.call('parties.create', { kind: 'person', name: 'فهد بن سالم الدوسري', nationalId: makeNationalId('1', '61234567') }, token), 'debtor');
  const k = must(
    await core.call('cases.create', { clientId, debtorIds: [party.id], instrumentType: 'loan', principalMinor: 500_000, costsMinor: 20_000, feesMinor: 30_000, lateChargesMinor: 10_000 }, token),
    'case',
  );
  const payments = new PaymentsPage(page);
  await payments.open(k.id);
  await expect(payments.balance()).toContainText('5,600.00');
  await payments.startPayment('1000', 'نقداً');
  await payments.save();
  await expect(page.getByTestId('payment-dialog')).toHaveCount(0);
  await expect(page.getByTestId('balance-principal')).toContainText('4,000.00');
  await expect(page.getByTestId('balance-costs')).toContainText('200.00');
  await expect(page.getByTestId('balance-lateCharges')).toContainText('100.00');
  await shot(page, testInfo, 'ar-principal-first');

  await shell.switchLanguage('en');
  await page.goto(`${new URL(page.url()).origin}/#/clients/${clientId}`);
  await expect(page.getByTestId('client-allocation-order-value')).toContainText('1. Principal, 2. Costs, 3. Fees, 4. Late charges');
  await shot(page, testInfo, 'en-client-allocation-page');
});
