// Letters: a formal demand on a case (numbered OUT-<year>-000001), delivered; a second letter voided and the register still
// gapless; a letter verified by its code; a batch from the escalation queue (the debtor without an address is listed as
// blocked) printed and each case's Letters tab shows its number; a larger batch cancelled midway numbers nothing.
import { todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LettersPage } from './pages/LettersPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const YEAR = todayIso().slice(0, 4);
const number = (seq: number): string => `OUT-${YEAR}-${String(seq).padStart(6, '0')}`;

const ADDRESS = { buildingNo: '7421', street: 'طريق الملك فهد', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNo: '3344' };

interface Seeded {
  token: string;
  cases: { id: number; reference: string; debtor: string }[];
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** An office, its partner, one client and a case per debtor (through the API, as the office would have them). */
async function seed(core: CoreServer, debtors: { name: string; address: boolean }[]): Promise<Seeded> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const client = must(
    await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654' }, token),
    'client',
  );
  const cases: Seeded['cases'] = [];
  for (const [i, d] of debtors.entries()) {
    const party = must(
      await core.call(
        'parties.create',
        {
          kind: 'person',
          name: d.name,
          nationalId: makeNationalId('1', String(30000000 + i).padStart(8, '0')),
          ...(d.address ? { address: ADDRESS } : {}),
        },
        token,
      ),
      `debtor ${i}`,
    );
    const k = must(
      await core.call(
        'cases.create',
        { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', instrumentNumber: `INV-${1000 + i}`, principalMinor: 1_575_050 + i * 100 },
        token,
      ),
      `case ${i}`,
    );
    cases.push({ id: k.id, reference: k.reference, debtor: d.name });
  }
  return { token, cases };
}

test('letters on a case, the register, verification and a batch from the queue', async ({ page, core }, testInfo) => {
  const { token, cases } = await seed(core, [
    { name: 'أحمد بن علي الغامدي', address: true },
    { name: 'فهد بن سعد الدوسري', address: true },
    { name: 'نورة بنت خالد الشهري', address: true },
    { name: 'ماجد بن ناصر القرني', address: false },
  ]);
  const [a, b, c, d] = cases as [Seeded['cases'][number], Seeded['cases'][number], Seeded['cases'][number], Seeded['cases'][number]];
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const letters = new LettersPage(page);

  // A formal demand on case A: preview, then generate → the first number of the year.
  await letters.openCaseLetters(a.id);
  await expect(page.getByTestId('case-letters-empty')).toBeVisible();
  await letters.startLetter('إنذار بالسداد');
  await expect(page.getByTestId('letter-deadline-days')).toHaveValue('15');
  await letters.preview();
  await screenshot(page, testInfo, 'ar-letter-preview');
  await page.getByTestId('letter-generate').click();
  await expect(page.getByTestId('letter-created-number')).toHaveText(number(1));
  await screenshot(page, testInfo, 'ar-letter-created');
  await page.getByTestId('letter-created-close').click();
  await expect(letters.letterRow(number(1))).toBeVisible();

  // Its PDF as stored.
  await letters.letterRow(number(1)).getByTestId('letter-open-pdf').click();
  await expect(letters.pdfFrame()).toBeVisible();
  await page.keyboard.press('Escape');

  // Delivered: the badge says so.
  await letters.recordDispatch(number(1), 'مُسلَّم');
  await expect(letters.letterRow(number(1)).locator('[data-state="delivered"]')).toBeVisible();
  await screenshot(page, testInfo, 'ar-case-letters');

  // Case D has no address: the letter is refused with the field named.
  await letters.openCaseLetters(d.id);
  await letters.startLetter('تذكير ودي');
  await page.getByTestId('letter-generate').click();
  await expect(page.getByTestId('letter-error-fields')).toContainText('العنوان الوطني للمدين');
  await screenshot(page, testInfo, 'ar-letter-missing-address');
  await page.keyboard.press('Escape');

  // A reminder on case B, voided: it stays listed, struck through, with its number.
  await letters.openCaseLetters(b.id);
  await letters.startLetter('تذكير ودي');
  expect(await letters.generate()).toBe(number(2));
  await letters.voidLetter(number(2), 'صدر بالخطأ على المدين الخطأ');
  await expect(letters.letterRow(number(2)).locator('[data-state="voided"]')).toBeVisible();

  // The register: both numbers, no gap, the voided one marked.
  await letters.openRegister();
  await expect(letters.registerTotal()).toContainText('2');
  await expect(letters.registerRow(number(1))).toBeVisible();
  await expect(letters.registerRow(number(2)).locator('[data-state="voided"]')).toBeVisible();
  const register = must(await core.call('letters.register', { filter: { year: Number(YEAR) } }, token), 'register');
  expect(register.rows.map((r) => r.number).sort()).toEqual([number(1), number(2)]);

  // Verify A's letter by the code printed on it; a made-up code is not found.
  const [first] = must(await core.call('letters.forCase', { caseId: a.id }, token), 'forCase');
  await letters.verify(first?.verifyCode.toLowerCase() ?? '');
  await expect(page.getByTestId('verify-number')).toHaveText(number(1));
  await expect(page.getByTestId('verify-found')).toContainText(a.debtor);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, testInfo, 'ar-register-verify');
  await page.getByTestId('verify-open-pdf').click();
  await expect(letters.pdfFrame()).toBeVisible();
  await page.keyboard.press('Escape');
  await letters.verify('ZZZZ-ZZZZ-ZZZZ');
  await expect(page.getByTestId('verify-not-found')).toBeVisible();

  // The escalation queue: all due → a reminder batch. D is blocked (no address); A, B and C get one each.
  await page.getByTestId('nav-queue').click();
  await expect(page.getByTestId(`queue-row-${a.reference}`)).toBeVisible();
  await page.getByTestId('queue-select-all').click();
  await screenshot(page, testInfo, 'ar-queue-selected');
  await page.getByTestId('queue-print').click();
  const summary = await letters.checkBatch();
  await expect(summary).toContainText('خطابات ستُطبع: 3');
  await expect(summary).toContainText('1');
  await expect(page.getByTestId(`batch-blocked-${d.reference}`).locator('[data-reason="no_address"]')).toBeVisible();
  await screenshot(page, testInfo, 'ar-batch-check');
  await page.getByTestId('batch-start').click();
  await expect(page.getByTestId('batch-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('batch-done-range')).toHaveText(`${number(3)} – ${number(5)}`);
  await page.getByTestId('batch-open-pdf').click();
  await expect(page.getByTestId('batch-pdf').getByTestId('pdf-frame')).toBeVisible();
  await expect(page.getByTestId('pdf-new-tab')).toBeVisible();
  await screenshot(page, testInfo, 'ar-batch-done');

  // Each case's Letters tab lists its batch letter.
  for (const k of [a, b, c]) {
    const own = must(await core.call('letters.forCase', { caseId: k.id }, token), 'forCase');
    const batchLetter = own.find((l) => l.batchId !== null);
    expect(batchLetter).toBeDefined();
    await letters.openCaseLetters(k.id);
    await expect(letters.letterRow(batchLetter?.number ?? '')).toBeVisible();
  }
  await screenshot(page, testInfo, 'ar-case-letters-after-batch');

  // English, once: the register (with the batch), a case's letters, the batch page's check.
  await shell.switchLanguage('en');
  await letters.openRegister();
  await expect(letters.registerTotal()).toContainText('5 letters');
  await screenshot(page, testInfo, 'en-register');
  await letters.openCaseLetters(a.id);
  await expect(letters.letterRow(number(1)).locator('[data-state="delivered"]')).toHaveText('Delivered');
  await screenshot(page, testInfo, 'en-case-letters');
  await page.getByTestId('nav-queue').click();
  await page.getByTestId(`queue-select-${d.reference}`).check();
  await page.getByTestId(`queue-select-${c.reference}`).check();
  await page.getByTestId('queue-print').click();
  const again = await letters.checkBatch('Final notice');
  await expect(again).toContainText('Letters to print: 1');
  await screenshot(page, testInfo, 'en-batch-check');
});

test('a larger batch cancelled midway numbers and stores nothing', async ({ page, core }, testInfo) => {
  const many = Array.from({ length: 300 }, (_, i) => ({ name: `مدين رقم ${i + 1}`, address: true }));
  const { token } = await seed(core, many);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  await expect(new ShellPage(page).home()).toBeVisible();
  const letters = new LettersPage(page);

  // From the cases list: every case matching the (empty) filter.
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('cases-print-matching')).toContainText('300');
  await screenshot(page, testInfo, 'ar-cases-print-matching');
  await page.getByTestId('cases-print-matching').click();
  await expect(page.getByTestId('batch-source')).toContainText('لتصفية');
  const summary = await letters.checkBatch();
  await expect(summary).toContainText('300');
  await page.getByTestId('batch-start').click();
  const running = page.getByTestId('batch-running');
  await expect(running).toBeVisible();
  await screenshot(page, testInfo, 'ar-batch-running');
  await expect.poll(async () => Number(await running.getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByTestId('batch-cancel').click();
  await expect(page.getByTestId('batch-cancelled')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, testInfo, 'ar-batch-cancelled');

  // Nothing numbered: the register is empty, and the next letter is still the first of the year.
  await letters.openRegister();
  await expect(letters.registerTotal()).toContainText('0');
  const register = must(await core.call('letters.register', {}, token), 'register');
  expect(register.total).toBe(0);
});
