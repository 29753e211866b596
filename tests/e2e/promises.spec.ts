// Promises to pay, disputes and holds in the browser, Arabic then English: a promise recorded on the case page; the
// browser-mode server cannot move its clock, so the promise is then made to have fallen due yesterday directly in the
// office's encrypted database (server stopped, vault unlocked with the partner's password, the same refresh the app
// runs), and the case is back in the escalation queue with "وعد مكسور" / "Promise broken". A dispute takes a case out
// of the queue and resolving it brings it back.
import { addDays, todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import { openVault } from '../../electron/core/vault';
import { refreshPromises } from '../../electron/core/services/promises/standing';
import { repoRoot, startCore, type CoreServer } from './fixtures/server';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { PromisesPage } from './pages/PromisesPage';
import { ShellPage } from './pages/ShellPage';
import { join } from 'node:path';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function seed(core: CoreServer): Promise<{ id: number; reference: string }[]> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const client = must(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654' }, token), 'client');
  const cases = [];
  for (const [i, name] of ['أحمد بن علي الغامدي', 'فهد بن سعد الدوسري'].entries()) {
    const party = must(await core.call('parties.create', { kind: 'person', name, nationalId: makeNationalId('1', String(40000000 + i)) }, token), 'debtor');
    const k = must(await core.call('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 1_250_000 }, token), 'case');
    cases.push({ id: k.id, reference: k.reference });
  }
  return cases;
}

/** What the clock would do: the case was opened and the promise made three days ago; it fell due yesterday. */
async function letPromiseFallDue(dataDir: string, caseId: number): Promise<void> {
  const vault = openVault(dataDir, join(repoRoot, 'db/migrations'));
  try {
    if ((await vault.unlock(PARTNER.username, PARTNER.password)) === null) throw new Error('vault did not unlock');
    const { sqlite, db } = vault.current();
    const today = todayIso();
    sqlite.transaction(() => {
      sqlite
        .prepare('UPDATE promises SET due_on = ?, created_at = ? WHERE case_id = ?')
        .run(addDays(today, -1), `${addDays(today, -3)}T06:00:00.000Z`, caseId);
      // The case was opened (and entered its stage) that day too.
      sqlite.prepare('UPDATE cases SET opened_on = ?, stage_entered_on = ? WHERE id = ?').run(addDays(today, -3), addDays(today, -3), caseId);
      refreshPromises(db, caseId, today);
    })();
  } finally {
    vault.close();
  }
}

test('a promise recorded on the case breaks and brings the case back to the queue with the reason; a dispute takes a case out', async ({ page, core }, testInfo) => {
  test.setTimeout(180_000);
  const [a, b] = (await seed(core)) as [{ id: number; reference: string }, { id: number; reference: string }];
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const promises = new PromisesPage(page);

  // Both new cases are due for their reminder at once.
  await promises.openQueue();
  await expect(promises.queueReason(a.reference)).toHaveText('خطوة السلّم');

  // Bad input first: zero is refused with the message, nothing is recorded.
  await promises.openCase(a.id);
  await promises.recordPromise('0', todayIso(), 'اتصال');
  await expect(page.getByTestId('promise-error')).toContainText('أكبر من صفر');
  await page.keyboard.press('Escape');

  // A promise of 5,000 due today: open, and the case waits for it (out of today's queue).
  await promises.recordPromise('5000', todayIso(), 'واتساب');
  await expect(promises.rows()).toHaveCount(1);
  await expect(promises.rows().first().locator('[data-state="open"]')).toHaveText('قائم');
  await expect(page.getByTestId('escalation-reason')).toContainText('بانتظار وعد بالسداد');
  await screenshot(page, testInfo, 'ar-promise-open');
  await promises.openQueue();
  await expect(promises.queueRow(b.reference)).toBeVisible();
  await expect(promises.queueRow(a.reference)).toHaveCount(0);

  // A dispute on case B: disputed, out of the queue; resolved, back in it.
  await promises.openCase(b.id);
  await promises.openFlag('dispute', 'المدين ينكر استلام البضاعة');
  await expect(page.getByTestId('flag-banner-dispute')).toContainText('المدين ينكر استلام البضاعة');
  await screenshot(page, testInfo, 'ar-case-disputed');
  await promises.openQueue();
  await expect(promises.queueRow(b.reference)).toHaveCount(0);
  await promises.openCase(b.id);
  await promises.resolveFlag('dispute', 'قدّم الموكل إثبات التسليم');
  await expect(page.getByTestId('flag-history')).toContainText('قدّم الموكل إثبات التسليم');

  // The clock moves on: the promise fell due yesterday with nothing paid.
  await core.stop();
  await letPromiseFallDue(core.dataDir, a.id);
  const again = await startCore(core.dataDir);
  try {
    await page.goto(again.url);
    await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
    await expect(shell.home()).toBeVisible();
    await promises.openQueue();
    await expect(promises.queueReason(a.reference)).toHaveText('وعد مكسور');
    await expect(promises.queueReason(b.reference)).toHaveText('خطوة السلّم');
    await screenshot(page, testInfo, 'ar-queue-promise-broken');
    await promises.queueRow(a.reference).click();
    await expect(promises.rows().first().locator('[data-state="broken"]')).toHaveText('مكسور');
    await expect(page.getByTestId('escalation-reason')).toContainText('لم يُنفَّذ وعد بالسداد');
    await screenshot(page, testInfo, 'ar-promise-broken');

    // English, once.
    await shell.switchLanguage('en');
    await expect(promises.rows().first().locator('[data-state="broken"]')).toHaveText('Broken');
    await screenshot(page, testInfo, 'en-promise-broken');
    await promises.openQueue();
    await expect(promises.queueReason(a.reference)).toHaveText('Promise broken');
    await screenshot(page, testInfo, 'en-queue-promise-broken');
  } finally {
    // The fixture removes the data folder after stopping its own (already stopped) core.
    await again.stop();
  }
});
