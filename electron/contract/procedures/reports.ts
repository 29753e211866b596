// Partner reports: stage pipeline, aging, recovery and collections, performance, court and deadlines, fees and
// remittances, the client statement, and the drill-down from any figure to the cases behind it.
//
// For the screens (reportsui): these types are stable. Changes are additions only and are listed here:
// - DrillKey is the union of every report's key (it was, by mistake, only the keys they share).
// - An aging cell drills with the row's key and the bucket: `{ ...row.drill, bucket: 'd31_60', measure: 'outstanding' }`.
//
// Conventions:
// - Amounts are integer minor units of ONE currency: every money table is split into sections per currency
//   (`sections[]`, one per currency present, sorted by currency code); nothing is ever summed across currencies.
//   A case has one currency, so case counts are split the same way; a section's `total` is the sum of its rows.
// - Every figure can be drilled: a row carries `drill` (what the row is) and the column is the measure:
//   `reports.drill({ filter, spec: { ...row.drill, measure: '<column>' } })` (see `drillSpec`). The drill's `total`
//   equals the figure: `total.cases` for counts of cases, `total.value` (the sum of each row's `contribution`) for
//   amounts and counts of events.
// - A report with nothing to show says why in `empty` (see REPORT_EMPTY_REASONS); its tables are then empty.
// - Access: `reports.office` sees the whole office; `reports.own` (lawyer, paralegal) only cases where they are the
//   lawyer or the paralegal (and, in performance, only their own row); `reports.money` (accountant) only recovery and
//   collections, fees and remittances, and the client statement. Enforced in the service.
import { z } from 'zod';
import { proc } from '../procedure';
import { currencySchema, idSchema, isoDateSchema, pageSchema, type Page } from '../fields';
import { CASE_STATUSES, INSTRUMENT_TYPES, STAGES, type CaseStatus, type InstrumentType, type Stage } from '../../domain/ladder';
import type { PaymentMethod, ReceivedBy } from './payments';
import type { DeadlineCode } from '../../domain/deadlines';

export const REPORT_KINDS = ['pipeline', 'aging', 'recovery', 'collections', 'performance', 'court', 'fees', 'statement'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The longest period a report accepts (days): ten years. */
export const MAX_REPORT_DAYS = 3660;

/**
 * Why a report has nothing to show:
 * - no_cases: the caller's scope (the office, or their own cases) has no cases at all
 * - client_no_cases: the chosen client has no cases
 * - no_match: cases exist but none matches the filter
 * - nothing_in_period: cases match but nothing the report counts happened in the period
 */
export const REPORT_EMPTY_REASONS = ['no_cases', 'client_no_cases', 'no_match', 'nothing_in_period'] as const;
export type ReportEmptyReason = (typeof REPORT_EMPTY_REASONS)[number];

/**
 * The filter every report takes. `from`/`to` are inclusive dates (the period); lists of stages, statuses and
 * instrument types are "any of" (empty = all); `assigneeId` is the case's lawyer or paralegal.
 * Refused (input.invalid on `to`): `validation.period_reversed` when it ends before it starts,
 * `validation.period_too_long` beyond MAX_REPORT_DAYS. A missing date is `validation.date`.
 */
export const reportFilterSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    clientId: idSchema.nullable().default(null),
    assigneeId: z.string().min(1).max(64).nullable().default(null),
    instrumentTypes: z.array(z.enum(INSTRUMENT_TYPES)).default([]),
    stages: z.array(z.enum(STAGES)).default([]),
    statuses: z.array(z.enum(CASE_STATUSES)).default([]),
    currency: currencySchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.period_reversed' });
    else if ((Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 > MAX_REPORT_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.period_too_long' });
    }
  });
export type ReportFilter = z.output<typeof reportFilterSchema>;
export type ReportFilterInput = z.input<typeof reportFilterSchema>;

