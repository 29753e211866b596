// Pure start-up decisions: where things live, the window's options, what a fatal error says and exits with.
// `import type` from 'electron' only (erased at build), so this runs in Node tests.
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ErrorCode } from '../contract/result';
import { isCoreError } from '../core/errors';

export const WINDOW_TITLE = 'تحصيل — Tahseel';
/** The renderer's page colour, painted before the first frame so start-up shows no white flash. */
export const WINDOW_BACKGROUND = '#f7f8f8';

/**
 * Chromium's own profile (cache, local storage, the single-instance lock) goes in a sub-folder of the data
 * folder rather than beside the database: the office's data folder stays the office's, and two runs with
 * different `--data` folders (e2e tests) get separate profiles and separate locks, while two runs on the
 * same folder meet at the same lock and the second one hands over to the first.
 */
export function chromiumProfileDir(dataDir: string): string {
  return join(dataDir, 'chromium-profile');
}

/**
 * Where main finds its siblings. electron-vite emits out/main/index.js, out/preload/index.cjs, out/renderer/;
 * packaged, migrations and fonts are extraResources beside app.asar (electron-builder.yml), in development the repo's.
 */
export function shellPaths(opts: { mainDir: string; isPackaged: boolean; resourcesPath: string; appRoot: string }): {
  preload: string;
  rendererRoot: string;
  migrationsDir: string;
  fontsDir: string;
  templatesDir: string;
} {
  const resources = (packaged: string, repo: string): string =>
    opts.isPackaged ? join(opts.resourcesPath, packaged) : join(opts.appRoot, repo);
  return {
    preload: join(opts.mainDir, '..', 'preload', 'index.cjs'),
    rendererRoot: join(opts.mainDir, '..', 'renderer'),
    migrationsDir: resources('migrations', join('db', 'migrations')),
    fontsDir: resources('fonts', join('resources', 'fonts')),
    templatesDir: resources('templates', join('resources', 'templates')),
  };
}

export function mainWindowOptions(opts: { preload: string; dev: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: WINDOW_TITLE,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: opts.dev,
    },
  };
}

/**
 * Chromium switches that hand control of the app to whoever started it (remote debugging, V8 flags). The
 * fuses already turn off Node's --inspect; these are Chromium's own, refused in packaged builds.
 */
export const FORBIDDEN_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-allow-origins', 'js-flags'] as const;

export function forbiddenSwitchesPresent(hasSwitch: (name: string) => boolean, isPackaged: boolean): string[] {
  return isPackaged ? FORBIDDEN_SWITCHES.filter((name) => hasSwitch(name)) : [];
}

/** Process exit codes for a start-up that cannot go on (a non-zero code tells scripts and tests why). */
export const EXIT_CODES = {
  dataDirUnwritable: 2,
  dataDirInUse: 3,
  startupFailed: 1,
  forbiddenSwitch: 4,
} as const;

export interface FatalError {
  title: string;
  content: string;
  exitCode: number;
}

/** The native error box for a start-up failure: Arabic first, then English, with the folder named. */
export function startupFailure(code: ErrorCode | 'unknown', dataDir: string, detail?: string): FatalError {
  const title = 'تحصيل — Tahseel';
  if (code === 'vault.data_dir_unwritable') {
    return {
      title,
      exitCode: EXIT_CODES.dataDirUnwritable,
      content: [
        'تعذّر فتح مجلد البيانات أو الكتابة فيه:',
        dataDir,
        'تحقق من أن المجلد موجود ومن صلاحيات الكتابة عليه، أو اختر مجلدًا آخر بالخيار ‎--data‎.',
        '',
        'The data folder cannot be opened or written to:',
        dataDir,
        'Check that it exists and that you may write to it, or choose another folder with --data.',
      ].join('\n'),
    };
  }
  if (code === 'vault.in_use') {
    return {
      title,
      exitCode: EXIT_CODES.dataDirInUse,
      content: [
        'مجلد البيانات مستخدم حاليًا من نسخة أخرى من تحصيل:',
        dataDir,
        'أغلق النسخة الأخرى ثم أعد المحاولة.',
        '',
        'The data folder is in use by another copy of Tahseel:',
        dataDir,
        'Close the other copy and try again.',
      ].join('\n'),
    };
  }
  return {
    title,
    exitCode: EXIT_CODES.startupFailed,
    content: [
      'تعذّر تشغيل تحصيل.',
      '',
      'Tahseel could not start.',
      ...(detail === undefined ? [] : ['', detail]),
    ].join('\n'),
  };
}

/** The error code of whatever openCore/ensureWritableDir threw; anything else is "unknown". */
export function errorCodeOf(error: unknown): ErrorCode | 'unknown' {
  return isCoreError(error) ? error.code : 'unknown';
}
