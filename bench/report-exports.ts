// Report export metrics: `report_pdf_s` and `report_xlsx_s` — the full client statement of the largest client (the last
// five years: everything the seed gives it) exported through the router (reports.exportPdf / reports.exportXlsx: the
// statement's figures, the neutral model, the PDF engine or exceljs, base64 and the audit entry), median of 3 after a
// warm-up. Each export adds an audit entry (a reused --data office keeps them).
import type { CoreApp } from '../electron/core/app';
import { addDays, addYears } from '../electron/domain/dates';
import { call } from './factory/office';
import { median, round, timed } from './stats';

export async function reportExportMetrics(core: CoreApp, token: string, clientId: number, today: string): Promise<Record<string, number>> {
  const filter = { from: addDays(addYears(today, -5), 1), to: today, clientId };
  const out: Record<string, number> = {};
  for (const [metric, name] of [
    ['report_pdf_s', 'reports.exportPdf'],
    ['report_xlsx_s', 'reports.exportXlsx'],
  ] as const) {
    let bytes = 0;
    const run = async (): Promise<number> => {
      const r = await timed(() => call<{ contentBase64: string }>(core, name, { report: 'statement', filter, lang: 'ar' }, token));
      bytes = r.value.contentBase64.length;
      return r.ms;
    };
    await run();
    const ms = [await run(), await run(), await run()];
    out[metric] = round(median(ms) / 1000, 2);
    out[`${metric.replace(/_s$/, '')}_kb`] = Math.round((bytes * 3) / 4 / 1024);
  }
  return out;
}
