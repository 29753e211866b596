// Page object: Settings → the stage ladder (stage fields, period days, holidays, save, the problems alert).
import type { Locator, Page } from '@playwright/test';

export class LadderSettingsPage {
  constructor(readonly page: Page) {}

  readonly form = (): Locator => this.page.getByTestId('ladder-form');
  readonly problems = (): Locator => this.page.getByTestId('ladder-problems');
  readonly saveButton = (): Locator => this.page.getByTestId('ladder-save');

  stageField(stage: string, field: 'nameAr' | 'nameEn' | 'dayOffset' | 'nextActionAr' | 'nextActionEn'): Locator {
    return this.page.getByTestId(`ladder-${stage}-${field}`);
  }

  periodDays(period: string): Locator {
    return this.page.getByTestId(`ladder-${period}-days`);
  }

  async addHoliday(iso: string): Promise<void> {
    await this.page.getByTestId('ladder-holiday-input').fill(iso);
    await this.page.getByTestId('ladder-holiday-add').click();
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }
}
