// Page object: the case's Hearings & tasks tab (record a result with a next hearing), the calendar views and the Tasks page.
import { expect, type Locator, type Page } from '@playwright/test';

export class CalendarPage {
  constructor(readonly page: Page) {}

  readonly day = (date: string): Locator => this.page.getByTestId(`cal-day-${date}`);
  readonly hearingRow = (date: string): Locator => this.page.getByTestId(`hearing-${date}`);

  async openCaseWork(caseId: number): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/cases/${caseId}`);
    await this.page.getByTestId('case-tab-work').click();
    await expect(this.page.getByTestId('case-hearings')).toBeVisible();
  }

  async pick(testId: string, option: string | RegExp): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Type a date into a DateField and leave it, so it is read. */
  async typeDate(testId: string, iso: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.fill(iso);
    await input.blur();
  }

  async recordResult(hearingId: number, next: { date: string; time: string }): Promise<void> {
    await this.page.getByTestId(`hearing-record-${hearingId}`).click();
    await expect(this.page.getByTestId('result-form')).toBeVisible();
    await this.page.getByTestId('result-notes').fill('طلب المدعى عليه مهلة للرد');
    await this.typeDate('result-next-date', next.date);
    await this.page.getByTestId('result-next-time').fill(next.time);
    await this.page.getByTestId('result-save').click();
    await expect(this.page.getByTestId('hearing-recorded')).toBeVisible();
  }

  async openCalendar(): Promise<void> {
    await this.page.getByTestId('nav-calendar').click();
    await expect(this.page.getByTestId('calendar-page')).toBeVisible();
  }

  /** Page the month view forward until it shows `date` inside its month. */
  async showMonthOf(date: string): Promise<void> {
    for (let i = 0; i < 3; i += 1) {
      const heading = this.page.getByTestId('calendar-page');
      const from = (await heading.getAttribute('data-from')) ?? '';
      const to = (await heading.getAttribute('data-to')) ?? '';
      if (date >= from && date <= to) return;
      await this.page.getByTestId('calendar-next').click();
    }
  }
}
