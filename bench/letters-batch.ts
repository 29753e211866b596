// One batch of formal demands through the real router, in its own process so its peak RSS is the batch's own.
// Run by bench/letters.ts: tsx bench/letters-batch.ts --data DIR --password PW [--count 1000]
// Prints one JSON line: { letters_batch_1000_s, letters_batch_cpu_s, letters_batch_peak_rss_mb, letter_preview_ms, letters: N }.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../electron/core/app';
import type { BatchCheck, JobState, LetterPreview } from '../electron/contract/procedures/letters';
import { call } from './factory/office';
import { median, round } from './stats';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => argv[argv.indexOf(name) + 1];
const dir = arg('--data');
const password = arg('--password');
const count = Number(arg('--count') ?? 1000);
if (!dir || !password) throw new Error('--data and --password are required');

const core = openCore({ dataDir: resolve(dir), migrationsDir: resolve(root, 'db/migrations'), idleSweepMs: 0 });
try {
  const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password });
  // Active cases, a page at a time as the list gives them, then the batch check keeps those a demand can go to
  // (a debtor with an address): what an office selects before printing.
  const candidates: number[] = [];
  let cursor: string | null = null;
  while (candidates.length < count * 1.2) {
    const page: { rows: { id: number }[]; nextCursor: string | null } = await call(core, 'cases.list', { filter: { statuses: ['active'] }, limit: 200, cursor }, token);
    candidates.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const check = await call<BatchCheck>(core, 'letters.batchCheck', { selection: { caseIds: candidates }, kind: 'demand', lang: 'ar' }, token);
  const caseIds = check.ready.slice(0, count).map((r) => r.caseId);
  if (caseIds.length < count) throw new Error(`only ${caseIds.length} printable cases; seed more`);

  const previews: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    await call<LetterPreview>(core, 'templates.preview', { kind: 'demand', lang: 'ar', caseId: caseIds[i % caseIds.length] }, token);
    if (i > 0) previews.push(performance.now() - t0); // the first one loads the fonts
  }

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const started = await call<JobState>(core, 'letters.batchStart', { caseIds, kind: 'demand', lang: 'ar' }, token);
  let job = started;
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = await call<JobState>(core, 'jobs.get', { id: started.id }, token);
  }
  const seconds = (performance.now() - t0) / 1000;
  // The process's CPU time (all its threads) over the batch: on a shared machine the wall time says little.
  const cpu = process.cpuUsage(cpu0);
  if (job.status !== 'done' || job.result?.count !== count) throw new Error(`batch ended ${job.status}: ${JSON.stringify(job.error)}`);
  console.log(
    JSON.stringify({
      letters_batch_1000_s: round(seconds * (1000 / count), 2),
      letters_batch_cpu_s: round(((cpu.user + cpu.system) / 1e6) * (1000 / count), 2),
      letters_batch_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
      letter_preview_ms: round(median(previews), 1),
      letters_ms_per_letter: round((seconds * 1000) / count, 2),
    }),
  );
} finally {
  core.close();
}
