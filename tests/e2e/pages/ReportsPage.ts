// Page object: the Reports page (tabs, filter bar, figure tables, drill-down drawer, exports).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class ReportsPage {
  constructor(readonly page: Page) {}

  readonly navLink = (): Locator => this.page.getByTestId('nav-reports');
  readonly root = (): Locator => this.page.getByTestId('reports-page');
  readonly tab = (name: string): Locator => this.page.getByTestId(`report-tab-${name}`);
  readonly table = (id: string): Locator => this.page.getByTestId(id).first();
  readonly rows = (id: string): Locator => this.page.getByTestId(id).first().getByTestId(`${id}-row`);
  readonly total = (id: string, col: string): Locator => this.page.getByTestId(id).first().getByTestId(`${id}-total`).locator(`[data-col="${col}"]`);
  readonly drawer = (): Locator => this.page.getByTestId('drill-drawer');

  async open(tab: string): Promise<void> {
    await this.navLink().click();
    await expect(this.root()).toBeVisible();
    await this.tab(tab).click();
    await expect(this.page).toHaveURL(new RegExp(`#/reports/${tab}$`));
  }

  /** Numbers as shown in a column of a figure table (western digits, separators removed). */
  async columnNumbers(id: string, col: string): Promise<number[]> {
    const texts = await this.rows(id).locator(`[data-col="${col}"]`).allInnerTexts();
    return texts.map((s) => Number(s.replace(/[^\d.-]/g, '')));
  }

  async download(button: 'export-xlsx' | 'export-pdf'): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByTestId(button).click();
    return wait;
  }
}
