// The check of a backup's copy on several cores: `PRAGMA integrity_check(<table>)` for every table of sqlite_schema
// (each checks the table's b-tree and all its indexes, entry by entry, and its NOT NULL / CHECK constraints; for the
// FTS5 table it runs FTS5's own check of its index against its content), spread over up to four read-only keyed
// connections of the copy — one on the calling thread (the backup worker's), the others each in a worker thread of its
// own (check-worker.ts) — plus one more task that does the part the per-table form leaves out: every page of the file belongs to exactly one b-tree, the freelist or the lock-byte page
// (`pageAccounting`). Together they check what one full `PRAGMA integrity_check` checks of a `VACUUM INTO` copy
// (docs/ARCHITECTURE.md, Backups). Any answer but "ok" fails the backup as backups.corrupt.
// Where the worker's code is: out/main/backup-check-worker.js in the built app (electron.vite.config.ts), check-worker.ts
// through worker-tsx.mjs where the core runs from TypeScript — as for the backup worker (in-worker.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyKey } from '../../../db/cipher';
import type { Sqlite } from '../../../db/open';
import { CoreError } from '../errors';
import { maxRowid, pageFigures, schemaForCheck, tableIntegrity, type PageFigures } from '../../../db/queries/integrity';

export { pageFigures, type PageFigures };

/**
 * One task of the parallel check: a table (with its indexes), or the page accounting of the whole file; `cacheMb` is
 * the page cache its connection gets for it (set by `checkInWorkers`).
 */
export type CheckTask = ({ kind: 'table'; name: string } | { kind: 'pages' }) & { weight?: number; cacheMb?: number };

export interface CheckWorkerInput {
  file: string;
  /** The database key, transferred (the sender's copy is detached); zeroed by the worker once the copy is open. */
  key: ArrayBuffer;
}

export type CheckWorkerRequest = { type: 'task'; task: CheckTask } | { type: 'stop' };
export type CheckWorkerMessage =
  | { type: 'result'; task: CheckTask; problems: string[] }
  | { type: 'failed'; error: { code: string | null; message: string } };

/**
 * The check's page cache in all: the largest table's check gets the 256 MB the single full check had (at office scale
 * `communications` with its seven indexes: 12.9 s of CPU with 256 MB, 22.5 s with 192 MB, 30 s with 128 MB — its
 * indexes are read against the table and every page missing from the cache is decrypted again); the other
 * connections share 64 MB. Peak RSS at office scale 512 MB (docs/PERFORMANCE.md, Backups).
 */
export const CHECK_CACHE_MB = 320;
export const LARGEST_CACHE_MB = 256;
/** At most this many connections check at once. */
export const MAX_CHECKERS = 4;

/** How many connections check the copy on this machine (1: one full `PRAGMA integrity_check`, as before). */
export function defaultCheckers(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_CHECKERS));
}

export const BUILT_CHECK_WORKER = 'backup-check-worker.js';

/** The tables of the copy, each weighted by an estimate of its rows times its b-trees (table + indexes). */
export function planTables(db: Sqlite): { name: string; weight: number }[] {
  const { tables, indexes } = schemaForCheck(db);
  const indexCount = new Map(indexes.map((r) => [r.t, r.n]));
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const out = [{ name: 'sqlite_schema', weight: tables.length + indexes.length }];
  for (const t of tables) {
    // max(rowid) is a look at the last leaf, not a scan (an estimate of the rows; dbstat's page counts would need a
    // pass over the whole file first: 3.7 s of CPU at office scale). Tables without a rowid count as small. An FTS5
    // table and its shadow tables (whose rowids encode segments, not rows) count as the documents it indexes.
    const owner = virtual.find((v) => t.name === v || t.name.startsWith(`${v}_`));
    const rows = maxRowid(db, owner ?? t.name);
    out.push({ name: t.name, weight: Math.max(1, rows) * (1 + (indexCount.get(t.name) ?? 0)) });
  }
  return out;
}

/** Tasks in the order handed out: the largest first, so each free connection takes the largest left (least loaded). */
export function orderTasks(tables: { name: string; weight: number }[]): CheckTask[] {
  const sorted = [...tables].sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  const total = sorted.reduce((s, t) => s + t.weight, 0);
  const tasks: CheckTask[] = sorted.map((t) => ({ kind: 'table', name: t.name, weight: t.weight }));
  // The page accounting reads every page once (dbstat): at office scale 3.7 s of CPU against 12.9 s for the largest
  // table and about 25 s for all, so weighed as a sixth of the tables.
  const weight = Math.max(1, Math.round(total / 6));
  const at = sorted.findIndex((t) => t.weight < weight);
  tasks.splice(at === -1 ? tasks.length : at, 0, { kind: 'pages', weight });
  return tasks;
}

/**
 * What the full integrity_check adds to the per-table checks: no page used twice, none used by no one. Every page of
 * the file is in exactly one b-tree (sqlite_schema's tree holds page 1), on the freelist, or is the lock-byte page at
 * 1 GiB (never used). A copy with auto_vacuum would also hold pointer-map pages: VACUUM INTO keeps the source's
 * setting, and the office's databases have none (the caller falls back to the full check if one has).
 */
