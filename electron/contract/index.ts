// The one contract: every procedure the renderer can call, over IPC or HTTP.
import type { z } from 'zod';
import { authProcedures } from './procedures/auth';
import { reportProcedures } from './procedures/reports';
import { officeProcedures } from './procedures/office';
import { partyProcedures } from './procedures/parties';
import { caseProcedures } from './procedures/cases';
import { documentProcedures } from './procedures/documents';
import { letterProcedures } from './procedures/letters';
import { promiseProcedures } from './procedures/promises';
import { dashboardProcedures } from './procedures/dashboard';
import { calendarProcedures } from './procedures/calendar';
import { activityProcedures } from './procedures/activity';
import { reportExportProcedures } from './procedures/report-exports';
import { paymentProcedures } from './procedures/payments';
import { importProcedures } from './procedures/imports';
import { ledgerProcedures } from './procedures/ledger';
import { planProcedures } from './procedures/plans';
import { settlementProcedures } from './procedures/settlements';
import { backupProcedures } from './procedures/backups';
import { privacyProcedures } from './procedures/privacy';
import type { ProcedureDef } from './procedure';

export const procedures = {
  ...authProcedures,
  ...reportProcedures,
  ...officeProcedures,
  ...partyProcedures,
  ...caseProcedures,
  ...documentProcedures,
  ...letterProcedures,
  ...promiseProcedures,
  ...dashboardProcedures,
  ...calendarProcedures,
  ...activityProcedures,
  ...reportExportProcedures,
  ...paymentProcedures,
  ...importProcedures,
  ...ledgerProcedures,
  ...planProcedures,
  ...settlementProcedures,
  ...backupProcedures,
  ...privacyProcedures,
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type InputOf<N extends ProcedureName> = z.input<Procedures[N]['input']>;
export type ParsedInputOf<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type OutputOf<N extends ProcedureName> = Procedures[N] extends ProcedureDef<z.ZodType, infer O> ? O : never;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}

export * from './result';
export * from './roles';
export type { Access, ProcedureDef } from './procedure';
