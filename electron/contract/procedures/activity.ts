// The communication log (سجل التواصل): quick entry, corrections that keep the original, and the client rule pack's allowance.
import { z } from 'zod';
import { proc } from '../procedure';
import { amountMinorSchema, idSchema, optionalIsoDate, text } from '../fields';
import { parseInstant } from '../../domain/dates';
import { CONTACT_CHANNELS, type Breach, type ContactChannel } from '../../domain/rule-pack';

export { CONTACT_CHANNELS, type ContactChannel };
export const DIRECTIONS = ['out', 'in'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const OUTCOMES = ['no_answer', 'wrong_number', 'promised', 'disputed', 'refused', 'paid', 'call_back', 'delivered', 'returned'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** What a closed case still takes: the post coming back, a payment, a debtor calling in. */
export const CLOSED_CASE_OUTCOMES: readonly Outcome[] = ['delivered', 'returned', 'paid'];

/** An instant with its offset, e.g. 2026-01-04T10:00:00+03:00 (the form sends Riyadh time). */
const instantSchema = z.string().refine((v) => {
  try {
    parseInstant(v);
    return true;
  } catch {
    return false;
  }
}, 'validation.date');

const entryFields = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  direction: z.enum(DIRECTIONS),
  occurredAt: instantSchema,
  /** A debtor or guarantor of the case; null with a contact name for anyone else. */
  partyId: idSchema.nullable().default(null),
  contactName: text(120).default(''),
  outcome: z.enum(OUTCOMES),
  notes: text(4000).default(''),
  /** Documents of this case. */
  attachments: z.array(idSchema).max(20, 'validation.max').default([]),
  followUpOn: optionalIsoDate.default(null),
  /** What the debtor says they paid, when the outcome is 'paid'. */
  paidMinor: amountMinorSchema.nullable().default(null),
  /** A partner going past the client's rule pack; the reason is stored on the entry and in the audit. */
  override: z.boolean().default(false),
  overrideReason: text(1000).default(''),
});

type EntryFields = z.output<typeof entryFields>;

function refineEntry(v: EntryFields, ctx: z.RefinementCtx): void {
  if (v.partyId === null && v.contactName === '') ctx.addIssue({ code: 'custom', path: ['contactName'], message: 'validation.contact_required' });
  if (v.outcome === 'paid' && (v.paidMinor === null || v.paidMinor === 0)) {
    ctx.addIssue({ code: 'custom', path: ['paidMinor'], message: 'validation.amount_positive' });
  }
}

export const logEntrySchema = entryFields.extend({ caseId: idSchema }).superRefine(refineEntry);
export type LogEntryInput = z.input<typeof logEntrySchema>;
/** A correction replaces what the entry says; the original stays in the log, struck through. */
export const correctionSchema = entryFields.extend({ id: idSchema }).superRefine(refineEntry);

export interface CommunicationRow {
  id: number;
  caseId: number;
  channel: ContactChannel;
  direction: Direction;
  occurredAt: string;
  partyId: number | null;
  partyName: string;
  partyRole: 'debtor' | 'guarantor' | null;
  contactName: string;
  /** A log outcome, or a letter's dispatch state on the entries letters write (generated, sent, …). */
  outcome: string;
  notes: string;
  followUpOn: string | null;
  attachments: { id: number; fileName: string }[];
  paidMinor: number | null;
  letterId: number | null;
  letterNumber: string | null;
  userId: string | null;
  userName: string;
  createdAt: string;
  correctsId: number | null;
  overrideReason: string;
  overriddenRules: string[];
}

/** One entry as first logged, then each correction in order: the last one is what the log says now. */
export interface LogGroup {
  id: number;
  versions: CommunicationRow[];
}

export interface PartyAllowance {
  partyId: number;
  name: string;
  role: 'debtor' | 'guarantor';
  used: number;
  limit: number;
  left: number;
  windowDays: number;
}

export interface CaseAllowance {
  pack: 'none' | 'sama';
  parties: PartyAllowance[];
}

/** `rules.breach` details: the rules that refuse the contact, each with its figures. */
export interface BreachDetails {
  breaches: Breach[];
}

export const activityProcedures = {
  /** Refused with `rules.breach` (details: BreachDetails) when the client's pack forbids it, unless a partner overrides. */
  'activity.log': proc<CommunicationRow>()({ input: logEntrySchema, access: 'cases.write', kind: 'write' }),
  'activity.correct': proc<CommunicationRow>()({ input: correctionSchema, access: 'cases.write', kind: 'write' }),
  /** Newest first, each entry with its corrections. */
  'activity.forCase': proc<LogGroup[]>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  'activity.allowance': proc<CaseAllowance>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
} as const;
