// The client ledger (collected, the office's fee, remitted, due to the client, per currency) and remittances: preview,
// issue with the statement PDF, reconcile (paid), void, and the office-wide list.
import { z } from 'zod';
import { proc } from '../procedure';
import { currencySchema, idSchema, isoDateSchema, pageSchema, requiredText, versionSchema } from '../fields';
import { langSchema } from '../schemas';
import type { LedgerFigures } from '../../domain/ledger';

export const REMITTANCE_STATES = ['issued', 'paid', 'void'] as const;
export type RemittanceState = (typeof REMITTANCE_STATES)[number];

/** One payment row or stage fee not yet remitted. */
export interface LedgerItemRow {
  kind: 'payment' | 'stage_fee';
  caseId: number;
  reference: string;
  debtorName: string;
  onDate: string;
  paymentId: number | null;
  /** On a stage fee: the stage the case reached. */
  stage: string | null;
  /** Negative on a reversal; 0 on a stage fee. */
  amountMinor: number;
  receivedBy: 'office' | 'client' | null;
  feeMinor: number;
  reversal: boolean;
  receiptNumber: string | null;
}

/** A client's money in one currency. Every total is the sum of its parts: total = remitted + unremitted. */
export interface LedgerCurrency {
  currency: string;
  cases: number;
  /** Everything, all time: collected and fee earned; remitted = the net of standing remittances; due = collected − fee − remitted. */
  total: LedgerFigures & { remittedMinor: number; remittedPaidMinor: number; dueMinor: number };
  /** What standing remittances covered. */
  remitted: LedgerFigures & { count: number };
  /** What no remittance covers yet (its net equals the total's due). */
  unremitted: LedgerFigures & { items: number };
  /** The first unremitted items, oldest first (at most 500; `unremitted.items` counts them all). */
  items: LedgerItemRow[];
  /** Where the next remittance's period starts: the day after the last one, else the oldest unremitted item. */
  nextPeriodFrom: string | null;
}

export interface RemittanceRow {
  id: number;
  number: string;
  clientId: number;
  clientName: string;
  currency: string;
  periodFrom: string;
  periodTo: string;
  collectedMinor: number;
  clientReceivedMinor: number;
  feeMinor: number;
  netMinor: number;
  state: RemittanceState;
  paidOn: string | null;
  paidReference: string;
  reconciledByName: string | null;
  reconciledAt: string | null;
  voidReason: string;
  createdByName: string | null;
  createdAt: string;
  version: number;
  cases: number;
}

export interface ClientLedger {
  clientId: number;
  clientName: string;
  feePercentBp: number | null;
  feeFixedPerStage: Record<string, number>;
  currencies: LedgerCurrency[];
  remittances: RemittanceRow[];
}

/** One case's line on a statement. */
export interface StatementCaseRow {
  caseId: number;
  reference: string;
  debtorName: string;
  collectedMinor: number;
  clientReceivedMinor: number;
  feeMinor: number;
  /** collected − fee. */
  netMinor: number;
}

/** Why a remittance cannot be issued for this period (the preview says so instead of failing). */
export interface RemittanceBlock {
  code: 'remittances.nothing' | 'remittances.net_not_positive' | 'remittances.exceeds_held';
  details: { netMinor: number; heldMinor: number };
}

export interface RemittancePreview {
  clientId: number;
  currency: string;
  periodFrom: string;
  periodTo: string;
  figures: LedgerFigures;
  /** What the office holds for the client in this currency, net of its fees (the ledger's due). */
  heldMinor: number;
  cases: StatementCaseRow[];
  itemCount: number;
  blocked: RemittanceBlock | null;
}

export const remittancePeriodInput = z.object({
  clientId: idSchema,
  currency: currencySchema,
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
});

export const remittanceCreateInput = remittancePeriodInput.extend({ lang: langSchema.default('ar') });

export const remittanceListInput = pageSchema.extend({
  clientId: idSchema.nullable().default(null),
  state: z.enum(REMITTANCE_STATES).nullable().default(null),
});

export interface RemittanceList {
  rows: RemittanceRow[];
  nextCursor: string | null;
  total: number;
  /** Issued and not yet paid, per currency: what the accountant has to reconcile. */
  unpaid: { currency: string; count: number; netMinor: number }[];
}

export const ledgerProcedures = {
  'ledger.forClient': proc<ClientLedger>()({ input: z.object({ clientId: idSchema }), access: 'ledger.read', kind: 'read' }),
  'ledger.remittances': proc<RemittanceList>()({ input: remittanceListInput, access: 'ledger.read', kind: 'read' }),
  /** Refused (thrown) for a bad period, an unknown client, a client without cases or in another currency, an overlap; `blocked` otherwise. */
  'remittances.preview': proc<RemittancePreview>()({ input: remittancePeriodInput, access: 'remittances.write', kind: 'read' }),
  /** Refused with the preview's refusals and remittances.nothing / net_not_positive / exceeds_held. */
  'remittances.create': proc<RemittanceRow>()({ input: remittanceCreateInput, access: 'remittances.write', kind: 'write' }),
  'remittances.markPaid': proc<RemittanceRow>()({
    input: z.object({ id: idSchema, version: versionSchema, paidOn: isoDateSchema, reference: requiredText(120) }),
    access: 'remittances.write',
    kind: 'write',
  }),
  'remittances.void': proc<RemittanceRow>()({
    input: z.object({ id: idSchema, version: versionSchema, reason: requiredText(1000) }),
    access: 'remittances.write',
    kind: 'write',
  }),
  'remittances.statement': proc<{ fileName: string; pdfBase64: string }>()({ input: z.object({ id: idSchema }), access: 'ledger.read', kind: 'read' }),
} as const;
