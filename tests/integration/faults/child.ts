// A child process that works on a real encrypted data folder until the test kills it (SIGKILL):
//   tsx child.ts backup  DIR PASSWORD FOLDER [KILL_AT]  — one backup, printing `step N` when it starts its copy (0)
//                        and after each of its steps; with KILL_AT (`step N`) it SIGKILLs itself as it prints that
//                        line: the backup's work runs in a worker thread that goes on meanwhile, so a kill from the
//                        parent would land a moment later than the line says
//   tsx child.ts letters DIR PASSWORD COUNT    — a batch of COUNT demands, printing `progress DONE TOTAL`
// It prints `ready` when the work starts and `finished` when it is done; the parent decides when to kill it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../../electron/core/app';
import { openVault } from '../../../electron/core/vault';
import { runBackup } from '../../../electron/core/backups/run';
import type { BatchCheck, JobState } from '../../../electron/contract/procedures/letters';
import { call } from '../../../bench/factory/office';

const migrationsDir = resolve(fileURLToPath(import.meta.url), '../../../../db/migrations');
const [mode, dir, password, extra, killAt] = process.argv.slice(2);
if (!mode || !dir || !password || !extra) throw new Error('usage: child.ts backup|letters DIR PASSWORD FOLDER|COUNT');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

if (mode === 'backup') {
  const vault = openVault(dir, migrationsDir);
  if (!(await vault.unlock('partner', password))) throw new Error('wrong password');
  say('ready');
  await runBackup({
    vault,
    kind: 'manual',
    now: new Date(),
    progress: (done) => {
      say(`step ${done}`);
      // The whole process, its worker thread with it.
      if (`step ${done}` === killAt) process.kill(process.pid, 'SIGKILL');
    },
  });
  vault.close();
  say('finished');
} else if (mode === 'letters') {
  const core = openCore({ dataDir: dir, migrationsDir, idleSweepMs: 0, backupCheckMs: 0 });
  const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password });
  const ids = (await call<{ rows: { id: number }[] }>(core, 'cases.list', { filter: { statuses: ['active'] }, limit: 200 }, token)).rows.map((r) => r.id);
  const check = await call<BatchCheck>(core, 'letters.batchCheck', { selection: { caseIds: ids }, kind: 'demand', lang: 'ar' }, token);
  const caseIds = check.ready.slice(0, Number(extra)).map((r) => r.caseId);
  if (caseIds.length < Number(extra)) throw new Error(`only ${caseIds.length} printable cases`);
  core.onEvent((e) => {
    const job = e.job as JobState | undefined;
    if (e.type === 'job.progress' && job) say(`progress ${job.done} ${job.total}`);
  });
  const started = await call<JobState>(core, 'letters.batchStart', { caseIds, kind: 'demand', lang: 'ar' }, token);
  say(`ready ${caseIds.length}`);
  let job = started;
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 5));
    job = await call<JobState>(core, 'jobs.get', { id: started.id }, token);
  }
  core.close();
  say(`finished ${job.status}`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
