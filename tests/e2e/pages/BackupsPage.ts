// Page object: Settings → Backups (folder, run now, the list) and the warning on Today.
import { expect, type Locator, type Page } from '@playwright/test';

export class BackupsPage {
  constructor(readonly page: Page) {}

  readonly warning = (): Locator => this.page.getByTestId('backup-warning');
  readonly rows = (): Locator => this.page.getByTestId('backup-row');
  readonly last = (): Locator => this.page.getByTestId('backup-last');

  async setFolder(folder: string): Promise<void> {
    await this.page.getByTestId('backup-folder').fill(folder);
    await this.page.getByTestId('backup-save').click();
  }

  async runNow(): Promise<void> {
    await this.page.getByTestId('backup-run').click();
    await expect(this.page.getByTestId('backup-done')).toBeVisible({ timeout: 30_000 });
  }
}
