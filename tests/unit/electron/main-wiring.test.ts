// electron/main/index.ts wired against a fake 'electron' module and the REAL core on a temp data folder: start-up order,
// the guards, the app:// handler, the IPC channel reaching the core, the window, and the start-up failure path.
// vi.mock('electron') is the only way to run main here: the Electron binary cannot be downloaded on these machines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Recorded {
  calls: Array<[string, ...unknown[]]>;
  appListeners: Map<string, Array<(...args: unknown[]) => void>>;
  handlers: Map<string, (...args: unknown[]) => unknown>;
  protocolHandler?: (request: Request) => Promise<Response>;
  windows: Array<{ options: Record<string, unknown>; url?: string; shown: boolean; sent: unknown[][]; emit(event: string): void }>;
  lock: boolean;
}

const state = vi.hoisted(() => ({ current: undefined as unknown as Recorded }));

vi.mock('electron', () => {
  const r = (): Recorded => state.current;
  const record = (name: string, ...args: unknown[]): void => {
    r().calls.push([name, ...args]);
  };
  const fakeSession = {
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: () => record('session.setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: () => record('session.onBeforeRequest') },
  };
  class BrowserWindow {
    private listeners = new Map<string, Array<() => void>>();
    readonly record: Recorded['windows'][number];
    readonly webContents = {
      send: (...args: unknown[]): void => {
        this.record.sent.push(args);
      },
    };
    constructor(options: Record<string, unknown>) {
      this.record = {
        options,
        shown: false,
        sent: [],
        emit: (event) => this.listeners.get(event)?.forEach((l) => l()),
      };
      r().windows.push(this.record);
    }
    once(event: string, listener: () => void): void {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }
    on(event: string, listener: () => void): void {
      this.once(event, listener);
    }
    show(): void {
      this.record.shown = true;
    }
    loadURL(url: string): Promise<void> {
      this.record.url = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {
      record('window.focus');
    }
  }
  return {
    app: {
      isPackaged: false,
      commandLine: { hasSwitch: () => false },
      getAppPath: () => fileURLToPath(new URL('../../../', import.meta.url)),
      getPath: (name: string) => (name === 'appData' ? '/nonexistent-appdata' : `/nonexistent-${name}`),
      setPath: (name: string, value: string) => record('app.setPath', name, value),
      enableSandbox: () => record('app.enableSandbox'),
      requestSingleInstanceLock: () => {
        record('app.requestSingleInstanceLock');
        return r().lock;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => {
        r().appListeners.set(event, [...(r().appListeners.get(event) ?? []), listener]);
      },
      whenReady: () => Promise.resolve(),
      quit: () => record('app.quit'),
      exit: (code: number) => record('app.exit', code),
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', title, content),
      showOpenDialog: (...args: unknown[]) => {
        record('dialog.showOpenDialog', ...args);
        return Promise.resolve({ canceled: false, filePaths: ['/media/usb/backups'] });
      },
    },
    ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => r().handlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        record('protocol.handle', scheme);
        r().protocolHandler = handler;
      },
    },
    session: { defaultSession: fakeSession },
    shell: { openExternal: (url: string) => Promise.resolve(record('shell.openExternal', url)) },
  };
});

let dir = '';
const names = (): string[] => state.current.calls.map((c) => c[0]);

beforeEach(() => {
  vi.resetModules();
  state.current = { calls: [], appListeners: new Map(), handlers: new Map(), windows: [], lock: true };
  dir = mkdtempSync(join(tmpdir(), 'tahseel-main-'));
  (process as { resourcesPath?: string }).resourcesPath = join(dir, 'resources');
});

afterEach(() => {
  state.current.appListeners.get('will-quit')?.forEach((l) => l()); // closes the core, releasing the folder
  delete process.env.TAHSEEL_DATA;
  rmSync(dir, { recursive: true, force: true });
});

async function startMain(): Promise<void> {
  await import('../../../electron/main/index');
  await new Promise((resolve) => setTimeout(resolve, 50)); // let whenReady().then(onReady) run
}

describe('electron/main/index.ts', () => {
  it('starts in the right order and opens the real core on the data folder', async () => {
    process.env.TAHSEEL_DATA = join(dir, 'data');
    await startMain();
    const order = names();
    expect(order.indexOf('protocol.registerSchemesAsPrivileged')).toBe(0);
    expect(state.current.calls[0]?.[1]).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(order).toContain('app.enableSandbox');
    // The profile (and so the single-instance lock) moves into the data folder before the lock is taken.
    expect(state.current.calls.find((c) => c[0] === 'app.setPath')).toEqual(['app.setPath', 'userData', join(dir, 'data', 'chromium-profile')]);
    expect(order.indexOf('app.setPath')).toBeLessThan(order.indexOf('app.requestSingleInstanceLock'));
    for (const guard of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.onBeforeRequest']) {
      expect(order, guard).toContain(guard);
    }
    expect(state.current.appListeners.has('web-contents-created')).toBe(true);
    expect(state.current.appListeners.has('second-instance')).toBe(true);
    expect(order).toContain('Menu.setApplicationMenu');
    expect(order).not.toContain('dialog.showErrorBox');
    expect(order).not.toContain('app.exit');
  });

  it('opens one locked-down window on app://tahseel and shows it when ready', async () => {
    process.env.TAHSEEL_DATA = join(dir, 'data');
    await startMain();
    expect(state.current.windows).toHaveLength(1);
    const win = state.current.windows[0];
    expect(win?.url).toBe('app://tahseel/index.html');
    expect(win?.options).toMatchObject({ width: 1280, height: 800, show: false });
    expect(win?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win?.shown).toBe(false);
    win?.emit('ready-to-show');
    expect(win?.shown).toBe(true);
  });

  it('answers IPC calls from our page through the core, and refuses other senders', async () => {
    process.env.TAHSEEL_DATA = join(dir, 'data');
    await startMain();
    const call = state.current.handlers.get('tahseel:call');
    expect(call).toBeTypeOf('function');
    const fromApp = { senderFrame: { url: 'app://tahseel/index.html' } };
    const status = (await call?.(fromApp, 'app.status', {}, null)) as { ok: boolean; value?: { state: string } };
    expect(status.ok).toBe(true);
    expect(typeof status.value?.state).toBe('string');
    const unknown = (await call?.(fromApp, 'no.such', {}, null)) as { ok: boolean; error?: { code: string } };
    expect(unknown.error?.code).toBe('procedure.unknown');
    const evil = (await call?.({ senderFrame: { url: 'https://evil.example/' } }, 'app.status', {}, null)) as { error?: { code: string } };
    expect(evil.error?.code).toBe('permission.denied');
  });

  it('shows the folder dialog over the window for our page (Settings → Backups), and to no one else', async () => {
    process.env.TAHSEEL_DATA = join(dir, 'data');
    await startMain();
    const choose = state.current.handlers.get('tahseel:choose-folder');
    expect(choose).toBeTypeOf('function');
    const fromApp = { senderFrame: { url: 'app://tahseel/index.html' } };
    expect(await choose?.(fromApp, { title: 'Backup folder' })).toBe('/media/usb/backups');
    const shown = state.current.calls.filter((c) => c[0] === 'dialog.showOpenDialog');
    expect(shown).toHaveLength(1);
    // Over the main window (a window first, then the options).
    expect(shown[0]?.[2]).toEqual({ title: 'Backup folder', properties: ['openDirectory', 'createDirectory'] });
    expect(await choose?.({ senderFrame: { url: 'https://evil.example/' } }, { title: 'x' })).toBeNull();
    expect(state.current.calls.filter((c) => c[0] === 'dialog.showOpenDialog')).toHaveLength(1);
  });

  it('registers the app:// handler, which answers with the CSP header', async () => {
    process.env.TAHSEEL_DATA = join(dir, 'data');
    await startMain();
    expect(state.current.calls.find((c) => c[0] === 'protocol.handle')?.[1]).toBe('app');
    const res = await state.current.protocolHandler?.(new Request('app://tahseel/..%2f..%2fpackage.json'));
    expect(res?.status).toBe(404);
    expect(res?.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('shows a bilingual error and exits 2 when the data folder cannot be written', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    process.env.TAHSEEL_DATA = join(dir, 'a-file', 'data');
    await startMain();
    const box = state.current.calls.find((c) => c[0] === 'dialog.showErrorBox');
    expect(String(box?.[2])).toContain('تعذّر فتح مجلد البيانات');
    expect(String(box?.[2])).toContain('cannot be opened or written');
    expect(state.current.calls.find((c) => c[0] === 'app.exit')).toEqual(['app.exit', 2]);
    expect(names()).not.toContain('app.requestSingleInstanceLock');
    expect(state.current.windows).toHaveLength(0);
  });

  it('a second instance leaves quietly (exit 0) without opening the core or a window', async () => {
    process.env.TAHSEEL_DATA = join(dir, 'data');
    state.current.lock = false;
    await startMain();
    expect(state.current.calls.find((c) => c[0] === 'app.exit')).toEqual(['app.exit', 0]);
    expect(state.current.windows).toHaveLength(0);
    expect(state.current.handlers.size).toBe(0);
  });
});
