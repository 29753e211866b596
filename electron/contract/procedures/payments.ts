// Payments posted on a case (allocated to the claim's components), their reversals, the case's balance, and receipts.
import { z } from 'zod';
import { proc } from '../procedure';
import { amountMinorSchema, currencySchema, idSchema, isoDateSchema, requiredText, text } from '../fields';
import { langSchema } from '../schemas';
import type { CaseStatus } from '../../domain/ladder';

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'cheque', 'sadad', 'mada', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const RECEIVED_BY = ['office', 'client'] as const;
export type ReceivedBy = (typeof RECEIVED_BY)[number];

/** Minor units per claim component (late charges 0 where the client's settings do not allow them). */
export interface ComponentMinor {
  costs: number;
  fees: number;
  principal: number;
  lateCharges: number;
}

export interface PaymentRow {
  id: number;
  caseId: number;
  onDate: string;
  /** Negative on a reversal. */
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  chequeNumber: string;
  chequeBank: string;
  reference: string;
  receivedBy: ReceivedBy;
  allocated: ComponentMinor;
  creditMinor: number;
  manualAllocation: boolean;
  /** On a reversal: the payment it reverses. */
  reversesId: number | null;
  /** On a payment: its reversal, when it was reversed. */
  reversedById: number | null;
  reversalReason: string;
  receiptNumber: string | null;
  hasReceipt: boolean;
  notes: string;
  createdByName: string;
  createdAt: string;
}

/** The case's balance: every figure a sum of its parts (outstanding = claim − allocated − discount, per component and in total). */
export interface CaseBalanceRow {
  currency: string;
  claim: ComponentMinor;
  allocated: ComponentMinor;
  /** Waived by a settlement that is open or paid (0 once it is broken). */
  discount: ComponentMinor;
  outstanding: ComponentMinor;
  claimMinor: number;
  allocatedMinor: number;
  discountMinor: number;
  /** Held for the debtor beyond the whole claim (net of reversals). */
  creditMinor: number;
  /** Everything received net of reversals: allocated + credit. */
  paidMinor: number;
  balanceMinor: number;
}

export interface CasePayments {
  /** Newest first; each reversal right after the payment it reverses. */
  rows: PaymentRow[];
  balance: CaseBalanceRow;
  openedOn: string;
  status: CaseStatus;
}

export interface PostedPayment {
  payment: PaymentRow;
  balance: CaseBalanceRow;
  /** The balance is now zero: the screen asks whether to close the case (never closed automatically). */
  settled: boolean;
  /** How to close it when asked: 'settled' when a settlement was paid, else 'closed_paid' (null while a balance remains). */
  closeAs: 'settled' | 'closed_paid' | null;
}

const manualSplit = z.object({
  costs: z.number().int('validation.amount').min(0, 'validation.min').default(0),
  fees: z.number().int('validation.amount').min(0, 'validation.min').default(0),
  principal: z.number().int('validation.amount').min(0, 'validation.min').default(0),
  lateCharges: z.number().int('validation.amount').min(0, 'validation.min').default(0),
});

export const paymentInput = z
  .object({
    caseId: idSchema,
    onDate: isoDateSchema,
    amountMinor: amountMinorSchema,
    currency: currencySchema,
    method: z.enum(PAYMENT_METHODS),
    chequeNumber: text(40).default(''),
    chequeBank: text(120).default(''),
    reference: text(120).default(''),
    receivedBy: z.enum(RECEIVED_BY).default('office'),
    /** The user's own split instead of the client's order. */
    allocation: manualSplit.nullable().default(null),
    /** Hold what exceeds the whole balance as the debtor's credit instead of refusing the payment. */
    holdCredit: z.boolean().default(false),
    notes: text(2000).default(''),
    /** The receipt's language. */
    lang: langSchema.default('ar'),
  })
  .superRefine((v, ctx) => {
    if (v.method !== 'cheque') return;
    if (v.chequeNumber === '') ctx.addIssue({ code: 'custom', path: ['chequeNumber'], message: 'validation.required' });
    if (v.chequeBank === '') ctx.addIssue({ code: 'custom', path: ['chequeBank'], message: 'validation.required' });
  });
export type PaymentInput = z.input<typeof paymentInput>;

export const paymentProcedures = {
  'payments.forCase': proc<CasePayments>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  /**
   * Refused with payments.overpayment (details {balanceMinor}), payments.manual_allocation (details: problems),
   * payments.currency, payments.case_closed. Returns once the posting commits; the receipt PDF renders right after.
   */
  'payments.post': proc<PostedPayment>()({ input: paymentInput, access: 'payments.write', kind: 'write' }),
  'payments.reverse': proc<PostedPayment>()({
    input: z.object({ id: idSchema, reason: requiredText(1000), onDate: isoDateSchema }),
    access: 'payments.write',
    kind: 'write',
  }),
  /** The stored receipt PDF; rendered (as of its payment) and stored first if it is still missing. */
  'payments.receipt': proc<{ fileName: string; pdfBase64: string }>()({ input: z.object({ id: idSchema }), access: 'cases.read', kind: 'read' }),
} as const;
