// Page object: the case page's Agreements tab (the instalment plan: new/renegotiate dialog with its preview, the schedule, history).
import { expect, type Locator, type Page } from '@playwright/test';

export class PlansPage {
  constructor(readonly page: Page) {}

  readonly panel = (): Locator => this.page.getByTestId('plan-panel');
  readonly dialog = (): Locator => this.page.getByTestId('plan-dialog');
  readonly previewRows = (): Locator => this.page.getByTestId('plan-preview').locator('tbody tr');
  readonly scheduleRows = (): Locator => this.page.getByTestId('plan-schedule').locator('tbody tr');
  readonly instalmentState = (n: number): Locator => this.page.getByTestId(`plan-schedule-row-${n}-state`);

  async open(caseId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/cases/${caseId}?tab=agreements`);
    await expect(this.panel()).toBeVisible();
  }

  /** Fill the plan dialog's terms (the total is left as prefilled unless given). */
  async fill(terms: { count: number; total?: string; frequency?: string; reason?: string }): Promise<void> {
    await expect(this.dialog()).toBeVisible();
    if (terms.reason !== undefined) await this.page.getByTestId('plan-reason').fill(terms.reason);
    if (terms.total !== undefined) await this.page.getByTestId('plan-total').fill(terms.total);
    await this.page.getByTestId('plan-count').fill(String(terms.count));
    if (terms.frequency !== undefined) await this.page.getByTestId('plan-frequency').getByText(terms.frequency, { exact: true }).click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('plan-save').click();
    await expect(this.dialog()).toHaveCount(0);
  }
}
