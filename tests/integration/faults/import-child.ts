// A child process that imports a placement file into a real encrypted data folder until the test kills it (SIGKILL):
//   tsx import-child.ts DIR PASSWORD CLIENT_ID FILE
// It prints `ready ROWS` when the commit starts, `progress DONE TOTAL` as the job reports (the second half of the total
// is the commit's one transaction), and `finished STATUS` at the end.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../../electron/core/app';
import type { ImportFile } from '../../../electron/contract/procedures/imports';
import type { JobState } from '../../../electron/contract/procedures/letters';
import { call } from '../../../bench/factory/office';

const migrationsDir = resolve(fileURLToPath(import.meta.url), '../../../../db/migrations');
const [dir, password, clientId, file] = process.argv.slice(2);
if (!dir || !password || !clientId || !file) throw new Error('usage: import-child.ts DIR PASSWORD CLIENT_ID FILE');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const core = openCore({ dataDir: dir, migrationsDir, idleSweepMs: 0, backupCheckMs: 0 });
const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password });
const opened = await call<ImportFile>(core, 'imports.open', { clientId: Number(clientId), fileName: basename(file), contentBase64: readFileSync(file).toString('base64') }, token);
core.onEvent((e) => {
  const job = e.job as JobState | undefined;
  if (e.type === 'job.progress' && job) say(`progress ${job.done} ${job.total}`);
});
const started = await call<JobState>(core, 'imports.commit', { token: opened.token, mapping: opened.mapping, skipBadRows: false }, token);
say(`ready ${opened.rowCount}`);
let job = started;
while (job.status === 'running') {
  await new Promise((r) => setTimeout(r, 5));
  job = await call<JobState>(core, 'jobs.get', { id: started.id }, token);
}
core.close();
say(`finished ${job.status}`);
