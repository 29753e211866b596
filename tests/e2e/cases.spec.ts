// Cases by hand: client, debtor, invoice case; up the ladder to demand; the filing guard (notice missing, then its wait);
// Ctrl+K finds the case by the debtor's name typed without hamza; the list's stage filter survives a reload. Arabic and English.
import { todayIso } from '../../electron/domain/dates';
import { formatGregorian } from '../../electron/domain/format';
import { earliestFilingDate } from '../../electron/domain/ladder';
import { makeNationalId } from '../../electron/domain/validators';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { CasesPage } from './pages/CasesPage';
import { LoginPage } from './pages/LoginPage';
import { PartyFormsPage } from './pages/PartyFormsPage';
import { ShellPage } from './pages/ShellPage';

const CLIENT = { nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654', feePercent: '12.5' };
const DEBTOR = { name: 'أحمد بن علي الغامدي', nationalId: makeNationalId('1', '23456789'), phone: '0551234567', city: 'الرياض' };

test('a case by hand: up the ladder, the filing guard, search and the list filter in the URL', async ({ page, core }, testInfo) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();

  // Client, then debtor.
  const forms = new PartyFormsPage(page);
  await forms.openNewClient();
  await forms.fillClient(CLIENT);
  await screenshot(page, testInfo, 'ar-client-form');
  await forms.saveClient();
  await forms.openNewDebtor();
  await forms.fillDebtor(DEBTOR);
  await screenshot(page, testInfo, 'ar-debtor-form');
  await forms.saveDebtor();
  await expect(page.getByTestId('party-title')).toHaveText(DEBTOR.name);

  // The same ID again: the form offers the existing debtor instead of a duplicate.
  await forms.openNewDebtor();
  await page.getByTestId('party-nationalId').fill(DEBTOR.nationalId);
  await page.getByTestId('party-nationalId').blur();
  await expect(page.getByTestId('party-duplicate')).toContainText(DEBTOR.name);

  // An invoice case by hand.
  const cases = new CasesPage(page);
  await cases.openNewCase();
  await cases.pickOption('case-clientId', 'النخبة', CLIENT.nameAr);
  await cases.pickOption('case-debtorIds', 'أحمد', new RegExp(DEBTOR.name));
  await page.getByTestId('case-principalMinor').fill('15,750.50');
  await page.getByTestId('case-instrumentNumber').fill('INV-2026-0042');
  await screenshot(page, testInfo, 'ar-case-form');
  await cases.save();
  await expect(page.getByTestId('case-claim')).toContainText('15,750.50');
  const caseUrl = page.url();

  // Up the ladder to the formal demand.
  for (const stage of ['reminder', 'follow_up', 'final_notice', 'demand']) await cases.moveTo(stage, `خطوة ${stage}`);
  await expect(page.getByTestId('history-item')).toHaveCount(5);

  // Filing without a delivered notice: the guard says so.
  await expect(cases.guards('litigation').locator('[data-guard="notice_missing"]')).toBeVisible();
  await page.getByTestId('move-button-litigation').click();
  await expect(page.getByTestId('guard-dialog')).toContainText('إشعار كتابي');
  await screenshot(page, testInfo, 'ar-case-guard-notice-missing');
  await page.keyboard.press('Escape');

  // Notice delivered today: the guard now names the earliest filing date.
  const today = todayIso();
  const earliest = earliestFilingDate({ noticeDeliveredOn: today }) ?? '';
  await page.getByTestId('case-edit').click();
  await cases.fillDate('case-noticeDeliveredOn', today);
  await cases.save();
  const wait = cases.guards('litigation').locator('[data-guard="notice_wait"]');
  await expect(wait).toContainText(formatGregorian(earliest, { lang: 'ar', digits: 'western' }));
  await screenshot(page, testInfo, 'ar-case-guard-notice-wait');

  // Ctrl+K from anywhere, the name typed without hamza.
  await page.getByTestId('nav-home').click();
  const results = await cases.search('احمد');
  await expect(results.getByText(DEBTOR.name).first()).toBeVisible();
  await screenshot(page, testInfo, 'ar-search');
  await page.getByTestId('search-input').press('Enter');
  await expect(cases.casePage()).toBeVisible();
  expect(page.url()).toBe(caseUrl);

  // The list, filtered by stage: the filter lives in the URL and survives a reload.
  await cases.openList();
  await page.getByTestId('cases-filters-toggle').click();
  await cases.pickOption('filter-stage', '', 'إنذار رسمي');
  await expect(page).toHaveURL(/stage=demand/);
  await page.reload();
  await expect(page).toHaveURL(/stage=demand/);
  await expect(cases.total()).toContainText('1');
  await expect(cases.list().getByRole('row')).toHaveCount(2);
  await screenshot(page, testInfo, 'ar-cases-list');

  // English: list, case page with the guard, the form, search.
  await shell.switchLanguage('en');
  await screenshot(page, testInfo, 'en-cases-list');
  await page.goto(caseUrl);
  await expect(wait).toContainText('cannot be filed before');
  await screenshot(page, testInfo, 'en-case-guard');
  await page.getByTestId('move-button-litigation').click();
  await expect(page.getByTestId('override-reason')).toBeVisible();
  await screenshot(page, testInfo, 'en-case-override');
  await page.keyboard.press('Escape');
  await page.getByTestId('case-edit').click();
  await expect(page.getByTestId('case-form')).toBeVisible();
  await screenshot(page, testInfo, 'en-case-form');
  await cases.search('احمد');
  await expect(page.getByTestId('search-results').getByText(DEBTOR.name).first()).toBeVisible();
  await screenshot(page, testInfo, 'en-search');
});
