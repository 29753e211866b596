// Where the office's data lives: `--data DIR`, else TAHSEEL_DATA, else <app-data>/Tahseel; checked writable before use.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { CoreError } from './errors';

/** `--data DIR` or `--data=DIR` from a command line; undefined when absent. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') return argv[i + 1];
    if (arg?.startsWith('--data=')) return arg.slice('--data='.length);
  }
  return undefined;
}

export function resolveDataDir(opts: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The platform's per-user application data folder (Electron: app.getPath('appData')). */
  appDataDir: string;
  cwd?: string;
}): string {
  const chosen = dataDirFromArgv(opts.argv) ?? opts.env.TAHSEEL_DATA;
  if (chosen !== undefined && chosen.trim() !== '') {
    return isAbsolute(chosen) ? chosen : resolve(opts.cwd ?? process.cwd(), chosen);
  }
  return join(opts.appDataDir, 'Tahseel');
}

/** Create the folder if needed and prove we can write there; a clear error otherwise. */
export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch (cause) {
    throw new CoreError('vault.data_dir_unwritable', `The data folder ${dir} cannot be written`, { dir }, cause);
  }
}

/** The per-user application data folder, as Electron's app.getPath('appData') gives it, for browser mode. */
export function defaultAppDataDir(env: Readonly<Record<string, string | undefined>>, platform: string, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(home, '.config');
}
