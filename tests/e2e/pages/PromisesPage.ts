// Page object: the case page's promises panel, dispute/hold controls and the escalation queue's reason column.
import { expect, type Locator, type Page } from '@playwright/test';

export class PromisesPage {
  constructor(readonly page: Page) {}

  readonly panel = (): Locator => this.page.getByTestId('promises-panel');
  readonly rows = (): Locator => this.page.getByTestId('promises-table').locator('tbody tr');
  readonly queueRow = (reference: string): Locator => this.page.getByTestId(`queue-row-${reference}`);
  readonly queueReason = (reference: string): Locator => this.page.getByTestId(`queue-reason-${reference}`);

  async openCase(caseId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/cases/${caseId}`);
    await expect(this.panel()).toBeVisible();
  }

  async recordPromise(amount: string, dueOn: string, channel: string): Promise<void> {
    await this.page.getByTestId('promise-new').click();
    await expect(this.page.getByTestId('promise-dialog')).toBeVisible();
    await this.page.getByTestId('promise-amount').fill(amount);
    const due = this.page.getByTestId('promise-due');
    await due.fill(dueOn);
    await due.press('Tab');
    await this.page.getByTestId('promise-channel').click();
    await this.page.getByRole('option', { name: channel }).click();
    await this.page.getByTestId('promise-save').click();
  }

  async openFlag(kind: 'dispute' | 'hold', reason: string): Promise<void> {
    await this.page.getByTestId(`flag-open-${kind}`).click();
    await this.page.getByTestId('flag-reason').fill(reason);
    await this.page.getByTestId('flag-save').click();
    await expect(this.page.getByTestId(`flag-banner-${kind}`)).toBeVisible();
  }

  async resolveFlag(kind: 'dispute' | 'hold', resolution: string): Promise<void> {
    await this.page.getByTestId(`flag-resolve-${kind}`).click();
    await this.page.getByTestId('flag-resolution').fill(resolution);
    await this.page.getByTestId('flag-resolve-confirm').click();
    await expect(this.page.getByTestId(`flag-banner-${kind}`)).toHaveCount(0);
  }

  async openQueue(): Promise<void> {
    await this.page.getByTestId('nav-queue').click();
    await expect(this.page.getByTestId('queue-page')).toBeVisible();
  }
}
