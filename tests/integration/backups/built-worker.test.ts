// The backup worker as the built app starts it: electron.vite.config.ts's main build (into a scratch folder laid out
// like the repository: out/main two folders below package.json) emits out/main/backup-worker.js, and that file, run as
// a plain JavaScript worker (no tsx), makes a verified backup of a real encrypted office, with the app's version read
// from package.json through the build's shared code. Its copy is checked on two cores by out/main/backup-check-worker.js
// (backups/check.ts), started by the built worker beside itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { seedOffice } from '../../../bench/factory/office';
import { readKeyring, unwrapKey, lookupTag } from '../../../db/keyring';
import { listBackups } from '../../../electron/core/backups/backup';
import { BUILT_WORKER, type BackupWorkerInput, type BackupWorkerMessage } from '../../../electron/core/backups/in-worker';
import { BUILT_CHECK_WORKER } from '../../../electron/core/backups/check';
import { openCore } from '../../../electron/core/app';
import { MIGRATIONS, PASSWORD, tempDir } from '../../fixtures/core';

const ROOT = resolve(import.meta.dirname, '../../..');
const scratch = tempDir('tahseel-built-worker-');
const office = tempDir('tahseel-built-office-');
const folder = tempDir('tahseel-built-backups-');

beforeAll(async () => {
  // Built like `electron-vite build` builds main, into the scratch folder.
  symlinkSync(join(ROOT, 'package.json'), join(scratch, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const resolved = await resolveConfig({ root: ROOT }, 'build', 'production');
  const main = resolved.config?.main;
  if (!main?.build) throw new Error('electron.vite.config.ts has no main section');
  await build({ ...main, logLevel: 'silent', build: { ...main.build, outDir: join(scratch, 'out', 'main'), emptyOutDir: true } });
  const core = openCore({ dataDir: office, migrationsDir: MIGRATIONS, idleSweepMs: 0, backupCheckMs: 0 });
  await seedOffice(core, { password: PASSWORD });
  core.close();
}, 180_000);

afterAll(() => {
  for (const d of [scratch, office, folder]) rmSync(d, { recursive: true, force: true });
});

describe('the built backup worker', () => {
  it('is emitted beside the main bundle with its check worker, with no chunks/ folder, and makes a verified backup under plain Node', async () => {
    const out = join(scratch, 'out', 'main');
    expect(existsSync(join(out, BUILT_WORKER))).toBe(true);
    expect(existsSync(join(out, BUILT_CHECK_WORKER))).toBe(true);
    expect(readdirSync(out)).not.toContain('chunks');
    const ring = readKeyring(join(office, 'tahseel.keyring.json'));
    const entry = ring.entries.find((e) => e.kind === 'user' && e.lookup === lookupTag(ring, 'partner'));
    const key = entry ? await unwrapKey(entry, PASSWORD) : null;
    if (!key) throw new Error('no key');
    const transfer = new Uint8Array(key).buffer;
    const input: BackupWorkerInput = {
      dbFile: join(office, 'tahseel.db'),
      keyringFile: join(office, 'tahseel.keyring.json'),
      folder,
      kind: 'manual',
      now: new Date().toISOString(),
      key: transfer,
      cancel: new SharedArrayBuffer(4),
      // The parallel check whatever the machine's cores: the built check worker runs.
      checkers: 2,
    };
    const messages = await new Promise<BackupWorkerMessage[]>((done, fail) => {
      const seen: BackupWorkerMessage[] = [];
      const worker = new Worker(pathToFileURL(join(out, BUILT_WORKER)), { workerData: input, transferList: [transfer] });
      worker.on('message', (m: BackupWorkerMessage) => seen.push(m));
      worker.on('error', fail);
      worker.on('exit', () => done(seen));
    });
    key.fill(0);
    expect(messages.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.done : -1))).toEqual([0, 1, 2, 3, 4, 5]);
    const last = messages.at(-1);
    expect(last?.type).toBe('done');
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const [listed] = listBackups(folder);
    expect(listed?.manifest.verified.integrity).toBe('ok');
    expect(listed?.manifest.appVersion).toBe(version);
    expect(last?.type === 'done' ? last.entry.name : null).toBe(listed?.name);
  }, 120_000);
});
