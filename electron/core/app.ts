// The running core: one per data folder, shared by both transports (IPC in Electron, HTTP in browser mode).
import type { ApiResult } from '../contract';
import { createRouter } from './api/router';
import { handlers } from './api/handlers';
import type { CoreEvent, CoreState } from './api/context';
import { ensureWritableDir } from './data-dir';
import { acquireInstanceLock } from './instance-lock';
import { createSessions } from './sessions';
import { createThrottle } from './throttle';
import { openVault } from './vault';
import { afterLock } from './services/auth/lock';
import { DEFAULT_SETTINGS } from './services/office/settings';
import { Jobs } from './jobs/jobs';
import { dailyTick, stopBackups } from './backups/run';

export interface CoreApp {
  /** Never throws: every failure comes back as `{ ok: false, error }`. */
  call(name: string, input: unknown, session: string | null): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  /** For tests: a clock that can be moved. */
  now?: () => Date;
  /** How often idle sessions are checked (ms); 0 turns the timer off (tests call the router directly). */
  idleSweepMs?: number;
  /** How often the daily backup's time is checked (ms; 30 s by default); 0 turns the scheduler off. */
  backupCheckMs?: number;
}

/** Throws `vault.data_dir_unwritable` or `vault.in_use` (CoreError) before anything is opened. */
export function openCore(options: CoreOptions): CoreApp {
  ensureWritableDir(options.dataDir);
  const release = acquireInstanceLock(options.dataDir);
  const listeners = new Set<(event: CoreEvent) => void>();
  const emit = (event: CoreEvent): void => {
    for (const l of listeners) l(event);
  };
  const core: CoreState = {
    vault: openVault(options.dataDir, options.migrationsDir),
    sessions: createSessions(),
    throttle: createThrottle(),
    now: options.now ?? (() => new Date()),
    emit,
    idleLockMinutes: DEFAULT_SETTINGS.idleLockMinutes,
    jobs: new Jobs(emit),
  };
  const router = createRouter(core, handlers);
  const sweepMs = options.idleSweepMs ?? 15_000;
  const timer =
    sweepMs > 0
      ? setInterval(() => {
          if (core.sessions.lockIdle(core.now().getTime(), core.idleLockMinutes * 60_000).length > 0) afterLock(core);
        }, sweepMs)
      : undefined;
  timer?.unref();
  // The daily backup: checked while the app runs, and so caught up soon after an unlock when its time was missed
  // (the key is only in memory while someone is signed in).
  const backupMs = options.backupCheckMs ?? 30_000;
  const backupTimer = backupMs > 0 ? setInterval(() => void dailyTick(core.vault, core.now(), emit), backupMs) : undefined;
  backupTimer?.unref();
  let closed = false;
  return {
    call: router,
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      if (backupTimer) clearInterval(backupTimer);
      core.jobs.cancelAll();
      // A backup in its worker stops at its next step and removes its partial folder.
      stopBackups(options.dataDir);
      core.vault.close();
      release();
    },
  };
}
