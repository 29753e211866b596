// Page object: the documents panel of a case, debtor/guarantor or client page (upload list, table, preview, export, remove).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class DocumentsPanel {
  constructor(readonly page: Page) {}

  readonly panel = (): Locator => this.page.getByTestId('documents-panel');
  readonly dropzone = (): Locator => this.page.getByTestId('documents-dropzone');
  readonly table = (): Locator => this.page.getByTestId('documents-table');
  readonly rows = (): Locator => this.page.getByTestId('document-row');
  readonly uploadRows = (): Locator => this.page.getByTestId('upload-row');
  readonly empty = (): Locator => this.page.getByTestId('documents-empty');

  uploadRow(name: string): Locator {
    return this.page.locator(`[data-testid="upload-row"][data-file-name="${name}"]`);
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="document-row"][data-file-name="${name}"]`);
  }

  /** Through the file dialog's input (what the "Choose files" button opens). */
  async choose(files: UploadFile[]): Promise<void> {
    await this.page.getByTestId('documents-file-input').setInputFiles(files);
    for (const f of files) await expect(this.uploadRow(f.name)).toBeVisible();
  }

  /** Drag-and-drop: a real DataTransfer with the files, dropped on the zone. */
  async drop(files: UploadFile[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') }));
    const transfer = await this.page.evaluateHandle((items) => {
      const dt = new DataTransfer();
      for (const it of items) {
        const bytes = Uint8Array.from(atob(it.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], it.name, { type: it.type }));
      }
      return dt;
    }, payload);
    await this.dropzone().dispatchEvent('dragover', { dataTransfer: transfer });
    await this.dropzone().dispatchEvent('drop', { dataTransfer: transfer });
    for (const f of files) await expect(this.uploadRow(f.name)).toBeVisible();
  }

  async setType(fileName: string, label: string): Promise<void> {
    await this.uploadRow(fileName).getByTestId('upload-type').click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async setDate(fileName: string, iso: string): Promise<void> {
    const input = this.uploadRow(fileName).getByTestId('upload-date');
    await input.fill(iso);
    await input.press('Tab');
  }

  /** Upload everything ready and wait until no row is still uploading. */
  async upload(): Promise<void> {
    await this.page.getByTestId('upload-submit').click();
    await expect(this.page.locator('[data-testid="upload-row"][data-status="uploading"]')).toHaveCount(0);
    await expect(this.page.locator('[data-testid="upload-row"][data-status="ready"]')).toHaveCount(0);
  }

  async exportFrom(fileName: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.row(fileName).getByTestId('document-export').click();
    return download;
  }

  async preview(fileName: string): Promise<Locator> {
    await this.row(fileName).getByTestId('document-preview').click();
    const dialog = this.page.getByTestId('preview-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async remove(fileName: string, reason: string): Promise<void> {
    await this.row(fileName).getByTestId('document-remove').click();
    await this.page.getByTestId('document-remove-reason').fill(reason);
    await this.page.getByTestId('document-remove-submit').click();
    await expect(this.page.getByTestId('document-remove-dialog')).toBeHidden();
  }
}
