// Remittances in the browser, in Arabic and in English: the client's ledger (collected, fee by percent and per stage,
// due), a period ending tomorrow refused, run a remittance and open its statement PDF; then the accountant finds it on
// the office-wide Remittances page and marks it paid with the bank reference.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays, todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LedgerPage } from './pages/LedgerPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const SHOTS = '/tmp/shots-ledger';
const ACCOUNTANT = { displayName: 'نورة الشهري', username: 'noura', password: 'Hisab-2026-Riyadh!' };

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/**
 * A client at 10 % with 250.00 for reaching the reminder stage; today 5,000.00 and 3,000.00 reached the office and
 * 1,000.00 was paid to the client directly: fee 500 + 300 + 100 + 250 = 1,150.00, net 8,000 − 1,150 = 6,850.00.
 */
async function seed(core: CoreServer): Promise<{ clientId: number; token: string }> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  must(await core.call('users.create', { ...ACCOUNTANT, role: 'accountant' }, token), 'accountant');
  const client = must(
    await core.call(
      'clients.create',
      {
        kind: 'company',
        nameAr: 'شركة النخبة للتوريدات',
        nameEn: 'Al-Nukhba Supplies',
        crNumber: '1010987654',
        iban: 'SA0380000000608010167519',
        bankName: 'مصرف الراجحي',
        fee: { percentBp: 1_000, fixedPerStage: { reminder: 25_000 } },
      },
      token,
    ),
    'client',
  );
  const today = todayIso();
  const cases = [];
  for (const [i, name] of ['خالد بن عمر الزهراني', 'فهد بن سالم الدوسري'].entries()) {
    const party = must(await core.call('parties.create', { kind: 'person', name, nationalId: makeNationalId('1', String(51_234_567 + i)) }, token), 'debtor');
    cases.push(must(await core.call('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 2_000_000 }, token), 'case'));
  }
  const [k1, k2] = cases;
  if (!k1 || !k2) throw new Error('cases');
  const pay = async (caseId: number, amountMinor: number, receivedBy: 'office' | 'client'): Promise<void> => {
    must(await core.call('payments.post', { caseId, onDate: today, amountMinor, currency: 'SAR', method: 'bank_transfer', reference: 'FT-1', receivedBy }, token), 'payment');
  };
  await pay(k1.id, 500_000, 'office');
  await pay(k2.id, 300_000, 'office');
  await pay(k2.id, 100_000, 'client');
  const fresh = must(await core.call('cases.get', { id: k1.id }, token), 'case');
  must(await core.call('cases.move', { id: k1.id, version: fresh.version, to: 'reminder', reason: 'تذكير', override: true }, token), 'move');
  return { clientId: client.id, token };
}

/** The stored statement rendered with pdftoppm (for a person to look at) and its text. */
async function statementText(core: CoreServer, token: string, id: number, name: string): Promise<string> {
  const pdf = must(await core.call('remittances.statement', { id }, token), 'statement');
  mkdirSync(SHOTS, { recursive: true });
  const path = `${SHOTS}/${name}.pdf`;
  writeFileSync(path, Buffer.from(pdf.pdfBase64, 'base64'));
  execFileSync('pdftoppm', ['-r', '60', '-png', path, `${SHOTS}/${name}`]);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

for (const lang of ['ar', 'en'] as const) {
  test(`run a remittance and open its statement PDF, then mark it paid as the accountant (${lang})`, async ({ page, core }) => {
    test.setTimeout(180_000);
    const { clientId, token } = await seed(core);
    const number = `RM-${todayIso().slice(0, 4)}-000001`;
    const ar = lang === 'ar';
    await page.goto(core.url);
    await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
    const shell = new ShellPage(page);
    await expect(shell.home()).toBeVisible();
    if (!ar) await shell.switchLanguage('en');
    const ledger = new LedgerPage(page);
    await ledger.openClient(clientId);
    // Fee by percent and per stage; totals are the sums of their parts; the due to the client.
    await expect(ledger.figures('SAR')).toContainText('8,000.00');
    await expect(ledger.figures('SAR')).toContainText('1,150.00');
    await expect(ledger.due('SAR')).toContainText('6,850.00');
    await expect(ledger.items('SAR')).toContainText(ar ? 'أتعاب مرحلة' : 'Stage fee');
    await ledger.section().scrollIntoViewIfNeeded();
    await shot(page, `${lang}-ledger`);

    // A period ending tomorrow is refused, with the reason in the user's language.
    await page.getByTestId('remittance-new').click();
    await page.getByTestId('remittance-to').fill(addDays(todayIso(), 1));
    await page.getByTestId('remittance-to').press('Enter');
    await page.getByTestId('remittance-preview-button').click();
    await expect(page.getByTestId('remittance-new-error')).toContainText(ar ? 'لا يجوز أن تنتهي الفترة بعد اليوم' : 'The period cannot end after today');
    await expect(page.getByTestId('remittance-issue')).toBeDisabled();
    await page.getByTestId('remittance-to').fill(todayIso());
    await page.getByTestId('remittance-to').press('Enter');
    await page.keyboard.press('Escape');

    await ledger.runRemittance(lang);
    await expect(page.getByTestId('remittance-preview-net')).toContainText('6,850.00');
    await expect(page.getByTestId('remittance-preview-cases')).toContainText('4,250.00');
    await expect(page.getByTestId('remittance-preview-cases')).toContainText('2,600.00');
    await shot(page, `${lang}-preview`);
    await ledger.issue();
    await expect(ledger.statement().locator('iframe, embed, object').first()).toBeVisible();
    await shot(page, `${lang}-statement`);
    await page.keyboard.press('Escape');
    await expect(ledger.row(number)).toContainText(ar ? 'صادر' : 'Issued');
    await expect(ledger.due('SAR')).toContainText('0.00');

    const text = await statementText(core, token, 1, `${lang}-statement`);
    expect(text).toContain(number);
    expect(text).toContain('6,850.00');
    expect(text.toLowerCase()).toContain(ar ? 'ستة آلاف وثمانمائة وخمسون' : 'six thousand eight hundred fifty');

    // The accountant reconciles it from the office-wide page.
    await shell.signOut();
    await new LoginPage(page).signIn(ACCOUNTANT.username, ACCOUNTANT.password);
    await expect(shell.home()).toBeVisible();
    if (!ar) await shell.switchLanguage('en');
    await page.getByTestId('nav-remittances').click();
    await expect(page.getByTestId('remittances-unpaid')).toContainText('6,850.00');
    await expect(ledger.row(number)).toBeVisible();
    // Filtered to the client.
    await page.getByTestId('remittances-client-filter').click();
    await page.getByRole('option', { name: 'شركة النخبة للتوريدات' }).click();
    await expect(ledger.row(number)).toBeVisible();
    await shot(page, `${lang}-remittances-page`);
    await ledger.markPaid(number, 'FT-20261123-01');
    await expect(page.getByTestId('remittance-paid-dialog')).toHaveCount(0);
    await expect(page.getByTestId('remittances-unpaid')).toContainText(ar ? 'سُدِّدت كل التحويلات' : 'Every issued remittance is paid');
    await page.getByTestId('remittances-filter').getByText(ar ? 'الكل' : 'All').click();
    await expect(ledger.row(number)).toContainText('FT-20261123-01');
    await expect(ledger.row(number)).toContainText(ar ? 'مسدَّد' : 'Paid');
    await shot(page, `${lang}-remittance-paid`);
  });
}
