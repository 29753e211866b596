// Start-up decisions: data folder, Chromium profile, sibling paths, window options, fatal errors, switches, the menu.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureWritableDir, resolveDataDir } from '../../../electron/core/data-dir';
import { CoreError } from '../../../electron/core/errors';
import { menuTemplate } from '../../../electron/main/menu';
import {
  chromiumProfileDir,
  errorCodeOf,
  EXIT_CODES,
  forbiddenSwitchesPresent,
  mainWindowOptions,
  shellPaths,
  startupFailure,
} from '../../../electron/main/startup';

describe('data folder (as main resolves it)', () => {
  const appDataDir = 'C:\\Users\\office\\AppData\\Roaming';
  it('defaults to <appData>/Tahseel', () => {
    expect(resolveDataDir({ argv: ['Tahseel.exe'], env: {}, appDataDir })).toBe(join(appDataDir, 'Tahseel'));
  });
  it('takes --data DIR, --data=DIR, then TAHSEEL_DATA', () => {
    expect(resolveDataDir({ argv: ['Tahseel.exe', '--data', '/srv/office'], env: { TAHSEEL_DATA: '/x' }, appDataDir })).toBe('/srv/office');
    expect(resolveDataDir({ argv: ['electron', '.', '--data=/srv/o2'], env: {}, appDataDir })).toBe('/srv/o2');
    expect(resolveDataDir({ argv: ['Tahseel.exe'], env: { TAHSEEL_DATA: '/srv/env' }, appDataDir })).toBe('/srv/env');
    expect(resolveDataDir({ argv: ['Tahseel.exe', '--data', 'rel'], env: {}, appDataDir, cwd: '/work' })).toBe('/work/rel');
  });
  it('reports an unwritable folder with the code main turns into exit code 2', () => {
    const base = mkdtempSync(join(tmpdir(), 'tahseel-dd-'));
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    let caught: unknown;
    try {
      ensureWritableDir(join(file, 'data')); // a folder below a file can never be created
    } catch (error) {
      caught = error;
    }
    expect(errorCodeOf(caught)).toBe('vault.data_dir_unwritable');
    expect(startupFailure(errorCodeOf(caught), file).exitCode).toBe(EXIT_CODES.dataDirUnwritable);
    rmSync(base, { recursive: true, force: true });
  });
});

describe('paths', () => {
  it('keeps Chromium’s profile in its own sub-folder of the data folder', () => {
    expect(chromiumProfileDir('/data/office')).toBe('/data/office/chromium-profile');
  });
  it('finds preload, renderer and migrations in development and packaged', () => {
    expect(shellPaths({ mainDir: '/repo/out/main', isPackaged: false, resourcesPath: '/electron/resources', appRoot: '/repo' })).toEqual({
      preload: '/repo/out/preload/index.cjs',
      rendererRoot: '/repo/out/renderer',
      migrationsDir: '/repo/db/migrations',
      fontsDir: '/repo/resources/fonts',
      templatesDir: '/repo/resources/templates',
    });
    expect(
      shellPaths({ mainDir: '/app/resources/app.asar/out/main', isPackaged: true, resourcesPath: '/app/resources', appRoot: '/app/resources/app.asar' }),
    ).toMatchObject({
      preload: '/app/resources/app.asar/out/preload/index.cjs',
      migrationsDir: '/app/resources/migrations',
      fontsDir: '/app/resources/fonts',
      templatesDir: '/app/resources/templates',
    });
  });
});

describe('mainWindowOptions', () => {
  it('has the size, title and the locked-down webPreferences', () => {
    const o = mainWindowOptions({ preload: '/p/index.cjs', dev: false });
    expect(o).toMatchObject({ width: 1280, height: 800, show: false, title: 'تحصيل — Tahseel' });
    expect(o.minWidth).toBeGreaterThan(0);
    expect(o.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(o.webPreferences).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(mainWindowOptions({ preload: '/p', dev: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('startupFailure', () => {
  it('explains an unwritable folder in Arabic and English, naming the folder', () => {
    const f = startupFailure('vault.data_dir_unwritable', 'D:\\Office');
    expect(f.exitCode).toBe(2);
    expect(f.content).toContain('تعذّر فتح مجلد البيانات');
    expect(f.content).toContain('cannot be opened or written');
    expect(f.content.split('D:\\Office')).toHaveLength(3);
  });
  it('explains a folder in use', () => {
    const f = startupFailure(errorCodeOf(new CoreError('vault.in_use', 'locked')), '/d');
    expect(f.exitCode).toBe(3);
    expect(f.content).toContain('مستخدم حاليًا');
    expect(f.content).toContain('in use by another copy');
  });
  it('falls back to a generic message with the detail, non-zero', () => {
    const f = startupFailure(errorCodeOf(new Error('x')), '/d', 'Error: x');
    expect(f.exitCode).toBe(1);
    expect(f.content).toContain('Tahseel could not start.');
    expect(f.content).toContain('Error: x');
    expect(errorCodeOf('string')).toBe('unknown');
    expect(errorCodeOf(null)).toBe('unknown');
  });
});

describe('forbiddenSwitchesPresent', () => {
  const has = (present: string[]) => (name: string): boolean => present.includes(name);
  it('refuses remote debugging in packaged builds only', () => {
    expect(forbiddenSwitchesPresent(has(['remote-debugging-port', 'lang']), true)).toEqual(['remote-debugging-port']);
    expect(forbiddenSwitchesPresent(has(['remote-debugging-port']), false)).toEqual([]);
    expect(forbiddenSwitchesPresent(has([]), true)).toEqual([]);
  });
});

describe('menuTemplate', () => {
  const roles = (t: ReturnType<typeof menuTemplate>): string[] =>
    t.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? '') : [])]).filter((r) => r !== '');
  it('has no developer tools or reload in production', () => {
    const r = roles(menuTemplate({ isMac: false, dev: false }));
    expect(r).toContain('quit');
    expect(r).toContain('editMenu');
    expect(r).toContain('zoomIn');
    expect(r).not.toContain('toggleDevTools');
    expect(r).not.toContain('reload');
    expect(r).not.toContain('forceReload');
  });
  it('adds them in development, and the app menu on macOS', () => {
    expect(roles(menuTemplate({ isMac: false, dev: true }))).toContain('toggleDevTools');
    expect(roles(menuTemplate({ isMac: true, dev: false }))[0]).toBe('appMenu');
  });
});
