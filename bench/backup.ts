// backup_s: one backup of the office as the app makes it — in a worker thread, the encrypted copy (VACUUM INTO) from
// the worker's own connection, the keyring, the check with the key (PRAGMA integrity_check and the counts), the
// checksums, the rename — in its own process, so its peak RSS is the backup's own (the worker's included), and so is its
// CPU time (all threads). backup_core_stall_ms: the longest the core's own thread did not get to run meanwhile (with the
// work on that thread, as before, the whole backup). `tsx bench/backup.ts --data DIR --password PW` prints one JSON
// line; run.ts calls it.
import { spawnSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openVault, DB_FILE, KEYRING_FILE } from '../electron/core/vault';
import { makeBackupInWorker } from '../electron/core/backups/in-worker';
import { round } from './stats';

const root = resolve(fileURLToPath(import.meta.url), '../..');

/** Runs this file in a child process and returns its figures. */
export function backupMetrics(dir: string, password: string): Record<string, number> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'bench/backup.ts'), '--data', dir, '--password', password], {
    encoding: 'utf8',
    cwd: root,
  });
  if (child.status !== 0) throw new Error(`backup bench failed: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, number>;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string): string | undefined => argv[argv.indexOf(name) + 1];
  const dir = arg('--data');
  const password = arg('--password');
  if (!dir || !password) throw new Error('--data and --password are required');
  const vault = openVault(resolve(dir), resolve(root, 'db/migrations'));
  if (!(await vault.unlock('partner', password))) throw new Error('The password does not open this office');
  // A folder of its own (not the office's setting): a reused --data office keeps no bench backups.
  const folder = mkdtempSync(join(tmpdir(), 'tahseel-bench-backup-'));
  try {
    const stall = monitorEventLoopDelay({ resolution: 10 });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    stall.enable();
    const entry = await vault.withKey((key) =>
      makeBackupInWorker({ dbFile: join(resolve(dir), DB_FILE), key, keyringFile: join(resolve(dir), KEYRING_FILE), folder, kind: 'manual', now: new Date() }),
    );
    stall.disable();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      JSON.stringify({
        backup_s: round(seconds, 2),
        // CPU time of the backup: on a shared machine the wall time above includes waiting for a core.
        backup_cpu_s: round((cpu.user + cpu.system) / 1e6, 2),
        backup_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
        backup_mb: round(statSync(join(entry.path, 'tahseel.db')).size / 1024 / 1024, 1),
        backup_core_stall_ms: round(stall.max / 1e6, 0),
      }),
    );
  } finally {
    vault.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`backup bench failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