/** What every report answers besides its tables. */
export interface ReportMeta {
  filter: ReportFilter;
  /** The date the report was computed for (today, Riyadh). */
  asOf: string;
  /** 'office' or 'own' (only the caller's cases). */
  scope: 'office' | 'own';
  /** Currencies present, sorted: more than one means the tables are split per currency. */
  currencies: string[];
  empty: ReportEmptyReason | null;
}

/** One section per currency. */
export interface CurrencySection<R, T> {
  currency: string;
  rows: R[];
  total: T;
}

// ---------------------------------------------------------------- pipeline
export interface PipelineFigures {
  /** Cases in the stage now. */
  cases: number;
  /** claim − paid − discount of those cases, now. */
  outstandingMinor: number;
  /** Stage moves into the stage in the period (a case counted once per move). */
  entered: number;
  /** Stage moves out of the stage in the period. */
  left: number;
  /**
   * Average whole days the cases that left the stage in the period had spent in it (from the move that brought them in,
   * or the case's opening for the first stage); null when none left.
   */
  avgDaysInStage: number | null;
}
export interface PipelineRow extends PipelineFigures {
  stage: Stage;
  drill: PipelineDrillKey;
}
export interface PipelineTotal extends Omit<PipelineFigures, 'avgDaysInStage'> {
  avgDaysInStage: number | null;
  drill: PipelineDrillKey;
}
export type PipelineReport = ReportMeta & { sections: CurrencySection<PipelineRow, PipelineTotal>[] };

// ---------------------------------------------------------------- aging
/** Days since due, as of the period's end: 0–30, 31–60, 61–90, 91–180, 181–365, over 365. Not yet due counts as 0–30. */
export const AGING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd91_180', 'd181_365', 'd365_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
/** Lower bound (days since due) of each bucket. */
export const AGING_BUCKET_FROM: Readonly<Record<AgingBucket, number>> = {
  d0_30: 0,
  d31_60: 31,
  d61_90: 61,
  d91_180: 91,
  d181_365: 181,
  d365_plus: 366,
};
export interface AgingCell {
  cases: number;
  outstandingMinor: number;
}
export interface AgingRow {
  /** null on the total row. */
  clientId: number | null;
  clientName: string;
  buckets: Record<AgingBucket, AgingCell>;
  total: AgingCell;
  drill: AgingDrillKey;
}
/**
 * Outstanding balances (claim − paid − discount > 0) of the cases opened on or before the period's end, aged by days
 * from the due date (cases.due_date, or the opening date when the case has none) to the period's end.
 * The balances are today's (payments after the period's end are not added back); the period's start is not used.
 */
export type AgingReport = ReportMeta & { sections: CurrencySection<AgingRow, AgingRow>[] };

// ---------------------------------------------------------------- recovery and collections
export interface RecoveryFigures {
  /** Cases opened (placed) in the period. */
  cases: number;
  /** Their claims (claim_minor). */
  placedMinor: number;
  /** What payments allocated to those claims so far (cases.paid_minor, net of reversals). */
  collectedMinor: number;
  /** collected ÷ placed in basis points (integer, rounded down); null when nothing was placed. */
  rateBp: number | null;
}
export interface RecoveryRow extends RecoveryFigures {
  /** Per client: the client; per instrument: null. */
  clientId: number | null;
  clientName: string;
  instrumentType: InstrumentType | null;
  /** Cohort rows: the month placed (YYYY-MM). */
  month: string | null;
  drill: RecoveryDrillKey;
}
export interface RecoverySection {
  currency: string;
  byClient: RecoveryRow[];
  byInstrument: RecoveryRow[];
  byMonth: RecoveryRow[];
  total: RecoveryRow;
}
export interface CollectionsRow {
  /** YYYY-MM; null on the total. */
  month: string | null;
  /** Payments received in the month, net of reversals (the whole amount, credit included). */
  collectedMinor: number;
  /** Payment rows (reversals included). */
  payments: number;
  drill: CollectionsDrillKey;
}
export type RecoveryReport = ReportMeta & {
  sections: RecoverySection[];
  /** Collections per month of the period (every month of the period present, zero when nothing came in). */
  collections: CurrencySection<CollectionsRow, CollectionsRow>[];
};

