// One of the other connections of the backup's parallel check (check.ts): opens the copy read-only with the key it was
// handed (a transferred copy, zeroed once the copy is open; never written anywhere), then answers the tasks it is sent,
// one at a time, until told to stop. electron-vite builds this file as its own entry (out/main/backup-check-worker.js); under
// tsx it is loaded by worker-tsx.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyKey } from '../../../db/cipher';
import { runCheckTask, type CheckWorkerInput, type CheckWorkerMessage, type CheckWorkerRequest } from './check';

function post(message: CheckWorkerMessage): void {
  parentPort?.postMessage(message);
}

function fail(e: unknown): void {
  const err = e as { code?: unknown; message?: unknown };
  post({ type: 'failed', error: { code: typeof err.code === 'string' ? err.code : null, message: String(err.message ?? e) } });
}

const input = workerData as CheckWorkerInput;
const key = Buffer.from(input.key);
// Only what reading the copy needs is loaded here (not backup.ts with drizzle and the schema): each of these workers
// is a V8 instance of its own, and their memory adds up.
let db: Database.Database | null = null;
try {
  db = new Database(input.file, { readonly: true, fileMustExist: true });
  applyKey(db, key);
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  // Sorts and temp tables in memory: nothing decrypted reaches a temp file.
  db.pragma('temp_store = MEMORY');
} catch (e) {
  db?.close();
  db = null;
  fail(e);
} finally {
  key.fill(0);
  new Uint8Array(input.key).fill(0);
}
const copy = db;
if (copy) {
  parentPort?.on('message', (m: CheckWorkerRequest) => {
    if (m.type === 'stop') {
      copy.close();
      parentPort?.close();
      return;
    }
    try {
      // Each task its own cache (check.ts): the pages of the task before are let go first.
      copy.pragma('shrink_memory');
      copy.pragma(`cache_size = -${(m.task.cacheMb ?? 16) * 1024}`);
      post({ type: 'result', task: m.task, problems: runCheckTask(copy, m.task) });
    } catch (e) {
      fail(e);
    }
  });
}
