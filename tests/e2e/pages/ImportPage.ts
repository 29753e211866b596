// Page object: the Import page (client, file, encoding, mapping, dry run, commit, history and undo).
import { expect, type Locator, type Page } from '@playwright/test';

export class ImportPage {
  constructor(readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('import-page');
  readonly problems = (): Locator => this.page.getByTestId('import-problem');
  readonly history = (): Locator => this.page.getByTestId('import-history-row');

  async open(): Promise<void> {
    await this.page.getByTestId('nav-import').click();
    await expect(this.root()).toBeVisible();
  }

  async chooseClient(name: string): Promise<void> {
    await this.page.getByTestId('import-client').click();
    await this.page.getByRole('option', { name, exact: true }).click();
    await expect(this.page.getByTestId('import-dropzone')).toBeVisible();
  }

  async chooseFile(path: string): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(path);
    await expect(this.page.getByTestId('import-mapping')).toBeVisible();
  }

  async dryRun(): Promise<void> {
    await this.page.getByTestId('import-dry-run-button').click();
    await expect(this.page.getByTestId('import-dry-run')).toBeVisible();
  }

  async commit(skipBadRows: boolean): Promise<void> {
    if (skipBadRows) await this.page.getByTestId('import-skip').check();
    await this.page.getByTestId('import-commit').click();
    await expect(this.page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  }

  async undoFirst(): Promise<void> {
    await this.history().first().getByTestId('import-undo').click();
    await this.page.getByTestId('import-undo-confirm').click();
    await expect(this.history().first()).toHaveAttribute('data-status', 'undone');
  }
}
