// Page object: a case's Log tab — quick entry by keyboard, the SAMA allowance, a breach and its override, corrections.
import { expect, type Locator, type Page } from '@playwright/test';

export class ActivityPage {
  constructor(readonly page: Page) {}

  readonly form = (): Locator => this.page.getByTestId('log-form').first();
  readonly outcome = (): Locator => this.page.getByTestId('log-outcome').first();
  readonly entries = (): Locator => this.page.getByTestId('log-entry');
  readonly breach = (): Locator => this.page.getByTestId('log-breach');
  readonly allowance = (): Locator => this.page.getByTestId('log-allowance');

  async open(caseId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/cases/${caseId}?tab=log`);
    await expect(this.page.getByTestId('case-log')).toBeVisible();
    await expect(this.outcome()).toBeFocused();
  }

  /** Type a date and a time into the quick-entry form (keyboard only). */
  async typeWhen(date: string, time: string): Promise<void> {
    await this.page.getByTestId('log-date').first().fill(date);
    await this.page.getByTestId('log-time').first().fill(time);
  }

  /** Wait until the log shows `n` entries. */
  async expectEntries(n: number): Promise<void> {
    await expect(this.entries()).toHaveCount(n);
  }
}
