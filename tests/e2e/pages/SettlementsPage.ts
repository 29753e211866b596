// Page object: the settlement in the case's Agreements tab (agree, the facts and the discount, break with a reason).
import { expect, type Locator, type Page } from '@playwright/test';

export class SettlementsPage {
  constructor(readonly page: Page) {}

  readonly panel = (): Locator => this.page.getByTestId('settlement-panel');
  readonly dialog = (): Locator => this.page.getByTestId('settlement-dialog');
  readonly state = (): Locator => this.page.getByTestId('settlement-state');
  readonly error = (): Locator => this.page.getByTestId('settlement-error');

  async open(caseId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/cases/${caseId}?tab=agreements`);
    await expect(this.panel()).toBeVisible();
  }

  /** Open the dialog and fill the amount (and the deadline, typed as an ISO date). */
  async start(amount: string, deadline?: string): Promise<void> {
    await this.page.getByTestId('settlement-new').click();
    await expect(this.dialog()).toBeVisible();
    await this.page.getByTestId('settlement-amount-input').fill(amount);
    if (deadline !== undefined) {
      const field = this.page.getByTestId('settlement-deadline-input');
      await field.fill(deadline);
      await field.press('Tab');
    }
  }

  async save(): Promise<void> {
    await this.page.getByTestId('settlement-save').click();
  }

  async breakIt(reason: string): Promise<void> {
    await this.page.getByTestId('settlement-break').click();
    await expect(this.page.getByTestId('settlement-break-dialog')).toBeVisible();
    await this.page.getByTestId('settlement-break-reason').fill(reason);
    await this.page.getByTestId('settlement-break-confirm').click();
    await expect(this.page.getByTestId('settlement-break-dialog')).toHaveCount(0);
  }
}
