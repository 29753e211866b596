// The backup's heavy work, in a worker thread so the core keeps answering while it runs: its own read-only
// connection to the live database (opened with the key it was handed, never written anywhere), the `VACUUM INTO`
// copy, the check of the copy (on several cores: check.ts), the checksums and the rename (makeBackupParallel).
// Progress and the outcome go back as messages; the main thread asks it to stop through a shared flag, read between
// steps (and while the copy is checked).
// electron-vite builds this file as its own entry (out/main/backup-worker.js); under tsx it is loaded by
// worker-tsx.mjs. See backups/in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { isCoreError } from '../errors';
import { makeBackupParallel, openLive } from './backup';
import type { BackupWorkerInput, BackupWorkerMessage } from './in-worker';

function post(message: BackupWorkerMessage): void {
  parentPort?.postMessage(message);
}

async function run(input: BackupWorkerInput): Promise<void> {
  const key = Buffer.from(input.key);
  const cancel = new Int32Array(input.cancel);
  let live: ReturnType<typeof openLive> | null = null;
  try {
    live = openLive(input.dbFile, key);
    const entry = await makeBackupParallel({
      sqlite: live,
      // The copy is checked on several cores (check.ts), each connection in a worker thread of its own.
      checkers: input.checkers,
      key,
      keyringFile: input.keyringFile,
      folder: input.folder,
      kind: input.kind,
      now: new Date(input.now),
      progress: (done, total) => {
        // After the copy (step 1) the live connection is not read again: its cache goes back before the check of the
        // copy fills its own, so the two are not held at once (peak RSS).
        if (done === 1) live?.pragma('shrink_memory');
        post({ type: 'progress', done, total });
      },
      cancelled: () => Atomics.load(cancel, 0) === 1,
    });
    post({ type: 'done', entry });
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown; details?: unknown };
    post({
      type: 'failed',
      error: { core: isCoreError(e), code: typeof err.code === 'string' ? err.code : null, message: String(err.message ?? e), details: isCoreError(e) ? e.details : undefined },
    });
  } finally {
    live?.close();
    key.fill(0);
    new Uint8Array(input.key).fill(0);
  }
}

void run(workerData as BackupWorkerInput);
