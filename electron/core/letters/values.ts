// The values a letter template prints for one case: read from the database once, shaped as the catalogue says.
import type { Address } from '../../contract/fields';
import type { LetterInputs } from '../../contract/procedures/letters';
import { addDays, isWeekend, nextWorkingDay } from '../../domain/dates';
import type { LadderConfig } from '../../domain/ladder';
import type { TemplateLang, TemplateValues } from '../../domain/template';
import type { Db } from '../../../db/open';
import { letterCase, letterParties, type LetterCase, type LetterParty } from '../../../db/queries/letters';
import { getOffice, type OfficeRecord } from '../../../db/queries/office';
import { clientPoas, getClient, type ClientRecord, type PoaRecord } from '../../../db/queries/parties';
import { findUserById, type UserRecord } from '../../../db/queries/users';
import { instrumentDescription, instrumentLabel, frequencyLabel } from './labels';

/** A national address as one line, in the letter's language ("مبنى 1234، شارع …"). */
export function addressLine(raw: string, lang: TemplateLang): string {
  let a: Partial<Address>;
  try {
    a = JSON.parse(raw) as Partial<Address>;
  } catch {
    return '';
  }
  const ar = lang === 'ar';
  const parts = [
    a.buildingNo ? (ar ? `مبنى ${a.buildingNo}` : `Building ${a.buildingNo}`) : '',
    a.street ?? '',
    a.district ? (ar ? `حي ${a.district}` : `${a.district} District`) : '',
    a.city ?? '',
    a.postalCode ? (ar ? `الرمز البريدي ${a.postalCode}` : `Postal code ${a.postalCode}`) : '',
    a.additionalNo ? (ar ? `الرقم الإضافي ${a.additionalNo}` : `Additional no. ${a.additionalNo}`) : '',
  ].filter((p) => p.trim() !== '');
  return parts.join(ar ? '، ' : ', ');
}

function firstOf(json: string): string {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : '';
  } catch {
    return '';
  }
}

function partyValues(prefix: 'debtor' | 'guarantor', p: LetterParty | undefined, lang: TemplateLang): Record<string, unknown> {
  if (!p) return {};
  const company = p.kind === 'company';
  return {
    [`${prefix}.name`]: lang === 'en' && p.nameEn ? p.nameEn : p.name,
    [`${prefix}.isCompany`]: company,
    [`${prefix}.nationalId`]: p.nationalId,
    [`${prefix}.cr`]: p.crNumber,
    [`${prefix}.address`]: addressLine(p.address, lang),
    ...(prefix === 'debtor'
      ? {
          'debtor.nameEn': p.nameEn,
          'debtor.vat': p.vatNumber,
          'debtor.city': p.city,
          'debtor.phone': firstOf(p.phones),
          'debtor.email': firstOf(p.emails),
          'debtor.employer': p.employer,
        }
      : { 'guarantor.exists': true }),
  };
}

export interface LetterFacts {
  /** The stored case the values came from (for checks: status, stage, currency). */
  case: LetterCase;
  /** The addressee (first debtor). */
  debtor: LetterParty | undefined;
  values: TemplateValues;
}

/** The office's fields as every letter, receipt and statement prints them (the English name in English when set). */
export function officeValues(office: OfficeRecord | undefined, en: boolean): Record<string, unknown> {
  return {
    'office.name': office ? (en && office.nameEn ? office.nameEn : office.nameAr) : '',
    'office.nameEn': office?.nameEn ?? '',
    'office.licence': office?.licenceNumber ?? '',
    'office.cr': office?.crNumber ?? '',
    'office.vat': office?.vatNumber ?? '',
    'office.address': office?.address ?? '',
    'office.phone': office?.phone ?? '',
    'office.email': office?.email ?? '',
  };
}

/** The client's own fields (without its power of attorney, which only case letters print). */
export function clientValues(client: ClientRecord, en: boolean): Record<string, unknown> {
  return {
    'client.name': en && client.nameEn ? client.nameEn : client.nameAr,
    'client.nameEn': client.nameEn,
    'client.isCompany': client.kind === 'company',
    'client.cr': client.crNumber,
    'client.vat': client.vatNumber,
    'client.nationalId': client.nationalId,
    'client.iban': client.iban,
    'client.bank': client.bankName,
    'client.address': client.address,
    'client.phone': client.phone,
    'client.email': client.email,
  };
}

/**
 * What many letters share (the office, clients, powers of attorney, lawyers), read once and kept for the
 * life of one preview, letter or batch.
 */
export class LetterSource {
  private office: OfficeRecord | undefined | null = null;
  private readonly clients = new Map<number, { client: ClientRecord | undefined; poas: PoaRecord[] }>();
  private readonly users = new Map<string, UserRecord | undefined>();

  constructor(readonly db: Db) {}

  getOffice(): OfficeRecord | undefined {
    if (this.office === null) this.office = getOffice(this.db);
    return this.office;
  }

  getClient(id: number): { client: ClientRecord | undefined; poas: PoaRecord[] } {
    let c = this.clients.get(id);
    if (!c) {
      const client = getClient(this.db, id);
      c = { client, poas: client ? clientPoas(this.db, id) : [] };
      this.clients.set(id, c);
    }
    return c;
  }