// ---------------------------------------------------------------- performance
export interface PerformanceRow {
  /** null: actions with no person (or, for collections, cases with no lawyer or paralegal). */
  userId: string | null;
  name: string;
  role: string | null;
  /** Log entries the person made in the period (calls, messages, visits…; letters and corrections not counted). */
  contacts: number;
  /** Promises to pay the person recorded in the period (cancelled ones not counted). */
  promisesMade: number;
  /** Of those, kept in full. */
  promisesKept: number;
  /** Letters the person generated that were sent (sent_on) in the period, voided not counted. */
  lettersSent: number;
  /** Forward stage moves the person made in the period (to a later stage of the ladder, closing not counted). */
  casesAdvanced: number;
  /**
   * Payments received in the period (net of reversals) on cases where the person is the lawyer, or the paralegal
   * when the case has no lawyer: each amount is counted for one person, so the total is the sum of the rows.
   */
  collected: { currency: string; minor: number }[];
  drill: PerformanceDrillKey;
}
export type PerformanceReport = ReportMeta & { rows: PerformanceRow[]; total: PerformanceRow };

// ---------------------------------------------------------------- court and deadlines
export interface CourtHearingRow {
  hearingId: number;
  caseId: number;
  reference: string;
  debtorName: string;
  clientName: string;
  court: string;
  circuit: string;
  onDate: string;
  atTime: string | null;
  type: string;
}
export interface CourtDeadlineRow {
  code: DeadlineCode;
  caseId: number | null;
  reference: string | null;
  debtorName: string | null;
  clientName: string | null;
  dueOn: string;
  params: Record<string, string | number>;
}
export interface CourtRow {
  /** '' for cases with no court recorded. */
  court: string;
  litigation: number;
  enforcement: number;
  /** Outstanding of those cases, per currency. */
  outstanding: { currency: string; minor: number }[];
  drill: CourtDrillKey;
}
export type CourtReport = ReportMeta & {
  /** From today to today + 30 days. */
  ahead: { from: string; to: string };
  hearings: CourtHearingRow[];
  deadlines: CourtDeadlineRow[];
  hearingsDrill: CourtDrillKey;
  byCourt: CourtRow[];
  total: CourtRow;
};

// ---------------------------------------------------------------- fees and remittances
export interface FeesFigures {
  /** Payments received in the period, net of reversals (by the office and directly by the client). */
  collectedMinor: number;
  /** Of which received by the office (the money the office holds for the client). */
  officeCollectedMinor: number;
  /**
   * The office's fee earned in the period: the client's percentage of each payment row (rounded half away from zero
   * per row, as the ledger's percentFee: a reversal negates it exactly), plus the fixed fee per stage for each case's
   * first arrival at a charged stage in the period (fixed fees are agreed in SAR: they appear in the SAR section).
   */
  feesEarnedMinor: number;
  /**
   * Remittances (not void) whose period ends in the report's period: their net (what the office received − the fee),
   * summed from their items so the case filters apply.
   */
  remittedMinor: number;
  /** Owed to the client at the period's end: office collected − fees earned − remitted, all up to that day. */
  dueMinor: number;
}
export interface FeesRow extends FeesFigures {
  clientId: number | null;
  clientName: string;
  drill: FeesDrillKey;
}
export type FeesReport = ReportMeta & { sections: CurrencySection<FeesRow, FeesRow>[] };

