// Page object: letters on a case (new, dispatch, void), the outgoing register with verification, and batch printing.
import { expect, type Locator, type Page } from '@playwright/test';

export class LettersPage {
  constructor(readonly page: Page) {}

  readonly caseLetters = (): Locator => this.page.getByTestId('case-letters');
  readonly letterRow = (number: string): Locator => this.page.getByTestId(`case-letter-${number}`);
  readonly registerRow = (number: string): Locator => this.page.getByTestId(`register-row-${number}`);
  readonly registerTotal = (): Locator => this.page.getByTestId('register-total');
  readonly pdfFrame = (): Locator => this.page.getByTestId('pdf-frame');

  async openCaseLetters(caseId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/cases/${caseId}`);
    await this.page.getByTestId('case-tab-letters').click();
    await expect(this.caseLetters()).toBeVisible();
  }

  async pick(testId: string, option: string | RegExp): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Open "New letter", choose the kind, preview it; returns with the preview shown. */
  async startLetter(kind: string | RegExp): Promise<void> {
    await this.page.getByTestId('letter-new').click();
    await expect(this.page.getByTestId('letter-form')).toBeVisible();
    await this.pick('letter-kind', kind);
  }

  async preview(): Promise<void> {
    await this.page.getByTestId('letter-preview').click();
    await expect(this.page.getByTestId('letter-preview-pane').getByTestId('pdf-frame')).toBeVisible();
  }

  /** Generate and return the new outgoing number shown, closing the dialog. */
  async generate(): Promise<string> {
    await this.page.getByTestId('letter-generate').click();
    const number = this.page.getByTestId('letter-created-number');
    await expect(number).toBeVisible();
    const text = (await number.textContent()) ?? '';
    await this.page.getByTestId('letter-created-close').click();
    await expect(this.letterRow(text)).toBeVisible();
    return text;
  }

  async openActions(number: string): Promise<void> {
    await this.letterRow(number).getByTestId('letter-actions').click();
  }

  async recordDispatch(number: string, state: string | RegExp): Promise<void> {
    await this.openActions(number);
    await this.page.getByTestId('letter-dispatch').click();
    await expect(this.page.getByTestId('dispatch-dialog')).toBeVisible();
    await this.pick('dispatch-state', state);
    await this.page.getByTestId('dispatch-save').click();
    await expect(this.page.getByTestId('dispatch-dialog')).toBeHidden();
  }

  async voidLetter(number: string, reason: string): Promise<void> {
    await this.openActions(number);
    await this.page.getByTestId('letter-void').click();
    await this.page.getByTestId('void-reason').fill(reason);
    await this.page.getByTestId('void-submit').click();
    await expect(this.page.getByTestId('void-dialog')).toBeHidden();
    await expect(this.letterRow(number)).toHaveAttribute('data-voided', 'true');
  }

  async openRegister(): Promise<void> {
    await this.page.getByTestId('nav-letters').click();
    await expect(this.page.getByTestId('register-page')).toBeVisible();
  }

  async verify(code: string): Promise<void> {
    if (!(await this.page.getByTestId('verify-code').isVisible())) await this.page.getByTestId('register-verify-toggle').click();
    await this.page.getByTestId('verify-code').fill(code);
    await this.page.getByTestId('verify-submit').click();
  }

  /** On the batch page: check the selection with the kind chosen, return the summary locator. */
  async checkBatch(kind?: string | RegExp): Promise<Locator> {
    await expect(this.page.getByTestId('batch-page')).toBeVisible();
    if (kind) await this.pick('batch-kind', kind);
    await this.page.getByTestId('batch-check-button').click();
    const summary = this.page.getByTestId('batch-summary');
    await expect(summary).toBeVisible();
    return summary;
  }
}
