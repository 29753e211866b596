// reports.exportPdf / reports.exportXlsx: the report through its own service (so its permission and scope apply), as the
// neutral model, written by the PDF engine or exceljs; each export is audited, since the copy leaves the encrypted store.
import { procedures, roleHas } from '../../../contract';
import type { ExportableReport, ReportFile } from '../../../contract/procedures/report-exports';
import type { ReportFilter } from '../../../contract/procedures/reports';
import type { Ctx, Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import { letterDocumentOptions } from '../../letters/compose';
import type { ReportDocumentModel, ReportFilterLine, ReportSection } from '../../exports/model';
import { reportPdf } from '../../exports/pdf';
import { reportWorkbook } from '../../exports/xlsx';
import { letterDigits } from '../letters/rows';
import { pipelineReport } from '../reports/pipeline';
import { agingReport } from '../reports/aging';
import { recoveryReport } from '../reports/recovery';
import { performanceReport } from '../reports/performance';
import { courtReport } from '../reports/court';
import { feesReport } from '../reports/fees';
import { clientStatement } from '../reports/statement';
import { agingSections, feesSections, pipelineSections, recoverySections } from './models';
import { courtSections, performanceSections, statementClientName, statementSections } from './models-more';
import { wordsFor, type Lang, type Words } from './words';
import { getClient } from '../../../../db/queries/parties';
import { findUserById } from '../../../../db/queries/users';
import { getOffice } from '../../../../db/queries/office';

type ReportExportHandlers = Pick<Handlers, 'reports.exportPdf' | 'reports.exportXlsx'>;

interface Built {
  sections: ReportSection[];
  title: string;
  /** Reports of "now" (court) print their window instead of the period. */
  period: boolean;
  extraLines: ReportFilterLine[];
  scope: 'office' | 'own';
  fileTag: string;
}

/** Runs the report through its service: the service checks the caller's scope and refuses what they may not see. */
function build(ctx: Ctx, W: Words, report: ExportableReport, filter: ReportFilter): Built {
  const t = W.w.r.titles;
  const base = { period: true, extraLines: [] as ReportFilterLine[], fileTag: report };
  switch (report) {
    case 'pipeline': {
      const r = pipelineReport(ctx, filter);
      return { ...base, title: t.pipeline, sections: pipelineSections(W, r), scope: r.scope };
    }
    case 'aging': {
      const r = agingReport(ctx, filter);
      return { ...base, title: t.aging, sections: agingSections(W, r), scope: r.scope, extraLines: [{ label: W.w.r.filter_line.as_of, value: W.date(filter.to) }] };
    }
    case 'recovery': {
      const r = recoveryReport(ctx, filter);
      return { ...base, title: t.recovery, sections: recoverySections(W, r), scope: r.scope };
    }
    case 'performance': {
      const r = performanceReport(ctx, filter);
      return { ...base, title: t.performance, sections: performanceSections(W, r), scope: r.scope };
    }
    case 'court': {
      const r = courtReport(ctx, filter);
      return {
        ...base,
        period: false,
        title: t.court,
        sections: courtSections(W, r),
        scope: r.scope,
        extraLines: [{ label: W.w.r.filter_line.ahead, value: `${W.date(r.ahead.from)} – ${W.date(r.ahead.to)}` }],
      };
    }
    case 'fees': {
      const r = feesReport(ctx, filter);
      return { ...base, title: t.fees, sections: feesSections(W, r), scope: r.scope };
    }
    case 'statement': {
      const r = clientStatement(ctx, filter);
      return { ...base, title: `${t.statement} — ${statementClientName(W, r)}`, sections: statementSections(W, r), scope: r.scope, fileTag: `statement-${r.client.id}` };
    }
  }
}

/** What the filter chose, in words: only the filters that narrow the report. */
function filterLines(ctx: Ctx, W: Words, filter: ReportFilter, scope: 'office' | 'own'): ReportFilterLine[] {
  const db = ctx.db();
  const L = W.w.r.filter_line;
  const lines: ReportFilterLine[] = [];
  if (filter.clientId !== null) {
    const client = getClient(db, filter.clientId);
    if (client) lines.push({ label: L.client, value: W.lang === 'en' && client.nameEn.trim() !== '' ? client.nameEn : client.nameAr });
  }
  if (filter.assigneeId !== null) {
    const user = findUserById(db, filter.assigneeId);
    if (user) lines.push({ label: L.assignee, value: user.displayName });
  }
  const list = (map: Record<string, unknown>, codes: readonly string[]): string => codes.map((code) => W.label(map, code)).join(W.lang === 'ar' ? '، ' : ', ');
  if (filter.instrumentTypes.length > 0) lines.push({ label: L.instruments, value: list(W.w.cases.instruments, filter.instrumentTypes) });
  if (filter.stages.length > 0) lines.push({ label: L.stages, value: list(W.w.cases.stages, filter.stages) });
  if (filter.statuses.length > 0) lines.push({ label: L.statuses, value: list(W.w.cases.statuses, filter.statuses) });
  if (filter.currency !== null) lines.push({ label: L.currency, value: filter.currency });
  if (scope === 'own') lines.push({ label: L.scope, value: W.fill(L.scope_own, { name: ctx.user?.displayName ?? '' }) });
  return lines;
}

/** The report's own procedure's permission, checked here as the router would have checked it. */
function requireAccess(ctx: Ctx, report: ExportableReport): void {
  const user = ctx.user;
  if (!user) throw new CoreError('auth.required', 'Sign in first');
  const access = procedures[`reports.${report}`].access;
  if (access !== 'session' && access !== 'public' && access !== 'locked' && !roleHas(user.role, access)) {
    throw new CoreError('permission.denied', `The role ${user.role} may not export the ${report} report`);
  }
}

async function exportReport(ctx: Ctx, input: { report: ExportableReport; filter: ReportFilter; lang: Lang }, format: 'pdf' | 'xlsx'): Promise<ReportFile> {
  requireAccess(ctx, input.report);
  const digits = letterDigits(ctx);
  const W = wordsFor(input.lang, digits);
  const built = build(ctx, W, input.report, input.filter);
  const model: ReportDocumentModel = {
    lang: input.lang,
    digits,
    title: built.title,
    ...(built.period ? { period: { from: input.filter.from, to: input.filter.to } } : {}),
    filters: [...filterLines(ctx, W, input.filter, built.scope), ...built.extraLines],
    generatedAt: ctx.core.now().toISOString(),
    sections: built.sections,
  };
  const bytes =
    format === 'pdf'
      ? await reportPdf(model, { document: letterDocumentOptions(getOffice(ctx.db()), input.lang, digits) })
      : await reportWorkbook(model);
  const fileName = `${built.fileTag}-${input.filter.from}-${input.filter.to}.${format}`;
  ctx.write(() => ({
    result: null,
    audit: { entity: 'report', entityId: input.report, after: { exported: fileName, format, lang: input.lang, filter: input.filter, bytes: bytes.length } },
  }));
  return {
    fileName,
    mime: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

export const reportExportHandlers: ReportExportHandlers = {
  'reports.exportPdf': (ctx, input) => exportReport(ctx, input, 'pdf'),
  'reports.exportXlsx': (ctx, input) => exportReport(ctx, input, 'xlsx'),
};
