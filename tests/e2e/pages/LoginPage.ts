// Page object: sign-in screen.
import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  constructor(readonly page: Page) {}

  readonly error = (): Locator => this.page.getByTestId('login-error');
  readonly username = (): Locator => this.page.getByTestId('login-username');

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }
}