export function pageAccounting(f: PageFigures): string[] {
  const problems: string[] = [];
  if (f.autoVacuum !== 0) problems.push(`auto_vacuum ${f.autoVacuum}: pointer-map pages are not accounted here`);
  if (f.btreePages !== f.distinctPages) problems.push(`${f.btreePages - f.distinctPages} page(s) used by more than one b-tree or twice in one`);
  if (f.maxPage > f.pageCount) problems.push(`page ${f.maxPage} is past the end of the file (${f.pageCount} pages)`);
  const lockPage = Math.floor(0x40000000 / f.pageSize) + 1;
  if (f.lockPageListed) problems.push(`the lock-byte page ${lockPage} is in a b-tree`);
  const lock = f.pageCount >= lockPage ? 1 : 0;
  const accounted = f.distinctPages + f.freelist + lock;
  if (accounted !== f.pageCount) problems.push(`${f.pageCount - accounted} page(s) of ${f.pageCount} in no b-tree and not free`);
  return problems;
}

/** One task on a connection of the copy: the problems found (none: ok). */
export function runCheckTask(db: Sqlite, task: CheckTask): string[] {
  if (task.kind === 'pages') return pageAccounting(pageFigures(db));
  return tableIntegrity(db, task.name);
}

/** The worker to start: the built entry beside the bundle, or the TypeScript source through tsx. */
function workerEntry(): { file: URL; entry?: string } {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(here)) return { file: new URL('./worker-tsx.mjs', here), entry: new URL('./check-worker.ts', here).href };
  return { file: new URL(BUILT_CHECK_WORKER, here) };
}

export interface ParallelCheckOptions {
  file: string;
  key: Buffer;
  checkers: number;
  tasks: CheckTask[];
  /** Polled while the workers run (not during this thread's own list): they are stopped, the check rejects as cancelled. */
  cancelled?: () => boolean;
}

/**
 * Run the tasks on `checkers` read-only keyed connections to the copy: the tasks split into lists by `assignTasks`, the
 * first (the largest table's) on this thread, each other on a worker thread of its own, sent its whole list at once.
 * Resolves when every task answered ok; rejects with backups.corrupt on the first problem (the workers are
 * terminated), with a worker's error if one fails, as cancelled if `cancelled` says so while the workers run.
 */
export function checkInWorkers(o: ParallelCheckOptions): Promise<void> {
  const n = Math.max(1, Math.min(o.checkers, o.tasks.length));
  const rest = Math.max(16, Math.floor((CHECK_CACHE_MB - LARGEST_CACHE_MB) / Math.max(1, n - 1)));
  const bins = assignTasks(o.tasks, n).map((bin, b) => bin.map((t, i) => ({ ...t, cacheMb: b === 0 && i === 0 ? LARGEST_CACHE_MB : rest })));
  const { file, entry } = workerEntry();
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let pending = 0;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const corrupt = (task: CheckTask, problems: string[]): Error => {
      const what = task.kind === 'pages' ? 'its pages' : task.name;
      return new CoreError('backups.corrupt', `The backup did not pass its integrity check (${what}: ${problems.slice(0, 3).join('; ')})`);
    };
    const poll = setInterval(() => {
      if (o.cancelled?.()) finish(new CoreError('internal', 'cancelled'));
    }, 50);
    // The other bins on worker threads, each sent its whole list at once.
    for (const bin of bins.slice(1)) {
      const key = new ArrayBuffer(o.key.length);
      new Uint8Array(key).set(o.key);
      const input: CheckWorkerInput = { file: o.file, key };
      let w: Worker;
      try {
        w = new Worker(file, { workerData: entry === undefined ? input : { ...input, entry }, transferList: [key] });
      } catch (e) {
        new Uint8Array(key).fill(0);
        finish(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      workers.push(w);
      let left = bin.length;
      pending += bin.length;
      w.on('message', (m: CheckWorkerMessage) => {
        if (m.type === 'failed') {
          finish(Object.assign(new Error(m.error.message), m.error.code === null ? {} : { code: m.error.code }));
          return;
        }
        left--;
        pending--;
        if (m.problems.length > 0) finish(corrupt(m.task, m.problems));
        else if (pending === 0) finish();
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => {
        if (left > 0) finish(new Error(`A check worker stopped (exit ${code}) before it answered`));
      });
      for (const task of bin) w.postMessage({ type: 'task', task } satisfies CheckWorkerRequest);
      w.postMessage({ type: 'stop' } satisfies CheckWorkerRequest);
    }
    // The first bin (the largest table's) on this thread meanwhile, on its own connection: the memory this thread let go
    // after the copy is used again for that cache, rather than another thread's allocator taking as much more.
    const db = new Database(o.file, { readonly: true, fileMustExist: true });
    try {
      applyKey(db, o.key);
      db.pragma('temp_store = MEMORY');
      for (const task of bins[0] ?? []) {
        db.pragma('shrink_memory');
        db.pragma(`cache_size = -${(task.cacheMb ?? 16) * 1024}`);
        const problems = runCheckTask(db, task);
        if (problems.length > 0) {
          finish(corrupt(task, problems));
          break;
        }
      }
    } catch (e) {
      finish(e instanceof Error ? e : new Error(String(e)));
    } finally {
      db.close();
    }
    if (pending === 0) finish();
  });
}

/**
 * The tasks in `n` lists: each task, largest first, to the list with the least weight so far (the largest table's
 * list first). Every task in exactly one list.
 */
export function assignTasks(tasks: CheckTask[], n: number): CheckTask[][] {
  const bins: CheckTask[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  for (const t of [...tasks].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))) {
    const i = load.indexOf(Math.min(...load));
    bins[i]?.push(t);
    load[i] = (load[i] ?? 0) + (t.weight ?? 0);
  }
  return bins;
}
