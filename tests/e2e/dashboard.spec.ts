// Today: a partner signs in and sees the sections (empty ones say why); a follow-up, a task and a hearing created
// through the API appear with their counts; a row opens the case, whose Full history tab shows them merged; the
// partner switches to a person and to the whole office; once more in English.
import { addDays, isWeekend, todayIso } from '../../electron/domain/dates';
import { makeNationalId } from '../../electron/domain/validators';
import type { CoreServer } from './fixtures/server';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const PARALEGAL = { displayName: 'نورة الشهري', username: 'noura', password: 'Qasr-Wadi-7731!' };

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

interface Seeded {
  token: string;
  partnerId: string;
  paralegalId: string;
  mine: { id: number; reference: string; debtorId: number };
  theirs: { id: number; reference: string; debtorId: number };
}

async function seed(core: CoreServer): Promise<Seeded> {
  must(await core.call('setup.create', { office: OFFICE, partner: PARTNER }), 'setup');
  const login = must(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password }), 'login');
  const token = login.token ?? '';
  const partnerId = must(await core.call('users.list', {}, token), 'users').find((u) => u.username === PARTNER.username)?.id ?? '';
  const paralegalId = must(await core.call('users.create', { ...PARALEGAL, role: 'paralegal' }, token), 'paralegal').id;
  const client = must(
    await core.call(
      'clients.create',
      { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654', powersOfAttorney: [{ number: '4471122', issuedOn: '2025-06-01', expiresOn: addDays(todayIso(), 12) }] },
      token,
    ),
    'client',
  );
  const newCase = async (name: string, i: number, lawyerId: string | null): Promise<{ id: number; reference: string; debtorId: number }> => {
    const party = must(await core.call('parties.create', { kind: 'person', name, nationalId: makeNationalId('1', String(41000000 + i)) }, token), 'debtor');
    const k = must(
      await core.call('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 2_500_000, lawyerId, paralegalId }, token),
      'case',
    );
    return { id: k.id, reference: k.reference, debtorId: party.id };
  };
  return { token, partnerId, paralegalId, mine: await newCase('فهد بن سعد الدوسري', 1, partnerId), theirs: await newCase('ماجد بن ناصر القرني', 2, null) };
}

/** The next working day from today on (a hearing within the week that needs no day-off reason). */
function nextWorkingDay(from: string): string {
  let d = addDays(from, 1);
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

test('Today: sections, new work appears, rows open the case and its history, a partner switches to a person and the office', async ({ page, core }, testInfo) => {
  const s = await seed(core);
  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  const today = new DashboardPage(page);
  await expect(today.sections()).toHaveAttribute('data-scope', 'me');
  for (const key of ['followUps', 'tasks', 'brokenPromises', 'escalations', 'hearings', 'deadlines', 'poaExpiries'] as const) await expect(today.section(key)).toBeVisible();
  await expect(today.empty('followUps')).toContainText('سجل التواصل');
  await expect(today.empty('hearings')).toBeVisible();
  // The client's power of attorney ends in 12 days and the partner has its open case.
  await expect(today.count('poaExpiries')).toHaveText('1');
  await expect(today.rows('poaExpiries')).toContainText('4471122');
  await screenshot(page, testInfo, 'ar-today-empty');

  // A call with a follow-up today, a task due today and a hearing this week, all through the API.
  const date = todayIso();
  must(await core.call('activity.log', { caseId: s.mine.id, partyId: s.mine.debtorId, channel: 'call', direction: 'out', occurredAt: new Date(Date.now() - 60_000).toISOString(), outcome: 'call_back', notes: 'طلب الاتصال بعد الظهر', followUpOn: date }, s.token), 'log');
  must(await core.call('tasks.create', { title: 'تجهيز مذكرة الدعوى', caseId: s.mine.id, assigneeId: s.partnerId, dueOn: date, priority: 'high' }, s.token), 'task');
  must(await core.call('tasks.create', { title: 'طلب كشف حساب', caseId: s.theirs.id, assigneeId: s.paralegalId, dueOn: date }, s.token), 'paralegal task');
  const hearingOn = nextWorkingDay(date);
  must(await core.call('hearings.create', { caseId: s.mine.id, court: 'المحكمة التجارية بالرياض', circuit: 'الدائرة الثالثة', onDate: hearingOn, atTime: '09:30' }, s.token), 'hearing');

  await page.reload();
  await expect(today.count('followUps')).toHaveText('1');
  await expect(today.rows('followUps')).toContainText('فهد بن سعد الدوسري');
  await expect(today.count('tasks')).toHaveText('1');
  await expect(today.rows('tasks')).toContainText('تجهيز مذكرة الدعوى');
  await expect(today.count('hearings')).toHaveText('1');
  await expect(today.rows('hearings')).toContainText('09:30');
  await screenshot(page, testInfo, 'ar-today');

  // A row opens its case; the Full history tab shows the call, the task, the hearing and the opening, newest first.
  await today.rows('followUps').first().click();
  await expect(page.getByTestId('case-reference')).toHaveText(s.mine.reference);
  await today.openHistory();
  await expect(today.timelineItems('communication')).toContainText('طلب الاتصال بعد الظهر');
  // The log's follow-up date made a task too: both tasks are in the history.
  await expect(today.timelineItems('task')).toHaveCount(2);
  await expect(today.timelineItems('task').filter({ hasText: 'تجهيز مذكرة الدعوى' })).toBeVisible();
  await expect(today.timelineItems('hearing')).toContainText('المحكمة التجارية بالرياض');
  await expect(today.timelineItems('stage_move')).toHaveCount(1);
  await expect(today.timelineItems().first()).toHaveAttribute('data-type', 'hearing'); // the coming hearing is the newest
  await screenshot(page, testInfo, 'ar-case-history');

  // The partner looks at the paralegal's day, then the whole office's.
  await today.open();
  await today.scope(/^شخص$/);
  await today.pickPerson(/نورة الشهري/);
  await expect(today.sections()).toHaveAttribute('data-scope', 'user');
  await expect(today.count('tasks')).toHaveText('1');
  await expect(today.rows('tasks')).toContainText('طلب كشف حساب');
  await today.scope(/المكتب كله/);
  await expect(today.sections()).toHaveAttribute('data-scope', 'office');
  await expect(today.count('tasks')).toHaveText('2');
  await screenshot(page, testInfo, 'ar-today-office');

  // English, left to right.
  await shell.switchLanguage('en');
  await today.open();
  await expect(today.section('followUps')).toContainText('Follow-ups due');
  await expect(today.count('followUps')).toHaveText('1');
  await expect(today.empty('brokenPromises')).toContainText('No promise');
  await screenshot(page, testInfo, 'en-today');
  await today.rows('hearings').first().click();
  await today.openHistory();
  await expect(today.timelineItems('communication')).toContainText('Call');
  await screenshot(page, testInfo, 'en-case-history');
});
