// Hearings and the calendar as a lawyer's day goes: record a hearing's result with a next date on the case, see the next
// hearing and its preparation task appear (on the case, in the calendar and on the Tasks page); the month view carries the
// Umm al-Qura date on every day and shades the weekend. Arabic first, then English.
import { addDays, nextWorkingDay, todayIso } from '../../electron/domain/dates';
import { workingDaysBefore } from '../../electron/domain/deadlines';
import { formatHijri } from '../../electron/domain/format';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { CalendarPage } from './pages/CalendarPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const LAWYER = { displayName: 'فيصل الدوسري', username: 'faisal', password: 'Mahkama-2026-Jidda!' };

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The office, a lawyer, a case of his at the commercial court, and a hearing on the next working day. */
async function seed(core: CoreServer): Promise<{ caseId: number; reference: string; hearingId: number; hearingOn: string }> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const token = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login').token ?? '';
  const lawyer = must(await core.call('users.create', { ...LAWYER, role: 'lawyer' }, token), 'lawyer');
  const client = must(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', crNumber: '1010987654' }, token), 'client');
  const party = must(await core.call('parties.create', { kind: 'person', name: 'ماجد بن ناصر القرني', nationalId: makeNationalId('1', '40000001') }, token), 'debtor');
  const k = must(
    await core.call(
      'cases.create',
      { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 4_500_000, lawyerId: lawyer.id, court: 'المحكمة التجارية بالرياض', circuit: 'الدائرة الخامسة' },
      token,
    ),
    'case',
  );
  const hearingOn = nextWorkingDay(addDays(todayIso(), 1));
  const h = must(await core.call('hearings.create', { caseId: k.id, onDate: hearingOn, atTime: '09:30', type: 'first_session' }, token), 'hearing');
  return { caseId: k.id, reference: k.reference, hearingId: h.id, hearingOn };
}

for (const lang of ['ar', 'en'] as const) {
  test(`a hearing result with a next date brings the next hearing and its preparation task (${lang})`, async ({ page, core }, testInfo) => {
    const s = await seed(core);
    await page.goto(core.url);
    await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
    const shell = new ShellPage(page);
    await expect(shell.home()).toBeVisible();
    if (lang === 'en') await shell.switchLanguage('en');
    const cal = new CalendarPage(page);

    // Record the first session's result: adjourned to a working day two weeks on.
    const nextOn = nextWorkingDay(addDays(s.hearingOn, 14));
    const prepOn = workingDaysBefore(nextOn, 2);
    await cal.openCaseWork(s.caseId);
    await expect(cal.hearingRow(s.hearingOn)).toBeVisible();
    await cal.recordResult(s.hearingId, { date: nextOn, time: '10:00' });
    await expect(page.getByTestId('recorded-prep-task')).toContainText(LAWYER.displayName);
    await screenshot(page, testInfo, `calendar-result-recorded-${lang}`);
    await page.getByTestId('hearing-recorded-close').click();

    // On the case: the next hearing (no result yet) and the lawyer's preparation task.
    await expect(cal.hearingRow(nextOn)).toBeVisible();
    await expect(cal.hearingRow(s.hearingOn).getByTestId('hearing-result')).toBeVisible();
    const taskList = page.getByTestId('case-task-list');
    await expect(taskList).toContainText(LAWYER.displayName);
    await expect(taskList.getByTestId('task-due-text').first()).toBeVisible();
    await screenshot(page, testInfo, `calendar-case-work-${lang}`);

    // A Friday hearing is refused until a reason is given, then saved.
    await page.getByTestId('hearing-new').click();
    const friday = addDays(nextOn, (5 - new Date(`${nextOn}T00:00:00Z`).getUTCDay() + 7) % 7 || 7);
    await cal.typeDate('hearing-date', friday);
    await page.getByTestId('hearing-save').click();
    await expect(page.getByTestId('hearing-form-error')).toBeVisible();
    await page.getByTestId('hearing-reason').fill('جلسة استثنائية حددتها الدائرة');
    await page.getByTestId('hearing-save').click();
    await expect(cal.hearingRow(friday)).toBeVisible();

    // The calendar, the whole office, month view: the next hearing and the task on their days; Hijri on every day.
    await cal.openCalendar();
    await cal.pick('calendar-person', lang === 'en' ? 'The whole office' : 'المكتب كله');
    await cal.showMonthOf(prepOn);
    await expect(cal.day(prepOn).getByTestId('cal-item-task')).toBeVisible();
    await cal.showMonthOf(nextOn);
    await expect(cal.day(nextOn).getByTestId('cal-item-hearing')).toBeVisible();
    const cells = page.locator('[data-testid^="cal-day-"]');
    await expect(cells).toHaveCount(42);
    const firstDate = ((await cells.first().getAttribute('data-testid')) ?? '').replace('cal-day-', '');
    await expect(cells.first().getByTestId('cal-hijri')).toHaveAttribute('data-hijri', formatHijri(firstDate, { lang, digits: 'western' }));
    await expect(page.locator('[data-testid^="cal-day-"][data-weekend="true"]')).toHaveCount(12);
    await screenshot(page, testInfo, `calendar-month-${lang}`);

    // The day of the next hearing: its hearing opens the case.
    await cal.day(nextOn).getByTestId('cal-gregorian').click();
    await expect(page.getByTestId('calendar-page')).toHaveAttribute('data-view', 'day');
    await screenshot(page, testInfo, `calendar-day-${lang}`);
    await cal.day(nextOn).getByTestId('cal-item-hearing').getByRole('link').click();
    await expect(page.getByTestId('case-page')).toBeVisible();

    // The Tasks page: the partner's own list is empty; the lawyer's shows the preparation task.
    await page.getByTestId('nav-tasks').click();
    await expect(page.getByTestId('tasks-page')).toBeVisible();
    await cal.pick('tasks-person', LAWYER.displayName);
    await expect(page.getByTestId('tasks-page')).toContainText(s.reference);
    await screenshot(page, testInfo, `calendar-tasks-${lang}`);
  });
}

test('the month view of November 2026 labels 22 November as 12 Jumada al-Akhirah 1448', async ({ page, core }, testInfo) => {
  await seed(core);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  await expect(new ShellPage(page).home()).toBeVisible();
  const cal = new CalendarPage(page);
  await cal.openCalendar();
  // Page to November 2026 from whatever today is.
  for (let i = 0; i < 240; i += 1) {
    const from = (await page.getByTestId('calendar-page').getAttribute('data-from')) ?? '';
    if (from === '2026-11-01') break;
    await page.getByTestId(from > '2026-11-01' ? 'calendar-prev' : 'calendar-next').click();
    await expect(page.getByTestId('calendar-page')).not.toHaveAttribute('data-from', from);
  }
  await expect(cal.day('2026-11-22').getByTestId('cal-hijri')).toHaveAttribute('data-hijri', '1448/06/12');
  await expect(cal.day('2026-11-22').getByTestId('cal-hijri')).toHaveText('12');
  await expect(cal.day('2026-11-27')).toHaveAttribute('data-weekend', 'true');
  await expect(page.getByTestId('calendar-hijri-heading')).toContainText('جمادى الآخرة');
  await screenshot(page, testInfo, 'calendar-month-november-2026');
});
