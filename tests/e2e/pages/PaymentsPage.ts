// Page object: the case page's Payments tab (balance card, post a payment, the list, receipts, reversals).
import { expect, type Locator, type Page } from '@playwright/test';

export class PaymentsPage {
  constructor(readonly page: Page) {}

  readonly panel = (): Locator => this.page.getByTestId('payments-panel');
  readonly rows = (): Locator => this.page.getByTestId('payments-table').locator('tbody tr');
  readonly balance = (): Locator => this.page.getByTestId('balance-total');
  readonly error = (): Locator => this.page.getByTestId('payment-error');

  async open(caseId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/cases/${caseId}?tab=payments`);
    await expect(this.panel()).toBeVisible();
  }

  async startPayment(amount: string, method: string): Promise<void> {
    await this.page.getByTestId('payment-new').click();
    await expect(this.page.getByTestId('payment-dialog')).toBeVisible();
    await this.page.getByTestId('payment-amount').fill(amount);
    await this.page.getByTestId('payment-method').click();
    await this.page.getByRole('option', { name: method, exact: true }).click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('payment-save').click();
  }

  async reverse(paymentId: number, reason: string): Promise<void> {
    await this.page.getByTestId(`payment-reverse-${paymentId}`).click();
    await expect(this.page.getByTestId('payment-reverse-dialog')).toBeVisible();
    await this.page.getByTestId('payment-reverse-reason').fill(reason);
    await this.page.getByTestId('payment-reverse-confirm').click();
    await expect(this.page.getByTestId('payment-reverse-dialog')).toHaveCount(0);
  }

  /** The id of the payment in the list's row (newest first). */
  async paymentId(row: number): Promise<number> {
    const testId = await this.rows().nth(row).getAttribute('data-testid');
    return Number((testId ?? '').replace('payment-row-', ''));
  }
}
