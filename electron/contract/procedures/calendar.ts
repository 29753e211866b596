// Tasks, hearings and the calendar (hearings, tasks and computed deadlines per day, Gregorian with Hijri beside it).
import { z } from 'zod';
import { proc } from '../procedure';
import { idSchema, isoDateSchema, optionalIsoDate, requiredText, text, versionSchema } from '../fields';
import { timeOfDaySchema } from '../schemas';
import type { CalendarDay, Deadline } from '../../domain/deadlines';
import type { Stage } from '../../domain/ladder';

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
/** manual; follow_up (a log entry's follow-up date); ladder (the case's expected next action); hearing (preparation). */
export const TASK_SOURCES = ['manual', 'follow_up', 'ladder', 'hearing'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const HEARING_TYPES = ['session', 'first_session', 'judgment', 'enforcement', 'other'] as const;
export type HearingType = (typeof HEARING_TYPES)[number];
export const HEARING_RESULTS = ['adjourned', 'judgment', 'settled', 'dismissed', 'other'] as const;
export type HearingResult = (typeof HEARING_RESULTS)[number];

/** Days of preparation before a hearing, counted in working days; the default is 2. */
export const DEFAULT_PREP_DAYS = 2;

const optionalTime = z.union([z.literal(''), timeOfDaySchema]).nullable().default(null).transform((v) => (v ? v : null));

export interface TaskRow {
  id: number;
  caseId: number | null;
  caseReference: string | null;
  debtorName: string | null;
  title: string;
  assigneeId: string;
  assigneeName: string;
  dueOn: string;
  dueTime: string | null;
  priority: TaskPriority;
  source: TaskSource;
  sourceId: number | null;
  doneAt: string | null;
  doneByName: string | null;
  notes: string;
  createdAt: string;
  version: number;
}

export interface HearingRow {
  id: number;
  caseId: number;
  caseReference: string;
  debtorName: string;
  court: string;
  circuit: string;
  onDate: string;
  atTime: string | null;
  type: HearingType;
  nonWorkingReason: string;
  result: HearingResult | null;
  resultNotes: string;
  judgmentOn: string | null;
  nextHearingId: number | null;
  createdAt: string;
  version: number;
}

/** A recorded result: the hearing as it is now, and when a next date was given the next hearing and its preparation task. */
export interface HearingResultOut {
  hearing: HearingRow;
  next: HearingRow | null;
  task: TaskRow | null;
}

/** A computed deadline with what the calendar shows beside it. */
export interface DeadlineRow extends Deadline {
  caseReference: string | null;
  debtorName: string | null;
  clientName: string | null;
}

export interface CalendarRange {
  days: CalendarDay[];
  hearings: HearingRow[];
  tasks: TaskRow[];
  deadlines: DeadlineRow[];
}

/** What a case's "create the next action as a task" offers: the text and date the ladder expects, and to whom. */
export interface LadderTaskOffer {
  title: string;
  stage: Stage;
  dueOn: string;
  assigneeId: string | null;
  /** An open task for this action exists already. */
  existingTaskId: number | null;
}

const taskFields = z.object({
  title: requiredText(200),
  caseId: idSchema.nullable().default(null),
  assigneeId: z.string().min(1, 'validation.required').max(64),
  dueOn: isoDateSchema,
  dueTime: optionalTime,
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  notes: text(2000).default(''),
});

/** Whose tasks: the caller's, one person's, or the whole office's. */
export const taskScopeSchema = z.union([z.literal('mine'), z.literal('office'), z.object({ userId: z.string().min(1).max(64) }).strict()]);
export type TaskScope = z.output<typeof taskScopeSchema>;

export const TASK_FILTERS = ['open', 'overdue', 'today', 'upcoming', 'done', 'all'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

const hearingFields = z.object({
  caseId: idSchema,
  court: text(120).default(''),
  circuit: text(60).default(''),
  onDate: isoDateSchema,
  atTime: optionalTime,
  type: z.enum(HEARING_TYPES).default('session'),
  /** Required when the date is a weekend day or an office holiday (courts do sit on some). */
  nonWorkingReason: text(300).default(''),
});

export const recordResultSchema = z.object({
  id: idSchema,
  version: versionSchema,
  result: z.enum(HEARING_RESULTS),
  notes: text(2000).default(''),
  nextDate: optionalIsoDate.default(null),
  nextTime: optionalTime,
  nextType: z.enum(HEARING_TYPES).default('session'),
  nextNonWorkingReason: text(300).default(''),
  judgmentOn: optionalIsoDate.default(null),
  prepDays: z.number().int().min(0, 'validation.min').max(30, 'validation.max').default(DEFAULT_PREP_DAYS),
});

export const calendarProcedures = {
  'tasks.create': proc<TaskRow>()({ input: taskFields, access: 'cases.write', kind: 'write' }),
  /** Edit or reassign; reassigning is audited with the assignee before and after. */
  'tasks.update': proc<TaskRow>()({ input: taskFields.omit({ caseId: true }).extend({ id: idSchema, version: versionSchema }), access: 'cases.write', kind: 'write' }),
  'tasks.complete': proc<TaskRow>()({ input: z.object({ id: idSchema, version: versionSchema }), access: 'cases.write', kind: 'write' }),
  'tasks.reopen': proc<TaskRow>()({ input: z.object({ id: idSchema, version: versionSchema }), access: 'cases.write', kind: 'write' }),
  /** Others' tasks are seen with dashboard.office, or when they are on cases the caller is assigned to. */
  'tasks.list': proc<TaskRow[]>()({
    input: z.object({
      scope: taskScopeSchema.default('mine'),
      filter: z.enum(TASK_FILTERS).default('open'),
      caseId: idSchema.nullable().default(null),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    access: 'cases.read',
    kind: 'read',
  }),
  'tasks.ladderOffer': proc<LadderTaskOffer>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  /** The case's expected next action (the ladder's text for the step due) as a task for its lawyer or paralegal. */
  'tasks.fromLadder': proc<TaskRow>()({ input: z.object({ caseId: idSchema }), access: 'cases.write', kind: 'write' }),

  'hearings.create': proc<HearingRow>()({ input: hearingFields, access: 'cases.write', kind: 'write' }),
  /** A result with a next date creates the next hearing (same court and circuit) and its preparation task, in one transaction. */
  'hearings.recordResult': proc<HearingResultOut>()({ input: recordResultSchema, access: 'cases.write', kind: 'write' }),
  'hearings.forCase': proc<HearingRow[]>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  'hearings.list': proc<HearingRow[]>()({ input: z.object({ from: isoDateSchema, to: isoDateSchema }), access: 'cases.read', kind: 'read' }),

  /** Days (Hijri, weekend, holiday) with hearings, tasks and deadlines: one person's (default the caller's) or the office's. */
  'calendar.range': proc<CalendarRange>()({
    input: z.object({
      from: isoDateSchema,
      to: isoDateSchema,
      userId: z.string().min(1).max(64).nullable().default(null),
      office: z.boolean().default(false),
    }),
    access: 'cases.read',
    kind: 'read',
  }),
} as const;
