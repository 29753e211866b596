// Page object: Settings → Templates (the list, the editor with its field picker and problems, the preview, letter settings).
import { expect, type Locator, type Page } from '@playwright/test';

export class TemplatesPage {
  constructor(readonly page: Page) {}

  readonly list = (): Locator => this.page.getByTestId('templates-list');
  readonly editor = (): Locator => this.page.getByTestId('template-editor');
  readonly body = (): Locator => this.page.getByTestId('template-body');
  readonly problems = (): Locator => this.page.getByTestId('template-problem');
  readonly noProblems = (): Locator => this.page.getByTestId('template-no-problems');
  readonly saveButton = (): Locator => this.page.getByTestId('template-save');
  readonly editorState = (): Locator => this.page.getByTestId('template-state');
  readonly preview = (): Locator => this.page.getByTestId('template-preview');
  readonly pdfFrame = (): Locator => this.preview().getByTestId('pdf-frame');
  readonly previewError = (): Locator => this.page.getByTestId('template-preview-error');

  /** The direction the text is laid out in (the template's language, not the UI's). */
  async direction(): Promise<string> {
    return this.body().evaluate((el) => getComputedStyle(el).direction);
  }

  rowState(kind: string, lang: 'ar' | 'en'): Locator {
    return this.page.getByTestId(`template-state-${kind}-${lang}`);
  }

  async open(kind: string, lang: 'ar' | 'en'): Promise<void> {
    await this.page.getByTestId(`template-open-${kind}-${lang}`).click();
    await expect(this.editor()).toHaveAttribute('data-kind', kind);
    await expect(this.editor()).toHaveAttribute('data-lang', lang);
  }

  async back(): Promise<void> {
    await this.page.getByTestId('template-back').click();
    await expect(this.list()).toBeVisible();
  }

  /** Type at the very end of the text, as a person would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.body().click();
    await this.body().press('Control+End');
    await this.body().pressSequentially(text);
  }

  /** Select the last line of the text and delete it (leaving the cursor on the now empty line). */
  async clearLastLine(): Promise<void> {
    await this.body().press('Control+End');
    await this.body().press('Shift+Home');
    await this.body().press('Backspace');
  }

  /** Pick a field in the picker by searching for it, optionally a format, and insert it at the cursor. */
  async insertField(search: string, path: string, format?: string): Promise<void> {
    const select = this.page.getByTestId('template-field-select');
    await select.click();
    await select.fill(search);
    await this.page.getByTestId(`field-option-${path}`).click();
    if (format) await this.page.getByTestId('template-format').getByText(format, { exact: true }).click();
    await this.page.getByTestId('template-insert').click();
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  async restoreDefault(): Promise<void> {
    await this.page.getByTestId('template-reset').click();
    await this.page.getByTestId('template-reset-yes').click();
  }
}
