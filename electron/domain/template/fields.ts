// The field catalogue: every value a letter template may print, with its type and group. Nothing else is reachable.
import type { FieldGroup, TemplateKind } from './kinds';
import { kindAllowsGroup } from './kinds';

/**
 * - text: names, addresses, labels, printed as typed;
 * - code: references, IDs, CR, IBAN, phones, e-mails — left-to-right, printed as typed;
 * - date: ISO yyyy-mm-dd; money: `{ minor, currency }` in integer minor units; number: an integer;
 * - boolean: only for conditions, never printed.
 */
export type FieldType = 'text' | 'code' | 'date' | 'money' | 'number' | 'boolean';

export interface MoneyValue {
  readonly minor: number;
  readonly currency: string;
}

export type FieldValue = string | number | boolean | MoneyValue | null | undefined;

export interface FieldDef {
  readonly path: string;
  readonly type: FieldType;
  readonly group: FieldGroup;
}

// [path, type] pairs; the group is the first segment of the path.
const CATALOGUE = [
  ['today', 'date'],

  ['office.name', 'text'],
  ['office.nameEn', 'text'],
  ['office.licence', 'code'],
  ['office.cr', 'code'],
  ['office.vat', 'code'],
  ['office.address', 'text'],
  ['office.phone', 'code'],
  ['office.email', 'code'],

  ['client.name', 'text'],
  ['client.nameEn', 'text'],
  ['client.isCompany', 'boolean'],
  ['client.cr', 'code'],
  ['client.vat', 'code'],
  ['client.nationalId', 'code'],
  ['client.iban', 'code'],
  ['client.bank', 'text'],
  ['client.address', 'text'],
  ['client.phone', 'code'],
  ['client.email', 'code'],
  ['client.poa.number', 'code'],
  ['client.poa.date', 'date'],
  ['client.poa.expiresOn', 'date'],

  ['debtor.name', 'text'],
  ['debtor.nameEn', 'text'],
  ['debtor.isCompany', 'boolean'],
  ['debtor.nationalId', 'code'],
  ['debtor.cr', 'code'],
  ['debtor.vat', 'code'],
  ['debtor.address', 'text'],
  ['debtor.city', 'text'],
  ['debtor.phone', 'code'],
  ['debtor.email', 'code'],
  ['debtor.employer', 'text'],

  ['guarantor.exists', 'boolean'],
  ['guarantor.name', 'text'],
  ['guarantor.isCompany', 'boolean'],
  ['guarantor.nationalId', 'code'],
  ['guarantor.cr', 'code'],
  ['guarantor.address', 'text'],

  ['case.reference', 'code'],
  ['case.clientReference', 'code'],
  ['case.openedOn', 'date'],
  ['case.stage', 'text'],
  ['case.principal', 'money'],
  ['case.costs', 'money'],
  ['case.fees', 'money'],
  ['case.claim', 'money'],
  ['case.balance', 'money'],
  ['case.currency', 'code'],
  ['case.dueDate', 'date'],
  ['case.court', 'text'],
  ['case.circuit', 'text'],
  ['case.najizNumber', 'code'],
  ['case.instrument.type', 'text'],
  ['case.instrument.number', 'code'],
  ['case.instrument.issueDate', 'date'],
  ['case.instrument.description', 'text'],

  ['letter.outgoingNumber', 'code'],
  ['letter.date', 'date'],
  ['letter.deadlineDays', 'number'],
  ['letter.deadlineDate', 'date'],
  ['letter.attachmentsCount', 'number'],
  ['letter.verifyCode', 'code'],

  ['lawyer.name', 'text'],
  ['lawyer.licence', 'code'],
  ['lawyer.phone', 'code'],

  ['settlement.amount', 'money'],
  ['settlement.discount', 'money'],
  ['settlement.deadline', 'date'],

  ['plan.total', 'money'],
  ['plan.count', 'number'],
  ['plan.instalment', 'money'],
  ['plan.frequency', 'text'],
  ['plan.firstDate', 'date'],

  ['payment.receiptNumber', 'code'],
  ['payment.amount', 'money'],
  ['payment.date', 'date'],
  ['payment.method', 'text'],
  ['payment.reference', 'code'],
  ['payment.balanceAfter', 'money'],

  ['remittance.periodFrom', 'date'],
  ['remittance.periodTo', 'date'],
  ['remittance.collected', 'money'],
  ['remittance.fee', 'money'],
  ['remittance.net', 'money'],
  ['remittance.casesCount', 'number'],
] as const satisfies ReadonlyArray<readonly [string, FieldType]>;

export type FieldPath = (typeof CATALOGUE)[number][0];

/** Values for one letter, keyed by field path. A missing key, null or '' prints as nothing. */
export type TemplateValues = Readonly<Partial<Record<FieldPath, FieldValue>>>;

export const TEMPLATE_FIELDS: readonly FieldDef[] = CATALOGUE.map(([path, type]) => ({
  path,
  type,
  group: (path.split('.')[0] ?? 'today') as FieldGroup,
}));

// A Map, not an object: a path such as `__proto__` or `constructor` is simply not in it.
const BY_PATH = new Map<string, FieldDef>(TEMPLATE_FIELDS.map((f) => [f.path, f]));

export function findField(path: string): FieldDef | undefined {
  return BY_PATH.get(path);
}

export function fieldAllowed(kind: TemplateKind, field: FieldDef): boolean {
  return kindAllowsGroup(kind, field.group);
}

/** The fields a kind may use, in catalogue order (for the editor's field picker). */
export function fieldsForKind(kind: TemplateKind): FieldDef[] {
  return TEMPLATE_FIELDS.filter((f) => fieldAllowed(kind, f));
}

/** i18n key of a field's label: `templates.fields.case_instrument_issueDate`. */
export function fieldLabelKey(path: string): string {
  return `templates.fields.${path.replace(/\./g, '_')}`;
}

/** The stored value of a field, or undefined; never reads anything but an own property. */
export function readValue(values: TemplateValues, path: string): FieldValue {
  return Object.prototype.hasOwnProperty.call(values, path) ? (values as Readonly<Record<string, FieldValue>>)[path] : undefined;
}

// Sample values live in their own file to keep the catalogue short; re-exported here with it.
export { sampleValues } from './samples';
