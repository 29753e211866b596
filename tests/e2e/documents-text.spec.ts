// A plain-text file in Windows-1256 (an old Arabic system's export): uploaded through the panel, listed as text and
// previewed with its Arabic readable; a binary file named .txt is still refused with the reason. Arabic, then English.
import { mkdir } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import type { ApiResult } from '../../electron/contract';
import { makeNationalId } from '../../electron/domain/validators';
import { OFFICE, PARTNER } from './fixtures/data';
import { expect, test } from './fixtures/test';
import { DocumentsPanel, type UploadFile } from './pages/DocumentsPanel';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const SHOTS = '/tmp/shots-fixes';

function unwrap<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
}

const LINES = ['كشف حساب العميل — شركة النخبة للتوريدات', 'المدين: أحمد بن علي الغامدي', 'الرصيد المستحق: 15,750.50 ريال، تاريخ الاستحقاق 2026/01/15'];

test('a Windows-1256 text file is accepted and previewed in Arabic; binary named .txt is refused, in Arabic and English', async ({ page, core }) => {
  unwrap(await core.call('setup.create', { office: OFFICE, partner: PARTNER }));
  const token = unwrap(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password })).token;
  const client = unwrap(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', crNumber: '1010987654' }, token));
  const debtor = unwrap(await core.call('parties.create', { kind: 'person', name: 'أحمد بن علي الغامدي', nationalId: makeNationalId('1', '23456789') }, token));
  const kase = unwrap(await core.call('cases.create', { clientId: client.id, debtorIds: [debtor.id], instrumentType: 'invoice', principalMinor: 1575050 }, token));
  const caseDocumentsUrl = `${core.origin}/#/cases/${kase.id}?tab=documents`;

  const statement: UploadFile = { name: 'كشف حساب.txt', mimeType: 'text/plain', buffer: iconv.encode(LINES.join('\r\n'), 'win1256') };
  const junk: UploadFile = { name: 'ملاحظات.txt', mimeType: 'text/plain', buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => ((i * 2654435761) >>> 24) || 1)) };

  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await page.goto(caseDocumentsUrl);
  const docs = new DocumentsPanel(page);
  await expect(docs.empty()).toBeVisible();

  await docs.choose([statement, junk]);
  await docs.upload();
  await expect(docs.uploadRow(junk.name).getByTestId('upload-error')).toContainText('نوع هذا الملف غير مقبول');
  await expect(docs.uploadRow(statement.name)).toHaveAttribute('data-status', 'done');
  await expect(docs.rows()).toHaveCount(1);
  await expect(docs.row(statement.name).getByTestId('document-kind')).toHaveText('نص');
  await shot(page, 'ar-documents-1256-uploaded');
  await page.getByTestId('upload-clear').click();

  const preview = await docs.preview(statement.name);
  const text = preview.getByTestId('preview-text');
  for (const line of LINES) await expect(text).toContainText(line);
  await expect(text).toHaveJSProperty('dir', 'auto');
  await shot(page, 'ar-documents-1256-preview');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  await shell.switchLanguage('en');
  await page.goto(caseDocumentsUrl);
  await expect(docs.row(statement.name).getByTestId('document-kind')).toHaveText('Text');
  await docs.choose([junk]);
  await docs.upload();
  await expect(docs.uploadRow(junk.name).getByTestId('upload-error')).toContainText('This type of file is not accepted');
  await expect(docs.rows()).toHaveCount(1);
  await shot(page, 'en-documents-1256-refused');
  await page.getByTestId('upload-clear').click();
  const enPreview = await docs.preview(statement.name);
  for (const line of LINES) await expect(enPreview.getByTestId('preview-text')).toContainText(line);
  await shot(page, 'en-documents-1256-preview');
  await page.keyboard.press('Escape');

  // A long export (250,000 characters) shows its beginning and says so, rather than freezing the window.
  const long = iconv.encode(`${LINES[0]}\r\n${'سطر من كشف الحساب الطويل 1234\r\n'.repeat(8_000)}`, 'win1256');
  unwrap(await core.call('documents.upload', { owner: { caseId: kase.id }, fileName: 'كشف طويل.txt', contentBase64: long.toString('base64'), type: 'statement' }, token));
  await page.reload();
  const longPreview = await docs.preview('كشف طويل.txt');
  await expect(longPreview.getByTestId('preview-text-cut')).toContainText('Only the beginning of the file is shown (200,000 of');
  await expect(longPreview.getByTestId('preview-text')).toContainText(LINES[0]!);
  await shot(page, 'en-documents-1256-preview-cut');
});
