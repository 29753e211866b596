// `npm start`'s decisions (desktop or browser mode, what is stale) and the native-module ABI check behind them.
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDON_RELATIVE, addonAbi, electronAbi, loadsInNode, planFor, REPO_ROOT, rebuildCommand } from '../../../scripts/native-abi';
import { decideStart, electronBinaryPath, forwardedArgs, isStale, newestMtime, NO_BINARY_MESSAGE } from '../../../scripts/start';

function fakeFs(files: Record<string, string>): { existsSync(p: string): boolean; readFileSync(p: string): string } {
  return { existsSync: (p) => p in files, readFileSync: (p) => files[p] ?? '' };
}

describe('electronBinaryPath', () => {
  const pkg = join('/repo', 'node_modules', 'electron');
  it('is null when the package was installed without its binary (no path.txt)', () => {
    expect(electronBinaryPath('/repo', {}, fakeFs({}))).toBeNull();
  });
  it('is null when path.txt names a binary that is not there', () => {
    expect(electronBinaryPath('/repo', {}, fakeFs({ [join(pkg, 'path.txt')]: 'electron' }))).toBeNull();
  });
  it('finds dist/<path.txt>', () => {
    const fs = fakeFs({ [join(pkg, 'path.txt')]: 'electron.exe\n', [join(pkg, 'dist', 'electron.exe')]: '' });
    expect(electronBinaryPath('/repo', {}, fs)).toBe(join(pkg, 'dist', 'electron.exe'));
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js does', () => {
    const fs = fakeFs({ [join('/opt/electron', 'electron')]: '' });
    expect(electronBinaryPath('/repo', { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, fs)).toBe(join('/opt/electron', 'electron'));
  });
  it('answers for the real checkout without trying to download (null where the binary was skipped)', () => {
    const found = electronBinaryPath(REPO_ROOT, {});
    expect(found === null || existsSync(found)).toBe(true);
  });
});

describe('decideStart', () => {
  it('falls back to browser mode when the binary is missing', () => {
    expect(decideStart(['--data', '/d'], null)).toEqual({ mode: 'browser', reason: 'no_binary' });
  });
  it('runs the desktop app when the binary is there, unless --web asks for browser mode', () => {
    expect(decideStart([], '/e/electron')).toEqual({ mode: 'electron', electron: '/e/electron' });
    expect(decideStart(['--web'], '/e/electron')).toEqual({ mode: 'browser', reason: 'requested' });
  });
  it('forwards the user’s arguments without --web', () => {
    expect(forwardedArgs(['--web', '--data', '/d', '--port', '8080'])).toEqual(['--data', '/d', '--port', '8080']);
  });
  it('says so in English and Arabic', () => {
    expect(NO_BINARY_MESSAGE).toContain('The Electron binary is not installed on this machine; starting Tahseel in browser mode instead');
    expect(NO_BINARY_MESSAGE).toContain('وضع المتصفح');
  });
});

describe('isStale', () => {
  const tree: Record<string, { mtimeMs: number; children?: string[] }> = {
    '/out/index.html': { mtimeMs: 100 },
    '/src': { mtimeMs: 0, children: ['a.ts', 'deep', 'node_modules', '.cache'] },
    '/src/a.ts': { mtimeMs: 50 },
    '/src/deep': { mtimeMs: 0, children: ['b.tsx'] },
    '/src/deep/b.tsx': { mtimeMs: 90 },
    '/src/node_modules': { mtimeMs: 999, children: [] },
    '/src/.cache': { mtimeMs: 999, children: [] },
  };
  const fs = {
    existsSync: (p: string): boolean => p in tree,
    statSync: (p: string) => ({ mtimeMs: tree[p]?.mtimeMs ?? 0, isDirectory: () => tree[p]?.children !== undefined }),
    readdirSync: (p: string): string[] => tree[p]?.children ?? [],
  };
  it('walks folders for the newest source, skipping node_modules and dot-folders', () => {
    expect(newestMtime(['/src', '/missing'], fs)).toBe(90);
  });
  it('is fresh when the output is newer than every source, stale otherwise or when missing', () => {
    expect(isStale(['/out/index.html'], ['/src'], fs)).toBe(false);
    const touched: typeof tree = { ...tree, '/src/a.ts': { mtimeMs: 150 } };
    expect(isStale(['/out/index.html'], ['/src'], { ...fs, statSync: (p: string) => ({ mtimeMs: touched[p]?.mtimeMs ?? 0, isDirectory: () => touched[p]?.children !== undefined }) })).toBe(true);
    expect(isStale(['/out/index.html', '/out/other.js'], ['/src'], fs)).toBe(true);
  });
});

describe('native module ABI', () => {
  it('reads the ABI an addon was built for from its registration symbol', () => {
    expect(addonAbi(Buffer.from('\0\0node_register_module_v115\0junk'))).toBe(115);
    expect(addonAbi(Buffer.from('no symbol here'))).toBeNull();
    const built = readFileSync(join(REPO_ROOT, ADDON_RELATIVE));
    expect(addonAbi(built)).toBe(Number(process.versions.modules)); // the tests run, so it is built for this Node
  });
  it('reads Electron’s ABI from the package, without the binary', () => {
    const abi = electronAbi();
    expect(abi).toBeGreaterThan(Number(process.versions.modules));
  });
  it('sees that better-sqlite3 loads in this Node', () => {
    expect(loadsInNode()).toEqual({ ok: true });
  });
  it('recognises the NODE_MODULE_VERSION error from a child process', () => {
    const stderr =
      "Error: The module '/repo/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 150. This version of Node.js requires\nNODE_MODULE_VERSION 115.";
    const spawn = (): SpawnSyncReturns<string> => ({ pid: 1, output: [], stdout: '', stderr, status: 1, signal: null });
    expect(loadsInNode('/repo', spawn)).toMatchObject({ ok: false, mismatch: true });
    const other = (): SpawnSyncReturns<string> => ({ pid: 1, output: [], stdout: '', stderr: 'Error: Cannot find module', status: 1, signal: null });
    expect(loadsInNode('/repo', other)).toMatchObject({ ok: false, mismatch: false });
  });
  it('plans: nothing, rebuild or a clear failure', () => {
    const mismatch = { ok: false as const, mismatch: true, message: 'NODE_MODULE_VERSION' };
    expect(planFor('node', { addonExists: true, addonAbi: 115, targetAbi: 115, load: { ok: true } })).toEqual({ action: 'none' });
    expect(planFor('node', { addonExists: true, addonAbi: 150, targetAbi: 115, load: mismatch }).action).toBe('rebuild');
    expect(planFor('node', { addonExists: true, addonAbi: null, targetAbi: 115, load: { ok: false, mismatch: false, message: 'x' } }).action).toBe('fail');
    expect(planFor('node', { addonExists: false, addonAbi: null, targetAbi: 115 }).action).toBe('rebuild');
    expect(planFor('electron', { addonExists: true, addonAbi: 150, targetAbi: 150 })).toEqual({ action: 'none' });
    const electronPlan = planFor('electron', { addonExists: true, addonAbi: 115, targetAbi: 150 });
    expect(electronPlan.action).toBe('rebuild');
    expect(electronPlan.action === 'rebuild' && electronPlan.reason).toContain('Electron needs 150');
    expect(planFor('electron', { addonExists: true, addonAbi: 115, targetAbi: null }).action).toBe('fail');
  });
  it('rebuilds with npm for Node and electron-builder for Electron', () => {
    expect(rebuildCommand('node')).toEqual({ command: 'npm', args: ['rebuild', 'better-sqlite3'] });
    expect(rebuildCommand('electron')).toEqual({ command: 'npx', args: ['electron-builder', 'install-app-deps'] });
  });
});
