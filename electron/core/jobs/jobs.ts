// Long work (batches of letters; later imports) runs as a job: progress events, time left, cancel.
// A job belongs to the user who started it; its result is written in one transaction at its end,
// so a cancelled or failed job leaves nothing behind.
import { randomUUID } from 'node:crypto';
import type { JobState } from '../../contract/procedures/letters';
import type { ApiError } from '../../contract/result';
import type { CoreEvent } from '../api/context';
import { CoreError, isCoreError, isDiskFull } from '../errors';

export interface JobControl {
  readonly signal: AbortSignal;
  /** Report progress; events are sent at most every 150 ms (and always for the last item). */
  progress(done: number, total: number): void;
}

interface JobEntry {
  state: JobState;
  userId: string;
  abort: AbortController;
  lastEmit: number;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

function errorOf(e: unknown): ApiError {
  if (isCoreError(e)) return { code: e.code, message: e.message, details: e.details };
  if (isDiskFull(e)) return { code: 'storage.full', message: 'The disk is full; nothing was written' };
  console.error('[tahseel] job failed:', e);
  return { code: 'internal', message: 'Something went wrong; nothing was changed' };
}

export class Jobs {
  private readonly entries = new Map<string, JobEntry>();

  constructor(private readonly emit: (event: CoreEvent) => void) {}

  /** Start `run` in the background; refused with jobs.busy while the user has a job of this kind running. */
  start(opts: { kind: string; userId: string; total: number; run: (control: JobControl) => Promise<JobState['result']> }): JobState {
    this.sweep();
    for (const e of this.entries.values()) {
      if (e.userId === opts.userId && e.state.kind === opts.kind && e.state.status === 'running') {
        throw new CoreError('jobs.busy', 'A job of this kind is already running', { id: e.state.id });
      }
    }
    const entry: JobEntry = {
      state: { id: randomUUID(), kind: opts.kind, status: 'running', done: 0, total: opts.total, startedAt: new Date().toISOString(), etaMs: null, result: null, error: null },
      userId: opts.userId,
      abort: new AbortController(),
      lastEmit: 0,
      finishedAt: null,
    };
    this.entries.set(entry.state.id, entry);
    const started = Date.now();
    const control: JobControl = {
      signal: entry.abort.signal,
      progress: (done, total) => {
        const elapsed = Date.now() - started;
        entry.state = { ...entry.state, done, total, etaMs: done > 0 ? Math.round((elapsed / done) * (total - done)) : null };
        const now = Date.now();
        if (now - entry.lastEmit >= 150 || done === total) {
          entry.lastEmit = now;
          this.emit({ type: 'job.progress', job: entry.state });
        }
      },
    };
    // Started on the next turn so the caller gets the job's id before the first progress event.
    setImmediate(() => {
      opts
        .run(control)
        .then((result) => {
          if (entry.abort.signal.aborted && result === null) return this.finish(entry, 'cancelled', null, null);
          this.finish(entry, 'done', result, null);
        })
        .catch((e: unknown) => {
          if (entry.abort.signal.aborted) this.finish(entry, 'cancelled', null, null);
          else this.finish(entry, 'failed', null, errorOf(e));
        });
    });
    return entry.state;
  }

  private finish(entry: JobEntry, status: JobState['status'], result: JobState['result'], error: ApiError | null): void {
    entry.state = { ...entry.state, status, result, error, etaMs: status === 'done' ? 0 : null };
    entry.finishedAt = Date.now();
    this.emit({ type: `job.${status}`, job: entry.state });
  }

  /** A job is visible only to the user who started it (anyone else gets not_found). */
  get(id: string, userId: string): JobState {
    const e = this.entries.get(id);
    if (!e || e.userId !== userId) throw new CoreError('not_found', 'No such job');
    return e.state;
  }

  cancel(id: string, userId: string): JobState {
    const e = this.entries.get(id);
    if (!e || e.userId !== userId) throw new CoreError('not_found', 'No such job');
    if (e.state.status === 'running') e.abort.abort(new CoreError('internal', 'cancelled'));
    return e.state;
  }

  /** Cancel everything (the app is closing or the vault locked for good). */
  cancelAll(): void {
    for (const e of this.entries.values()) if (e.state.status === 'running') e.abort.abort(new CoreError('internal', 'cancelled'));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, e] of this.entries) if (e.finishedAt !== null && now - e.finishedAt > KEEP_FINISHED_MS) this.entries.delete(id);
  }
}
