// Page object: Settings (idle-lock minutes, users and the add-user dialog, tabs visible to the role).
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  tab(id: string): Locator {
    return this.page.getByTestId(`settings-tab-${id}`);
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    await this.page.getByTestId('idle-minutes').fill(String(minutes));
    await this.page.getByTestId('idle-save').click();
  }

  async addUser(user: { displayName: string; username: string; password: string }, roleLabel: string): Promise<void> {
    await this.page.getByTestId('users-add').click();
    const dialog = this.page.getByTestId('add-user');
    await dialog.getByTestId('add-user-displayName').fill(user.displayName);
    await dialog.getByTestId('add-user-username').fill(user.username);
    await dialog.getByTestId('add-user-role').click();
    await this.page.getByRole('option', { name: roleLabel, exact: true }).click();
    await dialog.getByTestId('add-user-password').fill(user.password);
    await dialog.getByTestId('add-user-confirm').fill(user.password);
    await dialog.getByTestId('add-user-submit').click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByTestId(`user-row-${user.username}`)).toBeVisible();
  }

  row(username: string): Locator {
    return this.page.getByTestId(`user-row-${username}`);
  }

  async changeRole(username: string, roleLabel: string): Promise<void> {
    await this.page.getByTestId(`user-role-${username}`).click();
    await this.page.getByRole('option', { name: roleLabel, exact: true }).click();
  }

  async setNewPassword(password: string): Promise<void> {
    const dialog = this.page.getByTestId('reset-password-form');
    await dialog.getByTestId('reset-password').fill(password);
    await dialog.getByTestId('reset-confirm').fill(password);
    await dialog.getByRole('button', { name: /تعيين كلمة المرور|Set the password/ }).click();
    await expect(dialog).toBeHidden();
  }
}
