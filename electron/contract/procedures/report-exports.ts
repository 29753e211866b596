// A partner report exported to PDF (through the app's engine) or Excel; audited, since the copy leaves the encrypted store.
import { z } from 'zod';
import { proc } from '../procedure';
import { langSchema } from '../schemas';
import { reportFilterSchema } from './reports';

/** The reports that can be exported (collections travel with recovery). */
export const EXPORTABLE_REPORTS = ['pipeline', 'aging', 'recovery', 'performance', 'court', 'fees', 'statement'] as const;
export type ExportableReport = (typeof EXPORTABLE_REPORTS)[number];

export interface ReportFile {
  fileName: string;
  mime: string;
  contentBase64: string;
}

const reportExportInput = z.object({
  report: z.enum(EXPORTABLE_REPORTS),
  filter: reportFilterSchema,
  /** The document's language: labels, direction (a right-to-left sheet, an Arabic PDF) and the dates' wording. */
  lang: langSchema.default('ar'),
});
export type ReportExportInput = z.input<typeof reportExportInput>;

/**
 * Who may export a report is who may see it: the report's own procedure's permission and the service's scope
 * (reports.office the office, reports.own only their cases, reports.money the money reports); refused with
 * permission.denied otherwise. A write, so each export leaves an audit entry (report, format, filter, file name).
 */
export const reportExportProcedures = {
  'reports.exportPdf': proc<ReportFile>()({ input: reportExportInput, access: 'session', kind: 'write' }),
  'reports.exportXlsx': proc<ReportFile>()({ input: reportExportInput, access: 'session', kind: 'write' }),
} as const;
