// Runs makeBackup in a worker thread (backups/worker.ts): the core's thread only starts it and relays its progress,
// so calls keep being answered while the copy and its check read the whole database. The key goes to the worker in
// memory (a transferred copy, zeroed by the worker when it is done), never through a file or the command line.
// Where the worker's code is: in the built app, out/main/backup-worker.js beside the bundle (electron.vite.config.ts
// declares it as an entry of the main build); where the core runs from TypeScript (tsx, vitest), worker.ts loaded
// through worker-tsx.mjs, which registers tsx inside the worker first (a worker does not inherit the loader).
import { Worker } from 'node:worker_threads';
import type { BackupKind } from '../../domain/backup-rotation';
import type { ErrorCode } from '../../contract/result';
import { CoreError } from '../errors';
import type { BackupEntry } from './backup';

export interface BackupWorkerInput {
  dbFile: string;
  keyringFile: string;
  folder: string;
  kind: BackupKind;
  now: string;
  /** The database key, transferred (the sender's copy is detached). */
  key: ArrayBuffer;
  /** One Int32: 1 asks the worker to stop at its next step. */
  cancel: SharedArrayBuffer;
  /** Connections checking the copy at once (check.ts); unset: the machine's cores, at most 4. */
  checkers?: number;
}

export type BackupWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; entry: BackupEntry }
  | { type: 'failed'; error: { core: boolean; code: string | null; message: string; details: unknown } };

export interface WorkerBackupOptions {
  dbFile: string;
  key: Buffer;
  keyringFile: string;
  folder: string;
  kind: BackupKind;
  now: Date;
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Connections checking the copy at once (tests force 2 or 3 on any machine); unset: the machine's cores, at most 4. */
  checkers?: number;
}

/** The worker's file in the built app, beside the main bundle (the `backup-worker` entry of electron.vite.config.ts). */
export const BUILT_WORKER = 'backup-worker.js';

/** The worker to start: the built entry beside the bundle, or the TypeScript source through tsx. */
function workerEntry(): { file: URL; entry?: string } {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(here)) return { file: new URL('./worker-tsx.mjs', here), entry: new URL('./worker.ts', here).href };
  // A name in a variable: bundlers leave it alone instead of trying to inline it as an asset.
  return { file: new URL(BUILT_WORKER, here) };
}

function rebuild(error: Extract<BackupWorkerMessage, { type: 'failed' }>['error']): Error {
  if (error.core && error.code !== null) return new CoreError(error.code as ErrorCode, error.message, error.details);
  // Not one of ours (an SQLite or file-system error): keep its code, so a full disk is still recognised as one.
  return Object.assign(new Error(error.message), error.code === null ? {} : { code: error.code });
}

/** Make one backup in a worker thread; resolves with its entry, rejects with the same errors makeBackup throws. */
export function makeBackupInWorker(o: WorkerBackupOptions): Promise<BackupEntry> {
  const key = new ArrayBuffer(o.key.length);
  new Uint8Array(key).set(o.key);
  const cancel = new SharedArrayBuffer(4);
  const { file, entry } = workerEntry();
  const input: BackupWorkerInput = { dbFile: o.dbFile, keyringFile: o.keyringFile, folder: o.folder, kind: o.kind, now: o.now.toISOString(), key, cancel, checkers: o.checkers };
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => void Atomics.store(new Int32Array(cancel), 0, 1);
    const settle = (done: () => void): void => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      done();
    };
    let worker: Worker;
    try {
      worker = new Worker(file, { workerData: entry === undefined ? input : { ...input, entry }, transferList: [key] });
    } catch (e) {
      new Uint8Array(key).fill(0);
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (o.signal?.aborted) onAbort();
    else o.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: BackupWorkerMessage) => {
      if (m.type === 'progress') o.progress?.(m.done, m.total);
      else if (m.type === 'done') settle(() => resolve(m.entry));
      else settle(() => reject(rebuild(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The backup worker stopped (exit ${code}) before it answered`))));
  });
}
