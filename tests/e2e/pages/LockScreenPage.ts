// Page object: the idle lock screen.
import { expect, type Locator, type Page } from '@playwright/test';

export class LockScreenPage {
  constructor(readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('lock-screen');

  async unlock(password: string): Promise<void> {
    await this.page.getByTestId('lock-password').fill(password);
    await this.page.getByTestId('lock-submit').click();
    await expect(this.root()).toBeHidden();
  }
}
