// Documents on a case: a real PDF and PNG uploaded (one by the file button, one dropped), listed with the kind read from the
// content, the image previewed, the PDF exported byte for byte; a program renamed .pdf and an empty file refused with the
// reason and nothing added; edit, remove with a reason, "show removed". Arabic, then English; a staff member only reads.
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ApiResult } from '../../electron/contract';
import { makeNationalId } from '../../electron/domain/validators';
import { samplePng } from '../fixtures/pdf/png';
import { OFFICE, PARTNER, STAFF } from './fixtures/data';
import { expect, screenshot, test } from './fixtures/test';
import { DocumentsPanel, type UploadFile } from './pages/DocumentsPanel';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

function unwrap<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function samplePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Supply contract INV-2026-0042', { x: 60, y: 760, size: 18, font });
  return Buffer.from(await doc.save());
}

const file = (name: string, mimeType: string, buffer: Buffer): UploadFile => ({ name, mimeType, buffer });

test('documents on a case: upload, kinds, preview, export, refusals, edit and remove, in Arabic and English', async ({ page, core }, testInfo) => {
  unwrap(await core.call('setup.create', { office: OFFICE, partner: PARTNER }));
  const token = unwrap(await core.call('auth.login', { username: PARTNER.username, password: PARTNER.password })).token;
  unwrap(await core.call('users.create', { ...STAFF, role: 'staff' }, token));
  const client = unwrap(await core.call('clients.create', { kind: 'company', nameAr: 'شركة النخبة للتوريدات', crNumber: '1010987654' }, token));
  const debtor = unwrap(await core.call('parties.create', { kind: 'person', name: 'أحمد بن علي الغامدي', nationalId: makeNationalId('1', '23456789') }, token));
  const kase = unwrap(
    await core.call(
      'cases.create',
      { clientId: client.id, debtorIds: [debtor.id], instrumentType: 'invoice', principalMinor: 1575050, dueDate: '2026-01-15' },
      token,
    ),
  );
  const caseUrl = `${core.origin}/#/cases/${kase.id}`;
  const caseDocumentsUrl = `${caseUrl}?tab=documents`;

  await page.goto(core.url);
  await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
  const shell = new ShellPage(page);
  await expect(shell.home()).toBeVisible();
  await page.goto(caseUrl);
  await page.getByTestId('case-tab-documents').click();
  await expect(page).toHaveURL(/tab=documents/);
  const docs = new DocumentsPanel(page);
  await expect(docs.panel()).toBeVisible();
  await expect(docs.empty()).toBeVisible();

  const pdf = file('عقد التوريد.pdf', 'application/pdf', await samplePdf());
  const png = file('scan-cheque.png', 'image/png', Buffer.from(samplePng(96)));
  const lying = file('receipt.jpg', 'image/jpeg', Buffer.from(samplePng(32))); // a PNG named .jpg

  // The PDF and the lying JPEG by the file dialog, the PNG dropped on the zone; types guessed from the names.
  await docs.choose([pdf, lying]);
  await docs.drop([png]);
  await expect(docs.uploadRow(pdf.name).getByTestId('upload-type')).toHaveValue('عقد');
  await expect(docs.uploadRow(png.name).getByTestId('upload-type')).toHaveValue('شيك');
  await expect(docs.uploadRow(lying.name).getByTestId('upload-type')).toHaveValue('إثبات تسليم');
  await docs.setType(lying.name, 'فاتورة');
  await docs.setDate(pdf.name, '2026-01-10');
  await docs.uploadRow(pdf.name).getByTestId('upload-notes').fill('العقد الأصلي موقّع من الطرفين');
  await screenshot(page, testInfo, 'ar-documents-about-to-upload');
  await docs.upload();
  await expect(page.getByTestId('upload-done')).toHaveCount(3);
  await expect(page.getByTestId('upload-progress')).toContainText('3 من 3');

  await expect(docs.rows()).toHaveCount(3);
  await expect(docs.row(pdf.name).getByTestId('document-kind')).toHaveText('PDF');
  await expect(docs.row(png.name).getByTestId('document-kind')).toHaveText('صورة PNG');
  await expect(docs.row(lying.name).getByTestId('document-kind')).toHaveText('صورة PNG');
  await expect(docs.row(lying.name).getByTestId('document-renamed')).toBeVisible();
  await expect(docs.row(pdf.name).getByTestId('document-renamed')).toHaveCount(0);
  await expect(docs.row(pdf.name)).toContainText('عقد');
  await expect(docs.row(pdf.name)).toContainText('العقد الأصلي');
  await expect(docs.row(pdf.name)).toContainText(PARTNER.displayName);
  await screenshot(page, testInfo, 'ar-documents-list');

  // The image in the app, from a blob: URL that is actually drawn.
  const preview = await docs.preview(png.name);
  const img = preview.getByTestId('preview-image');
  await expect(img).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(96);
  await screenshot(page, testInfo, 'ar-documents-preview-image');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // The PDF in Chromium's viewer.
  const pdfPreview = await docs.preview(pdf.name);
  await expect(pdfPreview.getByTestId('pdf-frame')).toHaveAttribute('src', /^blob:/);
  await screenshot(page, testInfo, 'ar-documents-preview-pdf');
  await page.keyboard.press('Escape');

  // Export: the original name, the same bytes.
  const download = await docs.exportFrom(pdf.name);
  expect(download.suggestedFilename()).toBe(pdf.name);
  const saved = await readFile(await download.path());
  expect(Buffer.compare(saved, pdf.buffer)).toBe(0);

  // A program renamed .pdf and an empty file: refused with the reason, nothing added.
  const program = file('invoice.pdf', 'application/pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]));
  const empty = file('فارغ.txt', 'text/plain', Buffer.alloc(0));
  await docs.choose([program, empty]);
  await docs.upload();
  await expect(docs.uploadRow(program.name).getByTestId('upload-error')).toContainText('برنامج تنفيذي');
  await expect(docs.uploadRow(empty.name).getByTestId('upload-error')).toContainText('الملف فارغ');
  await expect(docs.uploadRow(program.name)).toHaveAttribute('data-status', 'failed');
  await expect(docs.rows()).toHaveCount(3);
  await screenshot(page, testInfo, 'ar-documents-refused');
  await page.getByTestId('upload-clear').click();
  await expect(docs.uploadRows()).toHaveCount(0);

  // Edit the notes of the image, then remove the lying one with a reason; "show removed" shows it struck through.
  await docs.row(png.name).getByTestId('document-edit').click();
  await page.getByTestId('document-edit-notes').fill('صورة الشيك المرتجع');
  await page.getByTestId('document-edit-save').click();
  await expect(page.getByTestId('document-edit-form')).toBeHidden();
  await expect(docs.row(png.name)).toContainText('صورة الشيك المرتجع');
  await docs.remove(lying.name, 'رُفع بالخطأ');
  await expect(docs.rows()).toHaveCount(2);
  await page.getByTestId('documents-show-removed').click();
  await expect(docs.rows()).toHaveCount(3);
  await expect(docs.row(lying.name)).toHaveAttribute('data-removed', 'true');
  await expect(docs.row(lying.name).getByTestId('document-removed-reason')).toContainText('رُفع بالخطأ');
  await expect(docs.row(lying.name).getByTestId('document-remove')).toHaveCount(0);
  await screenshot(page, testInfo, 'ar-documents-show-removed');
  await page.getByTestId('documents-show-removed').click();
  await expect(docs.rows()).toHaveCount(2);

  // English: the same list, and the refusals in English.
  await shell.switchLanguage('en');
  await page.goto(caseDocumentsUrl);
  await expect(docs.row(pdf.name).getByTestId('document-kind')).toHaveText('PDF');
  await expect(docs.row(png.name).getByTestId('document-kind')).toHaveText('PNG image');
  await expect(docs.row(png.name)).toContainText('Cheque');
  await docs.drop([program, empty]);
  await docs.upload();
  await expect(docs.uploadRow(program.name).getByTestId('upload-error')).toContainText('This file is a program');
  await expect(docs.uploadRow(empty.name).getByTestId('upload-error')).toContainText('The file is empty');
  await expect(docs.rows()).toHaveCount(2);
  await screenshot(page, testInfo, 'en-documents-refused');
  const enPreview = await docs.preview(png.name);
  await expect(enPreview.getByTestId('preview-image')).toHaveAttribute('src', /^blob:/);
  await screenshot(page, testInfo, 'en-documents-preview-image');
  await page.keyboard.press('Escape');

  // The debtor's and the client's pages have their own documents: none of the case's show there.
  await page.goto(`${core.origin}/#/debtors/${debtor.id}`);
  await expect(page.getByTestId('party-page')).toBeVisible();
  await expect(docs.empty()).toBeVisible();
  await screenshot(page, testInfo, 'en-debtor-documents-empty');
  await page.goto(`${core.origin}/#/clients/${client.id}`);
  await expect(page.getByTestId('client-page')).toBeVisible();
  await expect(docs.empty()).toBeVisible();
  const mandate = file('engagement letter.pdf', 'application/pdf', await samplePdf());
  await docs.choose([mandate]);
  await expect(docs.uploadRow(mandate.name).getByTestId('upload-type')).toHaveValue('Correspondence');
  await docs.upload();
  await expect(docs.rows()).toHaveCount(1);
  await expect(docs.row(mandate.name).getByTestId('document-kind')).toHaveText('PDF');
  await screenshot(page, testInfo, 'en-client-documents');

  // A staff member (in her own language, Arabic) reads and exports but cannot upload, edit or remove.
  await shell.signOut();
  await new LoginPage(page).signIn(STAFF.username, STAFF.password);
  await expect(shell.home()).toBeVisible();
  await page.goto(caseDocumentsUrl);
  await expect(docs.rows()).toHaveCount(2);
  await expect(docs.dropzone()).toHaveCount(0);
  await expect(page.getByTestId('document-edit')).toHaveCount(0);
  await expect(page.getByTestId('document-remove')).toHaveCount(0);
  const staffCopy = await docs.exportFrom(png.name);
  expect(Buffer.compare(await readFile(await staffCopy.path()), png.buffer)).toBe(0);
  await screenshot(page, testInfo, 'ar-documents-read-only');
});
