// Keeps better-sqlite3's compiled addon matched to the runtime that loads it: Node for tests and browser mode,
// Electron for the desktop app. `tsx scripts/native-abi.ts node|electron [--check]`.
//
// Decision (for the README): one node_modules serves both runtimes, and a native addon is built for exactly one ABI
// (NODE_MODULE_VERSION: Node 20 = 115, Electron 45 = 150). So each entry point checks and rebuilds when needed:
// `npm test` (and browser mode) for Node with `npm rebuild better-sqlite3`, `npm start` for Electron with
// `electron-builder install-app-deps`. Switching back and forth costs a rebuild (about 80 s) each time, which is
// the price of tests that run where CI runs them. Running the tests under Electron's Node (ELECTRON_RUN_AS_NODE)
// instead was rejected: CI machines cannot download the Electron binary at all.
// The Electron-side rebuild needs Electron's headers from the internet and may print "Rebuild Complete" after
// building for Node's ABI anyway (seen here), so the result is verified from the addon's own bytes, not its log.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Runtime = 'node' | 'electron';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ADDON_RELATIVE = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * The ABI an addon was built for, read from the registration symbol non-N-API addons export
 * (`node_register_module_v115`). Null when absent (an N-API addon, or not an addon at all).
 */
export function addonAbi(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const match = /node_register_module_v(\d+)/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Electron's NODE_MODULE_VERSION, which the electron package records in `abi_version` (no binary needed). */
export function electronAbi(root: string = REPO_ROOT): number | null {
  const file = join(root, 'node_modules', 'electron', 'abi_version');
  if (!existsSync(file)) return null;
  const value = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(value) && value > 0 ? value : null;
}

export type LoadCheck = { ok: true } | { ok: false; mismatch: boolean; message: string };

type Spawn = (command: string, args: readonly string[], options: { cwd: string; encoding: 'utf8' }) => SpawnSyncReturns<string>;

/**
 * Does better-sqlite3 load and run a statement in this Node? Tried in a child process, because a failed
 * dlopen cannot be undone in the process that tried it.
 */
export function loadsInNode(root: string = REPO_ROOT, spawn: Spawn = spawnSync): LoadCheck {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
  const result = spawn(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  if (result.status === 0) return { ok: true };
  const message = `${result.stderr ?? ''}${result.error?.message ?? ''}`.trim();
  return { ok: false, mismatch: /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message), message };
}

export type Plan = { action: 'none' } | { action: 'rebuild'; reason: string } | { action: 'fail'; reason: string };

/** What to do for a runtime, given what is known about the addon. Pure: the tests drive every branch. */
export function planFor(
  runtime: Runtime,
  facts: { addonExists: boolean; addonAbi: number | null; targetAbi: number | null; load?: LoadCheck },
): Plan {
  if (!facts.addonExists) return { action: 'rebuild', reason: 'better-sqlite3 has not been built' };
  if (runtime === 'node') {
    const load = facts.load;
    if (load === undefined || load.ok) return { action: 'none' };
    return load.mismatch
      ? { action: 'rebuild', reason: `built for another runtime (ABI ${String(facts.addonAbi)}, Node needs ${String(facts.targetAbi)})` }
      : { action: 'fail', reason: `better-sqlite3 does not load in Node: ${load.message}` };
  }
  if (facts.targetAbi === null) return { action: 'fail', reason: "cannot read Electron's ABI (node_modules/electron/abi_version)" };
  if (facts.addonAbi === facts.targetAbi) return { action: 'none' };
  return { action: 'rebuild', reason: `built for ABI ${String(facts.addonAbi)}, Electron needs ${String(facts.targetAbi)}` };
}

/** The command that rebuilds for a runtime (npm's config carries nodedir for node-gyp on these machines). */
export function rebuildCommand(runtime: Runtime): { command: string; args: string[] } {
  return runtime === 'node'
    ? { command: 'npm', args: ['rebuild', 'better-sqlite3'] }
    : { command: 'npx', args: ['electron-builder', 'install-app-deps'] };
}

function facts(runtime: Runtime, root: string): Parameters<typeof planFor>[1] {
  const addon = join(root, ADDON_RELATIVE);
  const addonExists = existsSync(addon);
  const abi = addonExists ? addonAbi(readFileSync(addon)) : null;
  if (runtime === 'node') {
    return { addonExists, addonAbi: abi, targetAbi: Number(process.versions.modules), load: addonExists ? loadsInNode(root) : undefined };
  }
  return { addonExists, addonAbi: abi, targetAbi: electronAbi(root) };
}

/** Check, rebuild when needed, verify. Returns a process exit code (0 = ready). */
export function ensureNative(runtime: Runtime, opts: { root?: string; checkOnly?: boolean; log?: (m: string) => void } = {}): number {
  const root = opts.root ?? REPO_ROOT;
  const log = opts.log ?? ((m: string): void => console.log(m));
  const plan = planFor(runtime, facts(runtime, root));
  if (plan.action === 'none') return 0;
  if (plan.action === 'fail') {
    log(`native module: ${plan.reason}`);
    return 1;
  }
  if (opts.checkOnly === true) {
    log(`native module: ${plan.reason}`);
    return 1;
  }
  log(`native module: ${plan.reason}; rebuilding better-sqlite3 for ${runtime}…`);
  const { command, args } = rebuildCommand(runtime);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) {
    log(`native module: "${command} ${args.join(' ')}" failed (exit ${String(run.status)})`);
    return 1;
  }
  const after = planFor(runtime, facts(runtime, root));
  if (after.action !== 'none') {
    log(`native module: still not usable by ${runtime} after the rebuild: ${after.reason}`);
    if (runtime === 'electron') log('  (building for Electron needs its headers from the internet; see README "Native module")');
    return 1;
  }
  log(`native module: better-sqlite3 is ready for ${runtime}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runtime = process.argv[2];
  if (runtime !== 'node' && runtime !== 'electron') {
    console.error('usage: tsx scripts/native-abi.ts node|electron [--check]');
    process.exit(2);
  }
  process.exit(ensureNative(runtime, { checkOnly: process.argv.includes('--check') }));
}
