// Page objects: the cases list (filters in the URL), the case form, the case page (moves, guards) and Ctrl+K search.
import { expect, type Locator, type Page } from '@playwright/test';

export class CasesPage {
  constructor(readonly page: Page) {}

  readonly list = (): Locator => this.page.getByTestId('cases-table');
  readonly total = (): Locator => this.page.getByTestId('cases-total');
  readonly casePage = (): Locator => this.page.getByTestId('case-page');
  readonly reference = (): Locator => this.page.getByTestId('case-reference');

  async openList(): Promise<void> {
    await this.page.getByTestId('nav-cases').click();
    await expect(this.page.getByTestId('cases-page')).toBeVisible();
  }

  async openNewCase(): Promise<void> {
    await this.openList();
    await this.page.getByTestId('cases-new').click();
    await expect(this.page.getByTestId('case-form')).toBeVisible();
  }

  async pickOption(testId: string, typed: string, option: string | RegExp): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.click();
    if (typed !== '') await input.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  async fillDate(testId: string, iso: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.fill(iso);
    await input.press('Tab');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('case-save').click();
    await expect(this.casePage()).toBeVisible();
  }

  async moveTo(stage: string, reason: string): Promise<void> {
    await this.page.getByTestId('move-reason').fill(reason);
    await this.page.getByTestId(`move-button-${stage}`).click();
    await expect(this.page.getByTestId('case-moves').locator(`[data-stage="${stage}"]`).first()).toBeVisible();
  }

  guards(stage: string): Locator {
    return this.page.getByTestId(`move-guards-${stage}`);
  }

  async search(text: string): Promise<Locator> {
    await this.page.keyboard.press('Control+K');
    const input = this.page.getByTestId('search-input');
    await expect(input).toBeVisible();
    await input.fill(text);
    return this.page.getByTestId('search-results');
  }
}
