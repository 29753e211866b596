// electron-builder.yml says what the brief says, passes electron-builder's own schema, and the afterPack hook flips the
// fuses on a stand-in executable (a byte buffer with Electron's fuse sentinel: the real binary cannot be fetched here).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = new URL('../../../', import.meta.url);
const rootDir = fileURLToPath(root);

// js-yaml and app-builder-lib are installed with electron-builder; they have no types of their own here.
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface AfterPackModule {
  afterPack(context: unknown, flip?: (path: string, config: unknown) => Promise<number>): Promise<void>;
  fuseConfig(platform: string): Record<string, unknown>;
  executablePath(context: unknown): string;
}
const hook = require('../../../scripts/after-pack.cjs') as AfterPackModule;

interface Config {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: Array<{ from: string; to: string }>;
  afterPack: string;
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
  nsis: Record<string, unknown>;
}
const config = yaml.load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('names the app and its output', () => {
    expect(config.appId).toBe('sa.tahseel.desktop');
    expect(config.productName).toBe('Tahseel');
    expect(config.directories.output).toBe('dist');
  });
  it('ships the build output and package.json, never sources or maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map']));
    expect(config.files.some((f) => /^(electron|renderer|tests|db|scripts)\//.test(f))).toBe(false);
  });
  it('unpacks the native addon and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
  });
  it('ships migrations and fonts beside the app, from folders that exist', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'db/migrations', to: 'migrations' }), expect.objectContaining({ from: 'resources/fonts', to: 'fonts' })]),
    );
    expect(existsSync(new URL('db/migrations', root))).toBe(true);
    expect(existsSync(new URL('resources/fonts', root))).toBe(true);
  });
  it('builds a per-user, assisted, Arabic + English NSIS installer for x64 that keeps the data on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(existsSync(new URL(config.win.icon, root))).toBe(true);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['ar_SA', 'en_US'],
      multiLanguageInstaller: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis.artifactName).toBe('${productName}-Setup-${version}-${arch}.${ext}');
  });
  it('points afterPack at a hook that exists', () => {
    expect(config.afterPack).toBe('./scripts/after-pack.cjs');
    expect(existsSync(new URL(config.afterPack, root))).toBe(true);
  });
  it('passes electron-builder’s own configuration schema', async () => {
    const loaded = await builderConfig.getConfig(rootDir, 'electron-builder.yml', null);
    await expect(builderConfig.validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // …and the schema check is real: a misspelt option fails it.
    await expect(builderConfig.validateConfiguration({ ...loaded, nsis: { perMachin: false } }, new DebugLogger(false))).rejects.toThrow();
  });
});

describe('scripts/after-pack.cjs', () => {
  const context = (platform: string, appOutDir = '/dist/win-unpacked'): unknown => ({
    appOutDir,
    electronPlatformName: platform,
    packager: { appInfo: { productFilename: 'Tahseel' }, executableName: 'tahseel' },
  });

  it('finds the packed executable per platform', () => {
    expect(hook.executablePath(context('win32'))).toBe(join('/dist/win-unpacked', 'Tahseel.exe'));
    expect(hook.executablePath(context('darwin', '/dist/mac'))).toBe(join('/dist/mac', 'Tahseel.app'));
    expect(hook.executablePath(context('linux', '/dist/linux-unpacked'))).toBe(join('/dist/linux-unpacked', 'tahseel'));
    expect(() => hook.executablePath(context('beos'))).toThrow(/unknown platform/);
  });

  it('flips the eight fuses the brief names on a stand-in executable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tahseel-fuses-'));
    const exe = join(dir, 'Tahseel.exe');
    const ENABLE = 0x31;
    const DISABLE = 0x30;
    // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, integrity off,
    // asar-only off, browser V8 snapshot off, file:// privileges on.
    const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');
    writeFileSync(exe, Buffer.concat([Buffer.alloc(64, 7), sentinel, Buffer.from([1, defaults.length, ...defaults]), Buffer.alloc(64, 9)]));
    try {
      await hook.afterPack(context('win32', dir));
      const bytes = readFileSync(exe);
      const wire = bytes.indexOf(sentinel) + sentinel.length + 2;
      expect([...bytes.subarray(wire, wire + 8)]).toEqual([DISABLE, ENABLE, DISABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE]);
      expect(bytes.length).toBe(64 + sentinel.length + 2 + 8 + 64);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-signs ad hoc only for macOS', () => {
    expect(hook.fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(hook.fuseConfig('win32').resetAdHocDarwinSignature).toBe(false);
  });
});