// ---------------------------------------------------------------- client statement
export interface StatementPaymentRow {
  paymentId: number;
  caseId: number;
  reference: string;
  clientReference: string;
  debtorName: string;
  onDate: string;
  amountMinor: number;
  method: PaymentMethod;
  receivedBy: ReceivedBy;
  receiptNumber: string | null;
  /** On a reversal: the payment it reverses. */
  reversesId: number | null;
}
export interface StatementStageRow {
  /** null on the total row. */
  stage: Stage | null;
  cases: number;
  outstandingMinor: number;
  drill: StatementDrillKey;
}
export interface StatementSection {
  currency: string;
  byStage: StatementStageRow[];
  stageTotal: StatementStageRow;
  /** Cases opened in the period and their claims. */
  placedCases: number;
  placedMinor: number;
  collectedMinor: number;
  feesEarnedMinor: number;
  remittedMinor: number;
  /** Owed to the client at the period's end (as in the fees report). */
  dueMinor: number;
  /** Outstanding of all the client's cases now (= stageTotal.outstandingMinor). */
  balanceMinor: number;
  payments: StatementPaymentRow[];
  drills: Record<'placed' | 'collected' | 'feesEarned' | 'remitted' | 'due' | 'balance', StatementDrillKey>;
}
export type ClientStatement = ReportMeta & {
  client: { id: number; nameAr: string; nameEn: string; feePercentBp: number | null };
  period: { from: string; to: string };
  sections: StatementSection[];
};

// ---------------------------------------------------------------- drill-down
export const PIPELINE_MEASURES = ['cases', 'outstanding', 'entered', 'left'] as const;
export const AGING_MEASURES = ['cases', 'outstanding'] as const;
export const RECOVERY_MEASURES = ['cases', 'placed', 'collected'] as const;
export const COLLECTIONS_MEASURES = ['collected', 'payments'] as const;
export const PERFORMANCE_MEASURES = ['contacts', 'promisesMade', 'promisesKept', 'lettersSent', 'casesAdvanced', 'collected'] as const;
export const COURT_MEASURES = ['litigation', 'enforcement', 'cases', 'outstanding', 'hearings'] as const;
export const FEES_MEASURES = ['collected', 'officeCollected', 'feesEarned', 'remitted', 'due'] as const;
export const STATEMENT_MEASURES = ['cases', 'outstanding', 'placed', 'collected', 'feesEarned', 'remitted', 'due', 'balance'] as const;

const stageOrNull = z.enum(STAGES).nullable().default(null);
const clientOrNull = idSchema.nullable().default(null);
const monthOrNull = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.month')
  .nullable()
  .default(null);

/** What a figure is: the row's drill key plus the column (measure). null keys mean "all" (total rows). */
export const drillSpecSchema = z.discriminatedUnion('report', [
  z.object({ report: z.literal('pipeline'), measure: z.enum(PIPELINE_MEASURES), currency: currencySchema, stage: stageOrNull }),
  z.object({
    report: z.literal('aging'),
    measure: z.enum(AGING_MEASURES),
    currency: currencySchema,
    clientId: clientOrNull,
    bucket: z.enum(AGING_BUCKETS).nullable().default(null),
  }),
  z.object({
    report: z.literal('recovery'),
    measure: z.enum(RECOVERY_MEASURES),
    currency: currencySchema,
    clientId: clientOrNull,
    instrumentType: z.enum(INSTRUMENT_TYPES).nullable().default(null),
    month: monthOrNull,
  }),
  z.object({ report: z.literal('collections'), measure: z.enum(COLLECTIONS_MEASURES), currency: currencySchema, month: monthOrNull }),
  z.object({
    report: z.literal('performance'),
    measure: z.enum(PERFORMANCE_MEASURES),
    /** Only for 'collected'. */
    currency: currencySchema.nullable().default(null),
    /** null with `all: false`: the row of actions with no person; with `all: true`: the total row. */
    userId: z.string().min(1).max(64).nullable().default(null),
    all: z.boolean().default(false),
  }),
  z.object({
    report: z.literal('court'),
    measure: z.enum(COURT_MEASURES),
    /** Only for 'outstanding'. */
    currency: currencySchema.nullable().default(null),
    /** null: every court (the total); '' : cases with no court. */
    court: z.string().max(120).nullable().default(null),
  }),
  z.object({ report: z.literal('fees'), measure: z.enum(FEES_MEASURES), currency: currencySchema, clientId: clientOrNull }),
  z.object({
    report: z.literal('statement'),
    measure: z.enum(STATEMENT_MEASURES),
    currency: currencySchema,
    clientId: idSchema,
    stage: stageOrNull,
  }),
]);
export type DrillSpec = z.output<typeof drillSpecSchema>;
export type DrillSpecInput = z.input<typeof drillSpecSchema>;

