// Page object: the first-run set-up wizard (office → first partner → recovery code).
import { expect, type Locator, type Page } from '@playwright/test';
import type { OFFICE, PARTNER } from '../fixtures/data';

export class SetupWizardPage {
  constructor(readonly page: Page) {}

  readonly stepper = (): Locator => this.page.getByTestId('setup-stepper');

  async fillOffice(office: typeof OFFICE): Promise<void> {
    for (const [field, value] of Object.entries(office)) {
      await this.page.getByTestId(`office-${field}`).fill(value);
    }
  }

  async nextFromOffice(): Promise<void> {
    await this.page.getByTestId('setup-office-next').click();
    await expect(this.page.getByTestId('setup-partner')).toBeVisible();
  }

  async fillPartner(partner: typeof PARTNER, confirm = partner.password): Promise<void> {
    await this.page.getByTestId('partner-displayName').fill(partner.displayName);
    await this.page.getByTestId('partner-username').fill(partner.username);
    await this.page.getByTestId('partner-password').fill(partner.password);
    await this.page.getByTestId('partner-confirm').fill(confirm);
  }

  async createOffice(): Promise<void> {
    await this.page.getByTestId('setup-partner-create').click();
  }

  recoveryCode(): Locator {
    return this.page.getByTestId('recovery-code');
  }

  async confirmSavedAndContinue(): Promise<void> {
    const continueButton = this.page.getByTestId('recovery-continue');
    await expect(continueButton).toBeDisabled();
    await this.page.getByTestId('recovery-saved').check();
    await continueButton.click();
  }
}
