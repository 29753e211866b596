// Page object: the Today dashboard (home) and the case's full history tab.
import type { Locator, Page } from '@playwright/test';

export type TodaySection = 'followUps' | 'tasks' | 'brokenPromises' | 'escalations' | 'hearings' | 'deadlines' | 'poaExpiries';

export class DashboardPage {
  constructor(readonly page: Page) {}

  readonly sections = (): Locator => this.page.getByTestId('today-sections');
  readonly section = (s: TodaySection): Locator => this.page.getByTestId(`today-${s}`);
  readonly count = (s: TodaySection): Locator => this.page.getByTestId(`today-${s}-count`);
  readonly empty = (s: TodaySection): Locator => this.page.getByTestId(`today-${s}-empty`);
  readonly rows = (s: TodaySection): Locator => this.section(s).getByTestId('today-row');
  readonly timelineItems = (type?: string): Locator =>
    type ? this.page.locator(`[data-testid="timeline-item"][data-type="${type}"]`) : this.page.getByTestId('timeline-item');

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: /الرئيسية|Home/ }).first().click();
    await this.sections().waitFor();
  }

  async scope(label: RegExp): Promise<void> {
    await this.page.getByTestId('today-scope').getByText(label).click();
  }

  async pickPerson(name: RegExp): Promise<void> {
    await this.page.getByTestId('today-person').click();
    await this.page.getByRole('option', { name }).click();
  }

  async openHistory(): Promise<void> {
    await this.page.getByTestId('case-tab-history').click();
    await this.page.getByTestId('case-timeline').waitFor();
  }
}
