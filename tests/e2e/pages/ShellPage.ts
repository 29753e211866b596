// Page object: the signed-in frame (navigation, language switch, lock, sign out).
import { expect, type Locator, type Page } from '@playwright/test';

export class ShellPage {
  constructor(readonly page: Page) {}

  readonly officeName = (): Locator => this.page.getByTestId('shell-office-name');
  readonly home = (): Locator => this.page.getByTestId('home-page');

  async switchLanguage(lang: 'ar' | 'en'): Promise<void> {
    await this.page.getByTestId('language-switch').getByText(lang === 'en' ? 'English' : 'العربية').click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
    await expect(this.page.locator('html')).toHaveAttribute('dir', lang === 'en' ? 'ltr' : 'rtl');
  }

  async goToSettings(tab: string): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId(`settings-tab-${tab}`).click();
    await expect(this.page).toHaveURL(new RegExp(`#/settings/${tab}$`));
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('logout-button').click();
  }
}
