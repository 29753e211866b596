// Page objects: the client and debtor forms, and the debtor's and client's pages.
import { expect, type Page } from '@playwright/test';

export interface ClientData {
  nameAr: string;
  nameEn: string;
  crNumber: string;
  feePercent: string;
}

export interface DebtorData {
  name: string;
  nationalId: string;
  phone: string;
  city: string;
}

export class PartyFormsPage {
  constructor(readonly page: Page) {}

  async openNewClient(): Promise<void> {
    await this.page.getByTestId('nav-clients').click();
    await this.page.getByTestId('clients-new').click();
    await expect(this.page.getByTestId('client-form')).toBeVisible();
  }

  async fillClient(c: ClientData): Promise<void> {
    await this.page.getByTestId('client-nameAr').fill(c.nameAr);
    await this.page.getByTestId('client-nameEn').fill(c.nameEn);
    await this.page.getByTestId('client-crNumber').fill(c.crNumber);
    await this.page.getByTestId('client-fee-percent').fill(c.feePercent);
  }

  async saveClient(): Promise<void> {
    await this.page.getByTestId('client-save').click();
    await expect(this.page.getByTestId('client-page')).toBeVisible();
  }

  async openNewDebtor(): Promise<void> {
    await this.page.getByTestId('nav-debtors').click();
    await this.page.getByTestId('parties-new').click();
    await expect(this.page.getByTestId('party-form')).toBeVisible();
  }

  async fillDebtor(d: DebtorData): Promise<void> {
    await this.page.getByTestId('party-name').fill(d.name);
    await this.page.getByTestId('party-nationalId').fill(d.nationalId);
    await this.page.getByTestId('party-nationalId').blur();
    const phones = this.page.getByTestId('party-phones');
    await phones.fill(d.phone);
    await phones.press('Enter');
    await this.page.getByTestId('party-address-city').fill(d.city);
  }

  async saveDebtor(): Promise<void> {
    await this.page.getByTestId('party-save').click();
    await expect(this.page.getByTestId('party-page')).toBeVisible();
  }
}
