// Page object: Settings → Personal data (the retention period and the people past it) and the erasure dialog, which the
// due list and a debtor's page both open.
import { expect, type Locator, type Page } from '@playwright/test';

export class ErasurePage {
  constructor(readonly page: Page) {}

  readonly section = (): Locator => this.page.getByTestId('erasure-section');
  readonly row = (partyId: number): Locator => this.page.getByTestId(`due-row-${partyId}`);
  readonly empty = (): Locator => this.page.getByTestId('due-empty');
  readonly dialog = (): Locator => this.page.getByTestId('erase-dialog');
  readonly block = (): Locator => this.page.getByTestId('erase-block');
  readonly confirmWord = (): Locator => this.page.getByTestId('erase-confirm-word');
  readonly confirm = (): Locator => this.page.getByTestId('erase-confirm');
  readonly done = (): Locator => this.page.getByTestId('erase-done');

  /** The preview's figure for one item (cases, communications, documents, letters, …) as a plain number. */
  async count(item: string): Promise<number> {
    const text = await this.dialog().getByTestId(`erase-count-${item}`).getByTestId('erase-count').innerText();
    return Number(text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\D/g, ''));
  }

  async setRetentionYears(years: number): Promise<void> {
    await this.page.getByTestId('retention-years').fill(String(years));
    await this.page.getByTestId('retention-save').click();
  }

  async openFromRow(partyId: number): Promise<void> {
    await this.row(partyId).getByTestId('due-erase').click();
    await expect(this.dialog()).toBeVisible();
  }

  async openFromParty(): Promise<void> {
    await this.page.getByTestId('party-erase').click();
    await expect(this.dialog()).toBeVisible();
  }

  /** Type the confirmation word and erase; waits for the result. */
  async erase(word: string): Promise<void> {
    await expect(this.confirm()).toBeDisabled();
    await this.confirmWord().fill(word);
    await expect(this.confirm()).toBeEnabled();
    await this.confirm().click();
    await expect(this.done()).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('erase-close').click();
    await expect(this.dialog()).toBeHidden();
  }
}
