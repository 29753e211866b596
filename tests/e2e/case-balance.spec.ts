// The balance in the browser, Arabic then English: the cases list shows each case's balance (claim − paid), sorts by
// it and filters fully paid cases; the case form offers late charges only for a client that allows them and the case
// page lists them among the claim's components; Today shows outstanding and collected this month.
import { mkdir } from 'node:fs/promises';
import { todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import type { Page } from '@playwright/test';
import type { CoreServer } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { CasesPage } from './pages/CasesPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const SHOTS = '/tmp/shots-seed';

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

interface Seeded {
  partial: string;
  paid: string;
  untouched: string;
  late: { id: number; reference: string };
}

/** Four cases: 10,000 with 2,500 paid, 3,000 paid in full, 20,000 untouched, and 5,000 + 750 late charges. */
async function seed(core: CoreServer): Promise<Seeded> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const client = must(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654' }, token), 'client');
  const lateClient = must(
    await core.call('clients.create', { kind: 'company', nameAr: 'شركة الأفق للتمويل', nameEn: 'Al-Ofoq Finance', crNumber: '1010987655', lateChargesAllowed: true }, token),
    'client with late charges',
  );
  let n = 0;
  const newCase = async (clientId: number, principalMinor: number, extra: Record<string, unknown> = {}): Promise<{ id: number; reference: string }> => {
    n++;
    const party = must(await core.call('parties.create', { kind: 'person', name: `مدين الاختبار ${n}`, nationalId: makeNationalId('1', String(61_234_560 + n)) }, token), 'debtor');
    const k = must(await core.call('cases.create', { clientId, debtorIds: [party.id], instrumentType: 'invoice', principalMinor, ...extra }, token), 'case');
    return { id: k.id, reference: k.reference };
  };
  const pay = async (caseId: number, amountMinor: number): Promise<void> => {
    must(await core.call('payments.post', { caseId, onDate: todayIso(), amountMinor, currency: 'SAR', method: 'sadad' }, token), 'payment');
  };
  const partial = await newCase(client.id, 1_000_000);
  await pay(partial.id, 250_000);
  const paid = await newCase(client.id, 300_000);
  await pay(paid.id, 300_000);
  const untouched = await newCase(client.id, 2_000_000);
  const late = await newCase(lateClient.id, 500_000, { lateChargesMinor: 75_000 });
  return { partial: partial.reference, paid: paid.reference, untouched: untouched.reference, late };
}

test('the cases list shows, sorts and filters by balance; late charges on the case; money on Today', async ({ page, core }) => {
  test.setTimeout(180_000);
  const s = await seed(core);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();

  // Today: outstanding 10,000 − 2,500 + 20,000 + 5,750 = 33,250; collected this month 2,500 + 3,000.
  await expect(page.getByTestId('today-outstanding-SAR')).toContainText('33,250.00');
  await expect(page.getByTestId('today-collected-SAR')).toContainText('5,500.00');
  await expect(page.getByTestId('today-outstanding-SAR')).toContainText('المتبقي للتحصيل');
  await shot(page, 'ar-today-money');

  const cases = new CasesPage(page);
  await cases.openList();
  await expect(cases.list()).toContainText('الرصيد المتبقي');
  await expect(page.getByTestId(`case-balance-${s.partial}`)).toContainText('7,500.00');
  await expect(page.getByTestId(`case-balance-${s.paid}`)).toContainText('0.00');
  await expect(page.getByTestId(`case-balance-${s.untouched}`)).toContainText('20,000.00');
  await expect(page.getByTestId(`case-balance-${s.late.reference}`)).toContainText('5,750.00');
  // Sorted by balance, largest first (two clicks: ascending, then descending).
  await page.getByTestId('sort-balance').click();
  await expect(page).toHaveURL(/sort=balance/);
  await expect(page.locator('[data-testid^="case-balance-"]').first()).toContainText('0.00');
  await page.getByTestId('sort-balance').click();
  await expect(page).toHaveURL(/dir=desc|sort=balance(?!.*dir=asc)/);
  await expect(page.locator('[data-testid^="case-balance-"]').first()).toContainText('20,000.00');
  await shot(page, 'ar-cases-balance');

  // Only the fully paid case.
  await page.getByTestId('cases-filters-toggle').click();
  await cases.pickOption('filter-balance', '', 'مسددة بالكامل');
  await expect(cases.total()).toContainText('1');
  await expect(page.locator('[data-testid^="case-balance-"]')).toHaveCount(1);
  await expect(page.getByTestId(`case-row-${s.paid}`)).toBeVisible();
  await shot(page, 'ar-cases-fully-paid');

  // The case with late charges lists them in its claim.
  await page.goto(`${new URL(page.url()).origin}/#/cases/${s.late.id}`);
  await expect(page.getByTestId('case-late-charges')).toContainText('750.00');
  await expect(page.getByTestId('case-claim')).toContainText('5,750.00');
  await shot(page, 'ar-case-late-charges');

  // English: the same list, with the balance column and the filter's other choice.
  await shell.switchLanguage('en');
  await cases.openList();
  await expect(cases.list()).toContainText('Balance');
  await expect(page.getByTestId(`case-balance-${s.partial}`)).toContainText('7,500.00');
  await page.getByTestId('cases-filters-toggle').click();
  await cases.pickOption('filter-balance', '', 'Has a balance');
  await expect(page.locator('[data-testid^="case-balance-"]')).toHaveCount(3);
  await expect(page.getByTestId(`case-row-${s.paid}`)).toHaveCount(0);
  await shot(page, 'en-cases-balance');

  // The new-case form offers late charges once a client that allows them is chosen.
  await cases.openNewCase();
  await expect(page.getByTestId('case-lateChargesMinor')).toHaveCount(0);
  await cases.pickOption('case-clientId', 'Ofoq', /Al-Ofoq Finance|الأفق/);
  await expect(page.getByTestId('case-lateChargesMinor')).toBeVisible();
  await shot(page, 'en-case-form-late-charges');
  await cases.pickOption('case-clientId', 'Nukhba', /Al-Nukhba Supplies|النخبة/);
  await expect(page.getByTestId('case-lateChargesMinor')).toHaveCount(0);

  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('today-collected-SAR')).toContainText('Collected this month');
  await shot(page, 'en-today-money');
});
