// One import or one export through the real router, in its own process so its peak RSS is the work's own.
// Run by bench/import.ts:
//   tsx bench/import-run.ts import --data DIR --password PW --client ID --file F   → { import_50k_s, import_peak_rss_mb, … }
//   tsx bench/import-run.ts export --data DIR --password PW                        → { export_100k_s, export_peak_rss_mb, … }
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../electron/core/app';
import type { ExportedFile, ImportFile } from '../electron/contract/procedures/imports';
import type { JobState } from '../electron/contract/procedures/letters';
import { call } from './factory/office';
import { round } from './stats';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const argv = process.argv.slice(2);
const mode = argv[0];
const arg = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const dir = arg('--data');
const password = arg('--password');
if (!dir || !password || (mode !== 'import' && mode !== 'export')) throw new Error('usage: import-run.ts import|export --data DIR --password PW …');

const core = openCore({ dataDir: resolve(dir), migrationsDir: resolve(root, 'db/migrations'), idleSweepMs: 0, backupCheckMs: 0 });
try {
  const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password });
  if (mode === 'import') {
    const file = arg('--file') ?? '';
    const bytes = readFileSync(file).toString('base64');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const opened = await call<ImportFile>(core, 'imports.open', { clientId: Number(arg('--client')), fileName: basename(file), contentBase64: bytes }, token);
    const t1 = performance.now();
    let job = await call<JobState>(core, 'imports.commit', { token: opened.token, mapping: opened.mapping, skipBadRows: false }, token);
    let validated = 0;
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = await call<JobState>(core, 'jobs.get', { id: job.id }, token);
      if (validated === 0 && job.done >= opened.rowCount) validated = performance.now();
    }
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    if (job.status !== 'done') throw new Error(`import ended ${job.status}: ${JSON.stringify(job.error)}`);
    console.log(
      JSON.stringify({
        import_50k_s: round(((t2 - t0) / 1000) * (50_000 / opened.rowCount), 2),
        import_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
        import_read_s: round((t1 - t0) / 1000, 2),
        import_validate_s: round(((validated || t2) - t1) / 1000, 2),
        import_write_s: round((t2 - (validated || t2)) / 1000, 2),
        // CPU time of this process for the same work: what the wall time would be on an otherwise idle core.
        import_cpu_s: round((cpu.user + cpu.system) / 1e6, 2),
        import_rows: opened.rowCount,
      }),
    );
  } else {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const f = await call<ExportedFile>(core, 'exports.cases', { format: 'xlsx', lang: 'ar', sort: 'reference', dir: 'asc' }, token);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify({
        export_100k_s: round(seconds * (100_000 / Math.max(1, f.rows)), 2),
        export_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
        export_rows: f.rows,
        export_measured_s: round(seconds, 2),
        export_cpu_s: round((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6, 2),
      }),
    );
  }
} finally {
  core.close();
}
