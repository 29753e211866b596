// The stage ladder's vocabulary (stages, statuses, instruments, guard codes), its configuration with DOMAIN.md's defaults, and validation of a stored configuration.
import { isIsoDate } from './dates';

export const STAGES = ['intake', 'reminder', 'follow_up', 'final_notice', 'demand', 'litigation', 'enforcement', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const CASE_STATUSES = ['active', 'on_hold', 'disputed', 'settled', 'closed_paid', 'closed_uncollectable', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses that end a case: only the move to the 'closed' stage is left (see checkMove). */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['settled', 'closed_paid', 'closed_uncollectable', 'withdrawn'];
/** Statuses under which a case is not escalated (DOMAIN.md: "disputed, on hold … is not proposed for escalation"). */
export const BLOCKING_STATUSES: readonly CaseStatus[] = ['on_hold', 'disputed'];

export const INSTRUMENT_TYPES = [
  'invoice',
  'contract',
  'loan',
  'cheque',
  'promissory_note',
  'judgment',
  'notarised_contract',
  'settlement_minute',
] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

/** Instruments the Enforcement Court executes without a prior judgment (Enforcement Law art. 9). */
export const EXECUTIVE_INSTRUMENTS: readonly InstrumentType[] = ['cheque', 'promissory_note', 'judgment', 'notarised_contract', 'settlement_minute'];

/** Whether the instrument can go from demand straight to the Enforcement Court, skipping litigation. */
export function isExecutiveInstrument(t: InstrumentType): boolean {
  return EXECUTIVE_INSTRUMENTS.includes(t);
}

/** Whether a status ends the case (settled, closed-paid, closed-uncollectable, withdrawn). */
export function isClosedStatus(status: CaseStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

export type PeriodUnit = 'calendar' | 'working';
export interface Period {
  days: number;
  unit: PeriodUnit;
}

export interface LadderStage {
  stage: Stage;
  nameAr: string;
  nameEn: string;
  /** Days after the case opened when this stage is expected. */
  dayOffset: number;
  nextActionAr: string;
  nextActionEn: string;
}

export interface LadderConfig {
  /** Order = the ladder order; every stage exactly once, 'intake' first, 'closed' last (see validateLadderConfig). */
  stages: LadderStage[];
  /** Notice delivered → claim may be filed (Commercial Courts Law art. 19). */
  preFilingNotice: Period;
  /** Demand delivered → performance order (أمر الأداء) may be requested; also the wait before an execution request. */
  performanceOrderDemand: Period;
  /** Notice of the execution order → art. 46 sanctions may be requested (Enforcement Law art. 34). */
  enforcementObjection: Period;
  appealWindow: Period;
  limitationYears: number;
  limitationWarnDays: number;
  /** The new Enforcement Law's force date: from it, unregistered notes are not executive. */
  noteRegistrationCutoff: string;
  /** Unregistered notes issued before the cutoff stay enforceable this many days from it. */
  noteTransitionDays: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekend: readonly number[];
  holidays: readonly string[];
}

/** Everything the ladder needs to know about one case. */
export interface CaseFacts {
  stage: Stage;
  status: CaseStatus;
  instrumentType: InstrumentType;
  /** ISO date the case was opened: ladder day offsets count from it. */
  openedOn: string;
  /** ISO date of the last move. */
  stageEnteredOn: string;
  /** When the debt fell due: limitation runs from here. */
  dueDate: string | null;
  /** Pre-filing notice (إخطار) delivered. */
  noticeDeliveredOn: string | null;
  /** Formal demand (إنذار) delivered. */
  demandDeliveredOn: string | null;
  /** Promissory notes: registered on the national e-platform; null = not known, treated as not registered. */
  noteRegistered: boolean | null;
  instrumentIssuedOn: string | null;
  /** A judgment was recorded in litigation. */
  hasJudgment: boolean;
  /** A payment plan in good standing: DOMAIN.md says such a case is not proposed for escalation. Optional; absent = no. */
  hasActivePaymentPlan?: boolean;
}

export type GuardCode =
  | 'case_closed'
  | 'status_blocks'
  | 'same_stage'
  | 'not_next_step'
  | 'notice_missing'
  | 'notice_wait'
  | 'demand_missing'
  | 'demand_wait'
  | 'not_executive'
  | 'note_unregistered'
  | 'judgment_missing';

export interface GuardFailure {
  code: GuardCode;
  /** A partner may override with a recorded reason; false only for case_closed and same_stage. */
  overridable: boolean;
  /** Values for the translated message, e.g. { earliest: '2026-12-07', delivered: '2026-11-22', days: 15, unit: 'calendar' }. */
  params: Record<string, string | number>;
}

/** Guards nobody overrides: a closed case must be reopened by a status change, and a move to the same stage is no move. */
export function isOverridableGuard(code: GuardCode): boolean {
  return code !== 'case_closed' && code !== 'same_stage';
}

function stage(
  s: Stage,
  nameAr: string,
  nameEn: string,
  dayOffset: number,
  nextActionAr: string,
  nextActionEn: string,
): LadderStage {
  return { stage: s, nameAr, nameEn, dayOffset, nextActionAr, nextActionEn };
}

/** DOMAIN.md's defaults. Every period is in calendar days as the statutes count them. */
export const DEFAULT_LADDER: LadderConfig = {
  stages: [
    stage('intake', 'استلام', 'Intake', 0, 'التحقق من بيانات الملف وإرفاق المستندات', 'Check the file data and attach the documents'),
    stage('reminder', 'تذكير ودي', 'Friendly reminder', 0, 'إرسال تذكير ودي بالاتصال أو الرسالة النصية أو البريد الإلكتروني أو الخطاب', 'Send a friendly reminder by call, SMS, e-mail or letter'),
    stage('follow_up', 'متابعة', 'Follow-up', 7, 'الاتصال بالمدين ومتابعة وعود السداد أو الاتفاق على خطة تقسيط', 'Call the debtor, chase promises to pay or agree a payment plan'),
    stage('final_notice', 'إشعار نهائي', 'Final notice', 30, 'إرسال الإشعار النهائي قبل اتخاذ الإجراءات النظامية', 'Send the final notice before legal action'),
    stage('demand', 'إنذار / إخطار رسمي', 'Formal demand', 45, 'تسليم الإنذار الرسمي والإخطار السابق لرفع الدعوى وتسجيل تاريخ التسليم', 'Deliver the formal demand and the pre-filing notice, and record the delivery date'),
    stage('litigation', 'التقاضي', 'Litigation', 60, 'قيد الدعوى أو طلب أمر الأداء في ناجز ومتابعة الجلسات حتى صدور الحكم', 'File the claim or performance-order request on Najiz and follow the hearings to judgment'),
    stage('enforcement', 'التنفيذ', 'Enforcement', 60, 'تقديم طلب التنفيذ لدى محكمة التنفيذ ثم طلب إجراءات المادة 46 بعد انقضاء المهلة', 'File the execution request at the Enforcement Court, then request the art. 46 measures once the period has passed'),
    stage('closed', 'مغلق', 'Closed', 0, 'تسوية حساب الموكل وإرسال كشف التحويل وأرشفة الملف', 'Settle the client ledger, send the remittance statement and archive the file'),
  ],
  preFilingNotice: { days: 15, unit: 'calendar' },
  performanceOrderDemand: { days: 5, unit: 'calendar' },
  enforcementObjection: { days: 5, unit: 'calendar' },
  appealWindow: { days: 30, unit: 'calendar' },
  limitationYears: 5,
  limitationWarnDays: 90,
  noteRegistrationCutoff: '2026-10-28',
  noteTransitionDays: 365,
  weekend: [5, 6],
  holidays: [],
};

const PERIOD_KEYS = ['preFilingNotice', 'performanceOrderDemand', 'enforcementObjection', 'appealWindow'] as const;
/** The legal tail is fixed by law: demand, then litigation, then enforcement, right before 'closed'. */
const LEGAL_TAIL: readonly Stage[] = ['demand', 'litigation', 'enforcement', 'closed'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isStage(v: unknown): v is Stage {
  return typeof v === 'string' && (STAGES as readonly string[]).includes(v);
}

function stageProblems(stages: unknown): string[] {
  if (!Array.isArray(stages)) return ['stages: must be a list'];
  const problems: string[] = [];
  const seen: Stage[] = [];
  stages.forEach((entry: unknown, i) => {
    const at = `stages[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    if (!isStage(entry.stage)) problems.push(`${at}.stage: unknown stage ${JSON.stringify(entry.stage)}`);
    else if (seen.includes(entry.stage)) problems.push(`${at}.stage: duplicate stage "${entry.stage}"`);
    else seen.push(entry.stage);
    for (const key of ['nameAr', 'nameEn'] as const) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') problems.push(`${at}.${key}: must be a non-empty text`);
    }
    for (const key of ['nextActionAr', 'nextActionEn'] as const) {
      if (typeof entry[key] !== 'string') problems.push(`${at}.${key}: must be a text`);
    }
    if (!isNonNegativeInt(entry.dayOffset)) problems.push(`${at}.dayOffset: must be a whole number of days, 0 or more`);
  });
  for (const s of STAGES) if (!seen.includes(s)) problems.push(`stages: missing stage "${s}"`);
  if (problems.length > 0) return problems;

  // From here every stage appears once: check the order the routes rely on.
  const order = stages as LadderStage[];
  if (order[0]?.stage !== 'intake') problems.push('stages: "intake" must be first');
  const tail = order.slice(-LEGAL_TAIL.length).map((s) => s.stage);
  if (tail.join() !== LEGAL_TAIL.join()) problems.push('stages: must end with "demand", "litigation", "enforcement", "closed" in that order');
  // Offsets must not go back along the ladder, or a later stage would fall due before an earlier one ('closed' has none).
  const open = order.filter((s) => s.stage !== 'closed');
  for (let i = 1; i < open.length; i += 1) {
    const prev = open[i - 1];
    const cur = open[i];
    if (prev && cur && cur.dayOffset < prev.dayOffset) {
      problems.push(`stages: "${cur.stage}" day ${cur.dayOffset} comes before "${prev.stage}" day ${prev.dayOffset}`);
    }
  }
  return problems;
}

function periodProblems(name: string, v: unknown): string[] {
  if (!isRecord(v)) return [`${name}: must be an object with days and unit`];
  const problems: string[] = [];
  if (!isNonNegativeInt(v.days)) problems.push(`${name}.days: must be a whole number of days, 0 or more`);
  if (v.unit !== 'calendar' && v.unit !== 'working') problems.push(`${name}.unit: must be "calendar" or "working"`);
  return problems;
}

/** Problems with a (stored, possibly hand-edited) ladder configuration, one readable line each; empty = valid. */
export function validateLadderConfig(c: unknown): string[] {
  if (!isRecord(c)) return ['ladder configuration: must be an object'];
  const problems = stageProblems(c.stages);
  for (const key of PERIOD_KEYS) problems.push(...periodProblems(key, c[key]));
  if (!isNonNegativeInt(c.limitationYears) || c.limitationYears === 0) problems.push('limitationYears: must be a whole number of years, 1 or more');
  if (!isNonNegativeInt(c.limitationWarnDays)) problems.push('limitationWarnDays: must be a whole number of days, 0 or more');
  if (typeof c.noteRegistrationCutoff !== 'string' || !isIsoDate(c.noteRegistrationCutoff)) {
    problems.push('noteRegistrationCutoff: must be a date (YYYY-MM-DD)');
  }
  if (!isNonNegativeInt(c.noteTransitionDays)) problems.push('noteTransitionDays: must be a whole number of days, 0 or more');
  if (!Array.isArray(c.weekend)) problems.push('weekend: must be a list of weekdays (0 = Sunday … 6 = Saturday)');
  else {
    const days: unknown[] = c.weekend;
    if (days.some((d) => !isNonNegativeInt(d) || d > 6)) problems.push('weekend: each day must be 0 (Sunday) … 6 (Saturday)');
    if (new Set(days).size !== days.length) problems.push('weekend: a day is listed twice');
    // addWorkingDays could never finish without a working day.
    if (new Set(days).size >= 7) problems.push('weekend: cannot cover all seven days');
  }
  if (!Array.isArray(c.holidays)) problems.push('holidays: must be a list of dates');
  else {
    const days: unknown[] = c.holidays;
    days.forEach((d, i) => {
      if (typeof d !== 'string' || !isIsoDate(d)) problems.push(`holidays[${i}]: must be a date (YYYY-MM-DD)`);
    });
  }
  return problems;
}

/** Type guard over validateLadderConfig. */
export function isLadderConfig(c: unknown): c is LadderConfig {
  return validateLadderConfig(c).length === 0;
}

/** The configured entry of one stage; throws if the configuration lacks it (validate stored configurations first). */
export function ladderStage(s: Stage, config: LadderConfig = DEFAULT_LADDER): LadderStage {
  const found = config.stages.find((x) => x.stage === s);
  if (!found) throw new RangeError(`Ladder configuration has no stage "${s}"`);
  return found;
}

/** The only stages a configuration may reorder (between 'intake' and 'demand'); for the settings form. */
export const REORDERABLE_STAGES: readonly Stage[] = ['reminder', 'follow_up', 'final_notice'];
