// The client's ledger section, the new-remittance dialog and the office-wide remittances page.
import type { Locator, Page } from '@playwright/test';

export class LedgerPage {
  constructor(private readonly page: Page) {}

  readonly section = (): Locator => this.page.getByTestId('client-ledger');
  readonly due = (currency: string): Locator => this.page.getByTestId(`ledger-due-${currency}`);
  readonly figures = (currency: string): Locator => this.page.getByTestId(`ledger-figures-${currency}`);
  readonly items = (currency: string): Locator => this.page.getByTestId(`ledger-items-${currency}`);
  readonly dialog = (): Locator => this.page.getByTestId('remittance-new-dialog');
  readonly preview = (): Locator => this.page.getByTestId('remittance-preview');
  readonly statement = (): Locator => this.page.getByTestId('remittance-statement-modal');
  readonly row = (number: string): Locator => this.page.getByTestId(`remittance-row-${number}`);

  async openClient(clientId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/clients/${clientId}`);
    await this.section().waitFor();
  }

  /** From today's period: preview, then issue; the statement opens. */
  async runRemittance(lang: 'ar' | 'en'): Promise<void> {
    await this.page.getByTestId('remittance-new').click();
    await this.page.getByTestId('remittance-lang').click();
    await this.page.getByRole('option', { name: lang === 'en' ? /English|الإنجليزية/ : /العربية|Arabic/ }).click();
    await this.page.getByTestId('remittance-preview-button').click();
    await this.preview().waitFor();
  }

  async issue(): Promise<void> {
    await this.page.getByTestId('remittance-issue').click();
  }

  async markPaid(number: string, reference: string): Promise<void> {
    await this.page.getByTestId(`remittance-pay-${number}`).click();
    await this.page.getByTestId('remittance-paid-reference').fill(reference);
    await this.page.getByTestId('remittance-paid-confirm').click();
  }
}
