// The communication log from the case page, as a paralegal works it: a call logged with the keyboard only (focus on the
// outcome, Tab to the notes, Enter saves); a SAMA client's eleventh call in 30 days refused with the rule named, then a
// partner goes past it with a reason; a correction keeps the original struck through; "promised" offers to record the
// promise at once; quick entry from the queue; the SAMA figures under Settings.
// Arabic, then English.
import { addDays, dayOfWeek, todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { ActivityPage } from './pages/ActivityPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The last Sunday–Thursday before today (Riyadh): a day every SAMA rule allows contact on, inside the window. */
function lastWorkingDay(): string {
  let d = addDays(todayIso(), -1);
  while (dayOfWeek(d) === 5 || dayOfWeek(d) === 6) d = addDays(d, -1);
  return d;
}

interface Seeded {
  plain: { id: number; reference: string };
  sama: { id: number; reference: string; debtorId: number };
}

async function seed(core: CoreServer): Promise<Seeded> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const supplier = must(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654' }, token), 'client');
  const bank = must(await core.call('clients.create', { kind: 'company', nameAr: 'بنك الخليج للتمويل', nameEn: 'Gulf Finance Bank', crNumber: '1010123457', rulePack: 'sama' }, token), 'bank');
  const party = async (name: string, n: number): Promise<number> =>
    must(await core.call('parties.create', { kind: 'person', name, nationalId: makeNationalId('1', String(40000000 + n)) }, token), name).id;
  const debtorA = await party('أحمد بن علي الغامدي', 1);
  const guarantorA = await party('سلمان بن فهد العتيبي', 2);
  const debtorB = await party('فهد بن سعد الدوسري', 3);
  const plain = must(
    await core.call('cases.create', { clientId: supplier.id, debtorIds: [debtorA], guarantorIds: [guarantorA], instrumentType: 'invoice', instrumentNumber: 'INV-1001', principalMinor: 1_575_050 }, token),
    'plain case',
  );
  const sama = must(
    await core.call('cases.create', { clientId: bank.id, debtorIds: [debtorB], instrumentType: 'promissory_note', instrumentNumber: 'PN-77', principalMinor: 4_200_000 }, token),
    'sama case',
  );
  // Ten outgoing calls to the bank's debtor already made this window.
  const day = lastWorkingDay();
  for (let i = 0; i < 10; i++) {
    must(
      await core.call('activity.log', { caseId: sama.id, channel: 'call', direction: 'out', occurredAt: `${day}T09:0${i}:00+03:00`, partyId: debtorB, outcome: 'no_answer' }, token),
      `call ${i}`,
    );
  }
  return { plain: { id: plain.id, reference: plain.reference }, sama: { id: sama.id, reference: sama.reference, debtorId: debtorB } };
}

test('log a call with the keyboard; a SAMA client’s eleventh call is refused with the rule named; Arabic and English', async ({ page, core }, testInfo) => {
  const { plain, sama } = await seed(core);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const log = new ActivityPage(page);

  // A call on the supplier's case, keyboard only: the outcome has focus; two steps down is "promised to pay";
  // Tab past the party, date and time to the notes; Enter saves.
  await log.open(plain.id);
  await expect(page.getByTestId('log-allowance')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(log.outcome()).toHaveValue('promised');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(page.getByTestId('log-notes')).toBeFocused();
  await page.keyboard.type('وعد بسداد الدفعة الأولى يوم الخميس');
  await page.keyboard.press('Enter');
  await log.expectEntries(1);
  // "Promised" offers to record the promise at once: amount, Tab, date, Enter.
  await expect(page.getByTestId('promise-offer-amount')).toBeFocused();
  await page.keyboard.type('2500');
  await page.keyboard.press('Tab');
  await page.keyboard.type(addDays(todayIso(), 3));
  await screenshot(page, testInfo, 'activity-promise-offer-ar');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('promise-offer')).toBeHidden();
  const promises = must(await core.call('promises.forCase', { caseId: plain.id }, must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token), 'promises');
  expect(promises.promises.map((p) => [p.amountMinor, p.dueOn, p.communicationId !== null])).toEqual([[250_000, addDays(todayIso(), 3), true]]);
  const first = log.entries().first();
  await expect(first).toHaveAttribute('data-outcome', 'promised');
  await expect(first).toContainText('وعد بالسداد');
  await expect(first).toContainText('أحمد بن علي الغامدي (مدين)');
  await expect(first).toContainText('وعد بسداد الدفعة الأولى يوم الخميس');
  // Ready for the next call at once: the form is back to its defaults with the focus on the outcome.
  await expect(log.outcome()).toBeFocused();
  await expect(log.outcome()).toHaveValue('no_answer');
  await expect(page.getByTestId('log-notes')).toHaveValue('');
  // A second call straight away: Enter from the outcome saves "no answer" to the first debtor now.
  await page.keyboard.press('Enter');
  await log.expectEntries(2);
  await screenshot(page, testInfo, 'activity-log-ar');

  // Correct the first entry: the original stays visible, struck through, with who corrected it.
  await log.entries().nth(1).getByTestId('log-correct').click();
  const dialog = page.getByTestId('log-correct-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('log-notes').fill('وعد بسداد الدفعة الأولى يوم الأربعاء');
  await dialog.getByTestId('log-save').click();
  await expect(dialog).toBeHidden();
  const corrected = log.entries().filter({ has: page.getByTestId('log-superseded') });
  await expect(corrected).toHaveCount(1);
  await expect(corrected.getByTestId('log-superseded')).toContainText('يوم الخميس');
  await expect(corrected.getByTestId('log-current')).toContainText('يوم الأربعاء');
  await expect(corrected.getByTestId('log-corrected-by')).toContainText(PARTNER.displayName);
  await screenshot(page, testInfo, 'activity-correction-ar');

  // The bank's case: no call attempts left; the eleventh call is refused with the rule and its figures.
  await log.open(sama.id);
  await expect(log.allowance()).toContainText('بقي 0 من 10 محاولات اتصال في نافذة الـ30 يوماً الحالية');
  await log.typeWhen(lastWorkingDay(), '10:30');
  await page.keyboard.press('Enter');
  await expect(log.breach()).toBeVisible();
  await expect(log.breach()).toContainText('الحد 10 محاولات اتصال خلال 30 يوماً: استُخدمت 10.');
  await expect(log.breach().locator('[data-rule]')).toHaveAttribute('data-rule', 'call_cap');
  await log.expectEntries(10);
  await screenshot(page, testInfo, 'activity-sama-refused-ar');
  // A partner goes past it with a reason (Enter in the reason field overrides).
  await page.getByTestId('log-override').click();
  await expect(page.getByTestId('log-override-reason')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('log-override-reason').fill('المدين طلب الاتصال لترتيب السداد');
  await page.keyboard.press('Enter');
  await log.expectEntries(11);
  await expect(log.entries().first().getByTestId('log-overridden')).toContainText('المدين طلب الاتصال لترتيب السداد');
  await expect(log.breach()).toHaveCount(0);
  await screenshot(page, testInfo, 'activity-sama-overridden-ar');

  // English. Someone who is not a party, on the supplier's case (no pack): allowed, logged with the name typed.
  await shell.switchLanguage('en');
  await log.open(plain.id);
  await page.getByTestId('log-party').selectOption('other');
  await page.getByTestId('log-contact-name').fill('Brother of the debtor');
  await page.getByTestId('log-contact-name').press('Enter');
  await log.expectEntries(3);
  await expect(log.entries().first()).toContainText('Brother of the debtor');
  await screenshot(page, testInfo, 'activity-log-en');

  // The same refusal in English words.
  await log.open(sama.id);
  await expect(log.allowance()).toContainText('0 of 10 call attempts left in this 30-day window');
  await log.typeWhen(lastWorkingDay(), '11:15');
  await page.keyboard.press('Enter');
  await expect(log.breach()).toContainText('The limit is 10 call attempts in 30 days: 11 used.');
  await screenshot(page, testInfo, 'activity-sama-refused-en');

  // Quick entry from the escalation queue (the supplier's case left it with its open promise; the bank's case is
  // due): the same form in a modal. The debtor called in — incoming contact is never refused — and Enter saves.
  await page.goto(`${new URL(page.url()).origin}/#/queue`);
  await expect(page.getByTestId(`queue-log-${plain.reference}`)).toHaveCount(0);
  await page.getByTestId(`queue-log-${sama.reference}`).click();
  const quick = page.getByTestId('quick-log');
  await expect(quick.getByTestId('log-outcome')).toBeFocused();
  await quick.getByTestId('log-direction').getByText('Incoming').click();
  await quick.getByTestId('log-outcome').selectOption('call_back');
  await quick.getByTestId('log-notes').fill('Asked to call after the weekend');
  await screenshot(page, testInfo, 'activity-queue-quick-en');
  await page.keyboard.press('Enter');
  await expect(quick).toBeHidden();
  await log.open(sama.id);
  await expect(log.entries().first()).toContainText('Asked to call after the weekend');
  await expect(log.entries().first()).toHaveAttribute('data-outcome', 'call_back');

  // The pack's figures under Settings: a partner allows Saturday and saves; end before start is refused in words.
  await shell.goToSettings('ladder');
  const pack = page.getByTestId('rule-pack-settings');
  await expect(pack.getByTestId('pack-call-attempts')).toHaveValue('10');
  await pack.getByTestId('pack-hours-to').fill('07:00');
  await pack.getByTestId('pack-save').click();
  await expect(pack).toContainText('The start time must be before the end time.');
  await pack.getByTestId('pack-hours-to').fill('20:00');
  await pack.getByTestId('pack-saturday').check();
  await pack.getByTestId('pack-save').click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const saved = must(await core.call('settings.get', {}, must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token), 'settings');
  expect(saved.samaSaturdayAllowed).toBe(true);
  await pack.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'activity-pack-settings-en');
});
