// Electron main: lifecycle and wiring only. Every decision lives in the pure modules beside it (policy, security,
// app-protocol, ipc, startup, menu), which are unit-tested in Node because the Electron binary cannot run in CI.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { openCore, type CoreApp } from '../core/app';
import { ensureWritableDir, resolveDataDir } from '../core/data-dir';
import { CALL_CHANNEL, CHOOSE_FOLDER_CHANNEL, EVENT_CHANNEL } from '../contract/bridge';
import { createAppProtocolHandler } from './app-protocol';
import { createCallHandler, createChooseFolderHandler } from './ipc';
import { menuTemplate } from './menu';
import { APP_SCHEME, originPolicy, startUrl } from './policy';
import { createSessionGuard, guardWebContents } from './security';
import {
  chromiumProfileDir,
  errorCodeOf,
  EXIT_CODES,
  forbiddenSwitchesPresent,
  mainWindowOptions,
  shellPaths,
  startupFailure,
  type FatalError,
} from './startup';

const log = (message: string): void => console.warn(`[shell] ${message}`);
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const policy = originPolicy({ isPackaged: app.isPackaged, rendererUrl });
const paths = shellPaths({
  mainDir: dirname(fileURLToPath(import.meta.url)),
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  appRoot: app.getAppPath(),
});

// The PDF code finds its fonts through this variable once bundled (electron/core/pdf/fonts.ts).
process.env.TAHSEEL_FONTS_DIR ??= paths.fontsDir;
// …and the default letter templates (electron/core/letters/defaults.ts).
process.env.TAHSEEL_TEMPLATES_DIR ??= paths.templatesDir;

// One guard for every session, so the default session is not guarded twice (ready, then web-contents-created).
const guardSessionOnce = createSessionGuard(policy, { log });

let mainWindow: BrowserWindow | null = null;
let core: CoreApp | null = null;

function fail(failure: FatalError): void {
  // Safe before `ready`; on Linux before `ready` it prints to stderr instead of showing a box.
  dialog.showErrorBox(failure.title, failure.content);
  core?.close();
  app.exit(failure.exitCode);
}

// Before `ready`: our scheme must be privileged to behave like https (origin, fetch, secure context).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Every renderer sandboxed, whatever options a future window is created with.
app.enableSandbox();

function start(): boolean {
  const refused = forbiddenSwitchesPresent((name) => app.commandLine.hasSwitch(name), app.isPackaged);
  if (refused.length > 0) {
    fail({ ...startupFailure('unknown', '', `Refused command-line switches: ${refused.join(', ')}`), exitCode: EXIT_CODES.forbiddenSwitch });
    return false;
  }
  const dataDir = resolveDataDir({ argv: process.argv, env: process.env, appDataDir: app.getPath('appData') });
  try {
    ensureWritableDir(dataDir);
  } catch (error) {
    fail(startupFailure(errorCodeOf(error), dataDir));
    return false;
  }
  // Must precede the single-instance lock, which lives in the profile folder (see chromiumProfileDir).
  app.setPath('userData', chromiumProfileDir(dataDir));
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets `second-instance` and comes to the front; this one leaves quietly.
    app.exit(0);
    return false;
  }

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, policy, { openExternal: (url) => shell.openExternal(url), log });
    guardSessionOnce(contents.session);
  });
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  app
    .whenReady()
    .then(() => onReady(dataDir))
    .catch((error: unknown) => fail(startupFailure(errorCodeOf(error), dataDir, String(error))));
  return true;
}

function onReady(dataDir: string): void {
  guardSessionOnce(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot, { log }));

  try {
    core = openCore({ dataDir, migrationsDir: paths.migrationsDir });
  } catch (error) {
    fail(startupFailure(errorCodeOf(error), dataDir, String(error)));
    return;
  }
  const opened = core;
  ipcMain.handle(CALL_CHANNEL, createCallHandler(opened, policy, log));
  // The backup folder is chosen with the system's folder dialog, over the window (Settings → Backups).
  ipcMain.handle(
    CHOOSE_FOLDER_CHANNEL,
    createChooseFolderHandler(policy, (options) => (mainWindow !== null && !mainWindow.isDestroyed() ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)), log),
  );
  opened.onEvent((event) => {
    if (mainWindow !== null && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', dev: policy.dev })));
  mainWindow = createMainWindow();
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preload: paths.preload, dev: policy.dev }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(startUrl(policy, rendererUrl)).catch((error: unknown) => log(`loading the UI failed: ${String(error)}`));
  return window;
}

start();
