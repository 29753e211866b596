// Settings → Templates: a partner opens the Arabic formal demand, an unknown placeholder is flagged with its line and blocks
// the save, fixing it and inserting a field with the picker saves a customised template, the preview renders a PDF (and, on a
// case without a national address, lists that field as printing empty), and the default comes back; the same in the English
// UI on the English demand; the office's letter settings; staff only read.
import type { Page, Response } from '@playwright/test';
import { makeNationalId } from '../../electron/domain/validators';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER, STAFF } from './fixtures/data';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';
import { TemplatesPage } from './pages/TemplatesPage';

/** Full-page screenshots from the top, so the sticky header is not drawn over the middle of the page. */
async function top(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

test.use({ viewport: { width: 1440, height: 900 } });

/** The next templates.preview answer, checked to be a PDF with no error. */
async function expectPreview(page: Page, bodyEndsWith: string): Promise<void> {
  const response: Response = await page.waitForResponse(
    (r) => r.url().includes('/api/templates.preview') && (r.request().postData() ?? '').includes(JSON.stringify(bodyEndsWith).slice(1, -1)),
  );
  const answer = (await response.json()) as { ok: boolean; value?: { pdfBase64: string; problems: unknown[] } };
  expect(answer.ok).toBe(true);
  expect(answer.value?.problems).toEqual([]);
  expect(answer.value?.pdfBase64.length ?? 0).toBeGreaterThan(1000);
}

test('a partner edits the formal demand with live problems, the picker and the preview, then restores it', async ({ page, core }, testInfo) => {
  const created = await core.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  const login = await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password });
  const token = login.ok ? login.value.token : null;
  const staff = await core.call('users.create', { ...STAFF, role: 'staff' }, token);
  expect(staff.ok).toBe(true);
  // A case whose debtor has no national address, to preview with.
  const client = await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', nameEn: 'Al-Nukhba Supplies', crNumber: '1010987654' }, token);
  const debtor = await core.call('parties.create', { kind: 'person', name: 'تركي بن سعد الدوسري', nationalId: makeNationalId('1', '30000001') }, token);
  if (!client.ok || !debtor.ok) throw new Error('client or debtor not created');
  const kase = await core.call(
    'cases.create',
    { clientId: client.value.id, debtorIds: [debtor.value.id], instrumentType: 'invoice', instrumentNumber: 'INV-1001', principalMinor: 1_575_050 },
    token,
  );
  if (!kase.ok) throw new Error('case not created');

  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await shell.goToSettings('templates');
  const templates = new TemplatesPage(page);
  await expect(templates.list()).toBeVisible();
  await expect(templates.rowState('demand', 'ar')).toHaveText('افتراضي');
  await top(page);
  await screenshot(page, testInfo, 'ar-settings-templates');

  // The Arabic formal demand: written right to left; an unknown field is flagged on its line and blocks the save.
  await templates.open('demand', 'ar');
  expect(await templates.direction()).toBe('rtl');
  const original = await templates.body().inputValue();
  expect(original.length).toBeGreaterThan(100);
  await expect(templates.pdfFrame()).toBeVisible();
  await templates.typeAtEnd('\n{{debtor.shoeSize}}');
  const lastLine = original.split('\n').length + 1;
  await expect(templates.problems()).toHaveCount(1);
  await expect(templates.problems().first()).toHaveAttribute('data-code', 'unknown_placeholder');
  await expect(templates.problems().first()).toHaveAttribute('data-line', String(lastLine));
  await expect(templates.problems().first()).toContainText(`السطر ${lastLine}`);
  await expect(templates.problems().first()).toContainText('debtor.shoeSize');
  await expect(templates.saveButton()).toBeDisabled();
  await expect(page.getByTestId('template-preview-paused')).toBeVisible();
  await top(page);
  await screenshot(page, testInfo, 'ar-template-problem');

  // A click on the problem puts the cursor on its line.
  await templates.problems().first().click();
  const caret = await templates.body().evaluate((el: HTMLTextAreaElement) => ({ at: el.selectionStart, lineStart: el.value.lastIndexOf('\n') + 1 }));
  expect(caret.at).toBeGreaterThanOrEqual(caret.lineStart);

  // Fixed: the line goes, and the debtor's name comes from the picker (searched by its Arabic label).
  await templates.clearLastLine();
  await expect(templates.noProblems()).toBeVisible();
  const picker = page.getByTestId('template-field-select');
  await picker.click();
  await picker.fill('المدين');
  await expect(page.getByTestId('field-option-debtor.name')).toBeVisible();
  await expect(page.getByTestId('field-option-debtor.address')).toBeVisible(); // by its group
  await expect(page.getByTestId('field-option-client.name')).toHaveCount(0);
  await screenshot(page, testInfo, 'ar-template-picker');
  await picker.press('Escape');
  const previewed = expectPreview(page, '{{debtor.name}}');
  await templates.insertField('اسم المدين', 'debtor.name');
  await expect(templates.body()).toHaveValue(`${original}\n{{debtor.name}}`);
  await previewed;
  await expect(templates.pdfFrame()).toBeVisible();
  await expect(templates.previewError()).toHaveCount(0);
  await expect(page.getByTestId('template-preview-ms')).toBeVisible();

  // The same text on a real case: its debtor has no national address, so the preview says it will print empty.
  const withCase = page.waitForResponse(
    (r) => r.url().includes('/api/templates.preview') && (r.request().postData() ?? '').includes(`"caseId":${kase.value.id}`),
  );
  const casePicker = page.getByTestId('template-preview-case');
  await casePicker.click();
  await casePicker.fill('الدوسري');
  await page.getByRole('option', { name: new RegExp(kase.value.reference) }).click();
  const caseAnswer = (await (await withCase).json()) as { ok: boolean; value?: { missing: string[] } };
  expect(caseAnswer.ok).toBe(true);
  expect(caseAnswer.value?.missing).toContain('debtor.address');
  await expect(page.getByTestId('template-preview-missing')).toContainText('ليس في هذا الملف: العنوان الوطني للمدين');
  await expect(templates.pdfFrame()).toBeVisible();
  await top(page);
  await screenshot(page, testInfo, 'ar-template-preview-case');

  // A money field with its amount in words, at the cursor (right after the name).
  await templates.insertField('case.balance', 'case.balance', 'بالحروف (تفقيط)');
  await expect(templates.body()).toHaveValue(`${original}\n{{debtor.name}}{{case.balance | words}}`);
  await expect(templates.noProblems()).toBeVisible();
  await expect(templates.saveButton()).toBeEnabled();
  await templates.save();
  await expect(templates.editorState()).toHaveText('مخصص');
  await expect(templates.saveButton()).toBeDisabled(); // nothing left unsaved
  const stored = await core.call('templates.get', { kind: 'demand', lang: 'ar' }, token);
  expect(stored.ok && stored.value.body).toBe(`${original}\n{{debtor.name}}{{case.balance | words}}`);
  expect(stored.ok && stored.value.customised).toBe(true);
  await top(page);
  await screenshot(page, testInfo, 'ar-template-editor');

  // The server refuses a text with problems whatever the screen does.
  const direct = await core.call('templates.save', { kind: 'demand', lang: 'ar', body: '{{debtor.shoeSize}}', version: 1 }, token);
  expect(!direct.ok && direct.error.code).toBe('templates.invalid');

  await templates.back();
  await expect(templates.rowState('demand', 'ar')).toHaveText('مخصص');
  await expect(page.getByTestId('template-cell-demand-ar')).toContainText(PARTNER.displayName);
  await top(page);
  await screenshot(page, testInfo, 'ar-settings-templates-customised');

  // Restore the default: confirmed, and the shipped text is back.
  await templates.open('demand', 'ar');
  await templates.restoreDefault();
  await expect(templates.editorState()).toHaveText('افتراضي');
  await expect(templates.body()).toHaveValue(original);
  await templates.back();
  await expect(templates.rowState('demand', 'ar')).toHaveText('افتراضي');

  // Letter settings: Arabic-Indic digits in letters and a 40 MB limit for documents.
  await page.getByTestId('letter-digits').getByText('عربية هندية (١٢٣)').click();
  await page.getByTestId('document-max-mb').fill('40');
  await page.getByTestId('letter-settings-save').click();
  await expect(page.getByText('تم الحفظ.').first()).toBeVisible();
  const settings = await core.call('settings.get', {}, token);
  expect(settings.ok && settings.value.letterDigits).toBe('arabic');
  expect(settings.ok && settings.value.documentMaxMb).toBe(40);

  // The English UI, on the English demand: left to right, the same checks.
  await shell.switchLanguage('en');
  await expect(templates.rowState('demand', 'en')).toHaveText('Default');
  await top(page);
  await screenshot(page, testInfo, 'en-settings-templates');
  await templates.open('demand', 'en');
  expect(await templates.direction()).toBe('ltr');
  const originalEn = await templates.body().inputValue();
  await templates.typeAtEnd('\n{{debtor.shoeSize}}');
  await expect(templates.problems().first()).toContainText(`Line ${originalEn.split('\n').length + 1}, column`);
  await expect(templates.problems().first()).toContainText('there is no field called “debtor.shoeSize”');
  await expect(templates.saveButton()).toBeDisabled();
  await top(page);
  await screenshot(page, testInfo, 'en-template-problem');
  await templates.clearLastLine();
  const previewedEn = expectPreview(page, '{{letter.deadlineDate | dual}}');
  await templates.insertField('deadline date', 'letter.deadlineDate');
  await expect(templates.body()).toHaveValue(`${originalEn}\n{{letter.deadlineDate | dual}}`);
  await previewedEn;
  await expect(templates.pdfFrame()).toBeVisible();
  await templates.save();
  await expect(templates.editorState()).toHaveText('Customised');
  await top(page);
  await screenshot(page, testInfo, 'en-template-editor');
  await templates.restoreDefault();
  await expect(templates.editorState()).toHaveText('Default');
  await shell.switchLanguage('ar');
  await shell.signOut();

  // Staff read the templates and the letter settings; nothing to change.
  await new LoginPage(page).signIn(STAFF.username, STAFF.password);
  await expect(shell.home()).toBeVisible();
  await shell.goToSettings('templates');
  await expect(page.getByTestId('letter-settings-save')).toHaveCount(0);
  await expect(page.getByTestId('document-max-mb')).toHaveAttribute('readonly', '');
  await templates.open('demand', 'ar');
  await expect(page.getByTestId('template-read-only')).toBeVisible();
  await expect(templates.body()).toHaveAttribute('readonly', '');
  await expect(templates.saveButton()).toHaveCount(0);
  await expect(page.getByTestId('template-field-picker')).toHaveCount(0);
  await expect(templates.pdfFrame()).toBeVisible();
  await top(page);
  await screenshot(page, testInfo, 'ar-template-staff');
});
