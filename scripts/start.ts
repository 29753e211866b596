// `npm start [-- --data DIR --port N]`: the desktop app when the Electron binary is installed, else browser mode
// (the same core over HTTP on 127.0.0.1) with a message saying so. `--web` asks for browser mode outright.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureNative, REPO_ROOT } from './native-abi';

export const NO_BINARY_MESSAGE = [
  'The Electron binary is not installed on this machine; starting Tahseel in browser mode instead…',
  'برنامج Electron غير مثبت على هذا الجهاز؛ سيعمل تحصيل في وضع المتصفح بدلًا من ذلك…',
  '(To get the desktop window on a machine with internet: node node_modules/electron/install.js)',
].join('\n');

interface FsLike {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

/**
 * Where the Electron executable is, or null when it is not installed. This mirrors node_modules/electron/index.js
 * instead of requiring it, because requiring it when the binary is missing starts a download (which hangs or
 * fails on machines without internet) before it throws.
 */
export function electronBinaryPath(root: string, env: Readonly<Record<string, string | undefined>>, fs: FsLike = { existsSync, readFileSync }): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  let binary: string | null = null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') binary = join(override, relative === '' ? 'electron' : relative);
  else if (relative !== '') binary = join(pkg, 'dist', relative);
  return binary !== null && fs.existsSync(binary) ? binary : null;
}

export type StartPlan = { mode: 'electron'; electron: string } | { mode: 'browser'; reason: 'requested' | 'no_binary' };

export function decideStart(argv: readonly string[], electron: string | null): StartPlan {
  if (argv.includes('--web')) return { mode: 'browser', reason: 'requested' };
  return electron === null ? { mode: 'browser', reason: 'no_binary' } : { mode: 'electron', electron };
}

/** The user's arguments for the app (`--data DIR`, `--port N`, …), without our own `--web`. */
export function forwardedArgs(argv: readonly string[]): string[] {
  return argv.filter((a) => a !== '--web');
}

interface StatLike {
  existsSync(path: string): boolean;
  statSync(path: string): { mtimeMs: number; isDirectory(): boolean };
  readdirSync(path: string): string[];
}
const realFs: StatLike = { existsSync, statSync, readdirSync: (p) => readdirSync(p) };

/** Newest modification time under the given files and folders (node_modules and dot-folders skipped). */
export function newestMtime(paths: readonly string[], fs: StatLike = realFs): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const s = fs.statSync(p);
    if (!s.isDirectory()) {
      newest = Math.max(newest, s.mtimeMs);
      return;
    }
    for (const name of fs.readdirSync(p)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      visit(join(p, name));
    }
  };
  paths.forEach(visit);
  return newest;
}

/** True when any output is missing or older than the newest input. */
export function isStale(outputs: readonly string[], inputs: readonly string[], fs: StatLike = realFs): boolean {
  if (outputs.some((o) => !fs.existsSync(o))) return true;
  const oldestOutput = Math.min(...outputs.map((o) => fs.statSync(o).mtimeMs));
  return newestMtime(inputs, fs) > oldestOutput;
}

const at = (...parts: string[]): string => join(REPO_ROOT, ...parts);
// What the renderer bundle is made of (it imports the contract and domain, the locales and the UI font).
const RENDERER_INPUTS = [at('renderer'), at('locales'), at('electron', 'contract'), at('electron', 'domain'), at('resources', 'fonts'), at('electron.vite.config.ts'), at('package.json')];
const APP_INPUTS = [...RENDERER_INPUTS, at('electron'), at('db')];
const RENDERER_OUTPUT = [at('out', 'renderer', 'index.html')];
const APP_OUTPUTS = [at('out', 'main', 'index.js'), at('out', 'preload', 'index.cjs'), ...RENDERER_OUTPUT];

const isWindows = process.platform === 'win32';

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', shell: isWindows }).status ?? 1;
}

/** Build only the renderer, through electron-vite's own config resolution, so a broken main cannot block browser mode. */
async function buildRenderer(): Promise<void> {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const resolved = await resolveConfig({ root: REPO_ROOT }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (renderer === undefined) throw new Error('electron.vite.config.ts has no renderer section');
  await build(renderer);
}

/** Run a child to the end with our stdio; Ctrl+C reaches it directly, so we only wait and pass on its exit code. */
function runForeground(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env });
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const plan = decideStart(argv, electronBinaryPath(REPO_ROOT, process.env));
  const args = forwardedArgs(argv);

  if (plan.mode === 'electron') {
    if (ensureNative('electron') !== 0) {
      console.error('better-sqlite3 could not be built for Electron; `npm run start:web` runs browser mode meanwhile.');
      process.exit(1);
    }
    if (isStale(APP_OUTPUTS, APP_INPUTS) && run('npx', ['electron-vite', 'build']) !== 0) process.exit(1);
    // A leftover ELECTRON_RUN_AS_NODE would start a bare Node instead of the app.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    runForeground(plan.electron, ['.', ...args], env);
    return;
  }

  if (plan.reason === 'no_binary') console.log(NO_BINARY_MESSAGE);
  if (ensureNative('node') !== 0) process.exit(1);
  if (isStale(RENDERER_OUTPUT, RENDERER_INPUTS)) {
    console.log('Building the renderer (out/renderer)…');
    await buildRenderer();
  }
  runForeground(process.execPath, ['--import', 'tsx', at('electron', 'core', 'web', 'cli.ts'), ...args]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
