// Clients (creditors), debtors and guarantors: the parties of a case.
import { z } from 'zod';
import { proc } from '../procedure';
import {
  addressSchema,
  idSchema,
  isoDateSchema,
  optionalCr,
  optionalIban,
  optionalIsoDate,
  optionalNationalId,
  optionalPhone,
  optionalEmail,
  optionalVat,
  pageSchema,
  partyEmailSchema,
  phoneSchema,
  requiredText,
  text,
  versionSchema,
  type Address,
  type Page,
} from '../fields';
import { STAGES, type Stage } from '../../domain/ladder';
import { CLAIM_COMPONENTS, DEFAULT_ALLOCATION_ORDER } from '../../domain/allocation';

export const PARTY_KINDS = ['person', 'company'] as const;
export const RULE_PACKS = ['none', 'sama'] as const;

export const contactPersonSchema = z.object({
  name: requiredText(120),
  title: text(120).default(''),
  phone: optionalPhone,
  email: optionalEmail,
});

export const powerOfAttorneySchema = z.object({
  number: requiredText(50),
  notary: text(200).default(''),
  issuedOn: isoDateSchema,
  expiresOn: optionalIsoDate.default(null),
  pleadingClause: z.boolean().default(false),
});
export type PowerOfAttorney = z.output<typeof powerOfAttorneySchema>;

export const feeAgreementSchema = z.object({
  /** Percentage of collected money in basis points (1250 = 12.50 %). */
  percentBp: z.number().int().min(0).max(10_000, 'validation.percent').nullable().default(null),
  /** Fixed fee per stage reached, in minor units of SAR. */
  fixedPerStage: z.partialRecord(z.enum(STAGES), z.number().int().min(0)).default({}),
});

const clientFields = z.object({
  kind: z.enum(PARTY_KINDS),
  nameAr: requiredText(200),
  nameEn: text(200).default(''),
  crNumber: optionalCr,
  vatNumber: optionalVat,
  nationalId: optionalNationalId,
  phone: optionalPhone,
  email: optionalEmail,
  address: text(500).default(''),
  iban: optionalIban,
  bankName: text(120).default(''),
  contacts: z.array(contactPersonSchema).max(20).default([]),
  fee: feeAgreementSchema.default({ percentBp: null, fixedPerStage: {} }),
  powersOfAttorney: z.array(powerOfAttorneySchema).max(20).default([]),
  rulePack: z.enum(RULE_PACKS).default('none'),
  /** The order payments go to the claim's components (each component once). */
  allocationOrder: z
    .array(z.enum(CLAIM_COMPONENTS))
    .length(CLAIM_COMPONENTS.length, 'validation.allocation_order')
    .refine((order) => new Set(order).size === order.length, 'validation.allocation_order')
    .default([...DEFAULT_ALLOCATION_ORDER]),
  /** Whether the client's contracts allow late charges on a case. */
  lateChargesAllowed: z.boolean().default(false),
  notes: text(2000).default(''),
});
export const clientInput = clientFields.superRefine((v, ctx) => {
  if (v.kind === 'company' && v.crNumber === '') ctx.addIssue({ code: 'custom', path: ['crNumber'], message: 'validation.required' });
  if (v.kind === 'person' && v.nationalId === '') ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'validation.required' });
});
export type ClientInput = z.input<typeof clientInput>;

export interface ClientRow {
  id: number;
  kind: 'person' | 'company';
  nameAr: string;
  nameEn: string;
  crNumber: string;
  nationalId: string;
  rulePack: 'none' | 'sama';
  archived: boolean;
  openCases: number;
}

export type PoaWarning =
  | { code: 'poa_expiring'; number: string; expiresOn: string; daysLeft: number }
  | { code: 'poa_expired'; number: string; expiresOn: string }
  | { code: 'poa_missing_for_litigation'; cases: number };

export interface ClientDetail extends z.output<typeof clientFields> {
  id: number;
  version: number;
  archived: boolean;
  caseCount: number;
  warnings: PoaWarning[];
}

const partyFields = z.object({
  kind: z.enum(PARTY_KINDS),
  name: requiredText(200),
  nameEn: text(200).default(''),
  nationalId: optionalNationalId,
  crNumber: optionalCr,
  vatNumber: optionalVat,
  phones: z.array(phoneSchema).max(10).default([]),
  emails: z.array(partyEmailSchema).max(10).default([]),
  address: addressSchema.default({ buildingNo: '', street: '', district: '', city: '', postalCode: '', additionalNo: '' }),
  employer: text(200).default(''),
  notes: text(2000).default(''),
});
export const partyInput = partyFields.superRefine((v, ctx) => {
  if (v.kind === 'company' && v.nationalId !== '') ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'validation.person_only' });
  if (v.kind === 'person' && v.crNumber !== '') ctx.addIssue({ code: 'custom', path: ['crNumber'], message: 'validation.company_only' });
});
export type PartyInput = z.input<typeof partyInput>;

export interface PartyRow {
  id: number;
  kind: 'person' | 'company';
  name: string;
  nationalId: string;
  crNumber: string;
  phone: string;
  city: string;
  caseCount: number;
}

export interface PartyCaseLink {
  caseId: number;
  reference: string;
  clientName: string;
  role: 'debtor' | 'guarantor';
  stage: Stage;
  status: string;
  currency: string;
  claimMinor: number;
}

export interface PartyDetail extends z.output<typeof partyFields> {
  id: number;
  version: number;
  address: Address;
  cases: PartyCaseLink[];
  /** When the person's personal data was erased (PDPL); the name and every other field are then empty. */
  erasedAt: string | null;
}

export const listQuery = pageSchema.extend({ query: text(100).default('') });

export const partyProcedures = {
  'clients.list': proc<Page<ClientRow>>()({
    input: listQuery.extend({ includeArchived: z.boolean().default(false) }),
    access: 'cases.read',
    kind: 'read',
  }),
  'clients.get': proc<ClientDetail>()({ input: z.object({ id: idSchema }), access: 'cases.read', kind: 'read' }),
  'clients.create': proc<ClientDetail>()({ input: clientInput, access: 'clients.write', kind: 'write' }),
  'clients.update': proc<ClientDetail>()({
    input: z.object({ id: idSchema, version: versionSchema, client: clientInput }),
    access: 'clients.write',
    kind: 'write',
  }),
  'clients.archive': proc<ClientDetail>()({
    input: z.object({ id: idSchema, archived: z.boolean() }),
    access: 'clients.write',
    kind: 'write',
  }),
  'clients.delete': proc<null>()({ input: z.object({ id: idSchema }), access: 'clients.write', kind: 'write' }),
  'parties.list': proc<Page<PartyRow>>()({ input: listQuery, access: 'cases.read', kind: 'read' }),
  'parties.get': proc<PartyDetail>()({ input: z.object({ id: idSchema }), access: 'cases.read', kind: 'read' }),
  /** The party already holding this national ID or CR, if any: the form offers to open it. */
  'parties.findByIdentifier': proc<PartyRow | null>()({
    input: z.object({ nationalId: optionalNationalId, crNumber: optionalCr }),
    access: 'cases.read',
    kind: 'read',
  }),
  'parties.create': proc<PartyDetail>()({ input: partyInput, access: 'parties.write', kind: 'write' }),
  'parties.update': proc<PartyDetail>()({
    input: z.object({ id: idSchema, version: versionSchema, party: partyInput }),
    access: 'parties.write',
    kind: 'write',
  }),
} as const;