/** A row's drill key: its spec without the measure (the column supplies it). */
type KeyOf<R extends DrillSpec['report']> = Omit<Extract<DrillSpec, { report: R }>, 'measure'>;
export type PipelineDrillKey = KeyOf<'pipeline'>;
export type AgingDrillKey = KeyOf<'aging'>;
export type RecoveryDrillKey = KeyOf<'recovery'>;
export type CollectionsDrillKey = KeyOf<'collections'>;
export type PerformanceDrillKey = KeyOf<'performance'>;
export type CourtDrillKey = KeyOf<'court'>;
export type FeesDrillKey = KeyOf<'fees'>;
export type StatementDrillKey = KeyOf<'statement'>;
/** Any row's drill key (the union of the above). */
export type DrillKey = DrillSpec extends infer S ? (S extends DrillSpec ? Omit<S, 'measure'> : never) : never;

/** The spec of one figure: a row's key and a column. */
export function drillSpec<K extends DrillKey>(key: K, measure: Extract<DrillSpec, { report: K['report'] }>['measure']): DrillSpec {
  // The key and the measure come from the same report (the type parameters say so); the union cannot see it.
  return { ...key, measure } as unknown as DrillSpec;
}

/** A case behind a figure, with what it contributes to it. */
export interface DrillRow {
  caseId: number;
  reference: string;
  clientReference: string;
  clientName: string;
  debtorName: string;
  stage: Stage;
  status: CaseStatus;
  instrumentType: InstrumentType;
  currency: string;
  claimMinor: number;
  paidMinor: number;
  balanceMinor: number;
  openedOn: string;
  dueDate: string | null;
  lawyerName: string | null;
  /** The case's part of the figure: 1 for a count of cases; the amount (minor) or number of events otherwise. */
  contribution: number;
}
export interface DrillResult extends Page<DrillRow> {
  /** Over every page: equals the figure drilled. */
  total: {
    cases: number;
    /** Sum of the contributions: the figure itself. */
    value: number;
    /** The figure's currency when it is an amount, else null. */
    currency: string | null;
  };
}

export const reportProcedures = {
  'reports.pipeline': proc<PipelineReport>()({ input: z.object({ filter: reportFilterSchema }), access: 'reports.own', kind: 'read' }),
  'reports.aging': proc<AgingReport>()({ input: z.object({ filter: reportFilterSchema }), access: 'reports.own', kind: 'read' }),
  /** reports.office and reports.money: the office; reports.own: the caller's cases (checked in the service). */
  'reports.recovery': proc<RecoveryReport>()({ input: z.object({ filter: reportFilterSchema }), access: 'session', kind: 'read' }),
  'reports.performance': proc<PerformanceReport>()({ input: z.object({ filter: reportFilterSchema }), access: 'reports.own', kind: 'read' }),
  'reports.court': proc<CourtReport>()({ input: z.object({ filter: reportFilterSchema }), access: 'reports.own', kind: 'read' }),
  'reports.fees': proc<FeesReport>()({ input: z.object({ filter: reportFilterSchema }), access: 'reports.money', kind: 'read' }),
  /** One client's portfolio: `filter.clientId` is required (validation.required on filter.clientId). */
  'reports.statement': proc<ClientStatement>()({
    input: z.object({ filter: reportFilterSchema }).superRefine((v, ctx) => {
      if (v.filter.clientId === null) ctx.addIssue({ code: 'custom', path: ['filter', 'clientId'], message: 'validation.required' });
    }),
    access: 'reports.money',
    kind: 'read',
  }),
  /** The cases behind a figure, keyset pages ordered by case id; permission as the spec's report. */
  'reports.drill': proc<DrillResult>()({
    input: pageSchema.extend({ filter: reportFilterSchema, spec: drillSpecSchema }),
    access: 'session',
    kind: 'read',
  }),
} as const;
