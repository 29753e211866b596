// Kill test for imports: a child process (tsx) commits an 8,000-row placement file into a real encrypted data folder and
// is SIGKILLed inside the commit's transaction; reopened, integrity_check is ok, nothing of the import is present (no
// case, debtor, index entry, reference number or import record), and the same file imports in full afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { call, seedOffice } from '../../../bench/factory/office';
import { openCore } from '../../../electron/core/app';
import { openVault } from '../../../electron/core/vault';
import type { ImportFile } from '../../../electron/contract/procedures/imports';
import type { JobState } from '../../../electron/contract/procedures/letters';
import { makeNationalId } from '../../../electron/domain/validators';
import { MIGRATIONS, PASSWORD, tempDir } from '../../fixtures/core';
import { runChild as runScript, type ChildEnd } from './run-child';

const CHILD = resolve(import.meta.dirname, 'import-child.ts');
const ROWS = 8_000;
const dir = tempDir('tahseel-import-kill-');
const file = join(dir, 'placement-8k.csv');
let clientId: number;

function runChild(kill: (line: string) => boolean): Promise<ChildEnd> {
  return runScript(CHILD, [dir, PASSWORD, String(clientId), file], kill);
}

const TABLES = ['cases', 'parties', 'imports', 'import_items', 'search_index', 'stage_moves', 'case_parties', 'import_mappings'] as const;

async function state(): Promise<{ integrity: string; counts: Record<string, number>; counter: number }> {
  const vault = openVault(dir, MIGRATIONS);
  if (!(await vault.unlock('partner', PASSWORD))) throw new Error('unlock failed');
  try {
    const { sqlite } = vault.current();
    const n = (q: string): number => (sqlite.prepare(q).get() as { n: number | null }).n ?? 0;
    return {
      integrity: (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join(','),
      counts: Object.fromEntries(TABLES.map((t) => [t, n(`SELECT count(*) AS n FROM ${t}`)])),
      counter: n('SELECT max(last_seq) AS n FROM reference_counters'),
    };
  } finally {
    vault.close();
  }
}

beforeAll(async () => {
  const core = openCore({ dataDir: dir, migrationsDir: MIGRATIONS, idleSweepMs: 0, backupCheckMs: 0 });
  const { partnerToken } = await seedOffice(core, { password: PASSWORD });
  clientId = (await call<{ id: number }>(core, 'clients.create', { kind: 'company', nameAr: 'بنك الاختبار', crNumber: '1010555555' }, partnerToken)).id;
  core.close();
  const lines = ['اسم المدين,رقم الهوية,الجوال,المبلغ,رقم الحساب,تاريخ الاستحقاق'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`مدين رقم ${i} بن عبدالله الحربي,${makeNationalId('1', 50_000_000 + i)},05${String(10_000_000 + i).padStart(8, '0')},"${1000 + i}.50",K-${i},15/03/2025`);
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SIGKILL in the middle of an import', () => {
  it('leaves nothing of the import, the database intact, and the import runs again', async () => {
    const before = await state();
    expect(before.integrity).toBe('ok');
    // Killed a quarter of the way through the commit's transaction (progress past ROWS is the writing half).
    const killed = await runChild((line) => {
      const m = /^progress (\d+) (\d+)$/.exec(line);
      return m !== null && Number(m[1]) >= ROWS + ROWS / 4;
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.lines.some((l) => l.startsWith('finished'))).toBe(false);
    const written = killed.lines.filter((l) => l.startsWith('progress')).map((l) => Number(l.split(' ')[1]));
    expect(Math.max(...written)).toBeGreaterThan(ROWS);

    const after = await state();
    expect(after.integrity).toBe('ok');
    expect(after.counts).toEqual(before.counts);
    expect(after.counter).toBe(before.counter);

    // The same file again, to the end, in this process.
    const core = openCore({ dataDir: dir, migrationsDir: MIGRATIONS, idleSweepMs: 0, backupCheckMs: 0 });
    try {
      const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password: PASSWORD });
      const f = await call<ImportFile>(core, 'imports.open', { clientId, fileName: 'placement-8k.csv', contentBase64: readFileSync(file).toString('base64') }, token);
      expect(f.previousImportId).toBeNull();
      let job = await call<JobState>(core, 'imports.commit', { token: f.token, mapping: f.mapping }, token);
      while (job.status === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        job = await call<JobState>(core, 'jobs.get', { id: job.id }, token);
      }
      expect(job.error).toBeNull();
      expect(job.status).toBe('done');
    } finally {
      core.close();
    }
    const done = await state();
    expect(done.integrity).toBe('ok');
    expect(done.counts.cases).toBe((before.counts.cases ?? 0) + ROWS);
    expect(done.counts.imports).toBe((before.counts.imports ?? 0) + 1);
    expect(done.counter).toBe(before.counter + ROWS);
  }, 300_000);
});