  getUser(id: string): UserRecord | undefined {
    if (!this.users.has(id)) this.users.set(id, findUserById(this.db, id));
    return this.users.get(id);
  }
}

export interface LetterMeta {
  lang: TemplateLang;
  today: string;
  outgoingNumber: string;
  verifyCode: string;
  deadlineDays: number | null;
  inputs: LetterInputs;
  ladder: LadderConfig;
}

/** The deadline a letter sets: calendar days from the letter date, moved off the weekend and holidays. */
export function deadlineDate(today: string, days: number | null, ladder: LadderConfig): string | null {
  if (days === null) return null;
  const raw = addDays(today, days);
  const opts = { weekend: ladder.weekend, holidays: ladder.holidays };
  return isWeekend(raw, ladder.weekend) || ladder.holidays.includes(raw) ? nextWorkingDay(raw, opts) : raw;
}

/** Everything a template can print about one case; missing parts are simply absent (printed empty). */
export function caseLetterValues(source: LetterSource, caseId: number, meta: LetterMeta): LetterFacts | null {
  const sqlite = source.db.$client;
  const k = letterCase(sqlite, caseId);
  if (!k) return null;
  const { lang } = meta;
  const en = lang === 'en';
  const parties = letterParties(sqlite, caseId);
  const debtor = parties.find((p) => p.role === 'debtor');
  const guarantor = parties.find((p) => p.role === 'guarantor');
  const { client, poas } = source.getClient(k.clientId);
  const office = source.getOffice();
  const lawyer = k.lawyerId ? source.getUser(k.lawyerId) : undefined;
  // The power of attorney in force today, else the latest one.
  const poa = poas.find((p) => p.issuedOn <= meta.today && (p.expiresOn === null || p.expiresOn >= meta.today)) ?? poas[poas.length - 1];
  const stage = meta.ladder.stages.find((s) => s.stage === k.stage);
  const money = (minor: number) => ({ minor, currency: k.currency });
  const deadline = deadlineDate(meta.today, meta.deadlineDays, meta.ladder);
  const inputs = meta.inputs;
  // What is owed: the claim less what payments allocated and what an agreed settlement waives. A settlement agreement
  // prints the balance before its own discount (the letter states the claim, the agreed amount and what is waived).
  const owedBeforeDiscount = Math.max(0, k.claimMinor - k.paidMinor);
  const balance = inputs.settlementAmountMinor !== null ? owedBeforeDiscount : Math.max(0, owedBeforeDiscount - k.discountMinor);
  const settlementDiscount = inputs.settlementAmountMinor !== null ? Math.max(0, balance - inputs.settlementAmountMinor) : null;
  const planCount = inputs.planCount;
  const values: Record<string, unknown> = {
    today: meta.today,
    ...officeValues(office, en),
    ...(client
      ? {
          ...clientValues(client, en),
          'client.poa.number': poa?.number ?? '',
          'client.poa.date': poa?.issuedOn ?? null,
          'client.poa.expiresOn': poa?.expiresOn ?? null,
        }
      : {}),
    ...partyValues('debtor', debtor, lang),
    ...(guarantor ? partyValues('guarantor', guarantor, lang) : { 'guarantor.exists': false }),
    'case.reference': k.reference,
    'case.clientReference': k.clientReference,
    'case.openedOn': k.openedOn,
    'case.stage': stage ? (en ? stage.nameEn : stage.nameAr) : k.stage,
    'case.principal': money(k.principalMinor),
    'case.costs': money(k.costsMinor),
    'case.fees': money(k.feesMinor),
    'case.claim': money(k.claimMinor),
    // What is still owed: the claim less what posted payments allocated to it (credit held is not part of it).
    'case.balance': money(balance),
    'case.currency': k.currency,
    'case.dueDate': k.dueDate,
    'case.court': k.court,
    'case.circuit': k.circuit,
    'case.najizNumber': k.najizNumber,
    'case.instrument.type': instrumentLabel(k.instrumentType, lang),
    'case.instrument.number': k.instrumentNumber,
    'case.instrument.issueDate': k.instrumentIssuedOn,
    'case.instrument.description': instrumentDescription(k.instrumentType, k.instrumentNumber, lang),
    'letter.outgoingNumber': meta.outgoingNumber,
    'letter.date': meta.today,
    'letter.deadlineDays': meta.deadlineDays,
    'letter.deadlineDate': deadline,
    'letter.attachmentsCount': 0,
    'letter.verifyCode': meta.verifyCode,
    'lawyer.name': lawyer?.displayName ?? '',
    'lawyer.licence': lawyer?.licenceNumber ?? '',
    'lawyer.phone': lawyer?.phone ?? '',
    'settlement.amount': inputs.settlementAmountMinor !== null ? money(inputs.settlementAmountMinor) : null,
    'settlement.discount': settlementDiscount !== null ? money(settlementDiscount) : null,
    'settlement.deadline': inputs.settlementDeadline,
    'plan.total': planCount ? money(balance) : null,
    'plan.count': planCount,
    // Equal instalments rounded down; the schedule itself (remainder on the last) comes with the money issue.
    'plan.instalment': planCount ? money(Math.floor(balance / planCount)) : null,
    'plan.frequency': inputs.planFrequency ? frequencyLabel(inputs.planFrequency, lang) : '',
    'plan.firstDate': inputs.planFirstDate,
  };
  return { case: k, debtor, values };
}
