// `npm run start:web -- --data DIR --port N`: open the data folder and serve the app to a local browser.
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../app';
import { defaultAppDataDir, resolveDataDir } from '../data-dir';
import { isCoreError } from '../errors';
import { startWebServer } from './server';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const MESSAGES: Record<string, string> = {
  'vault.data_dir_unwritable': 'The data folder cannot be written. Choose another with --data DIR. / لا يمكن الكتابة في مجلد البيانات.',
  'vault.in_use': 'Another Tahseel is already using this data folder. / نسخة أخرى من تحصيل تستخدم مجلد البيانات هذا.',
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir({
    argv,
    env: process.env,
    appDataDir: defaultAppDataDir(process.env, process.platform, homedir()),
  });
  const portText = argValue(argv, '--port') ?? process.env.TAHSEEL_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid --port ${portText}: give a number from 0 to 65535 (0 picks a free port).`);
    process.exit(2);
  }
  let core;
  try {
    core = openCore({ dataDir, migrationsDir: resolve(repoRoot, 'db/migrations') });
  } catch (e) {
    if (isCoreError(e)) {
      console.error(`${MESSAGES[e.code] ?? e.message}\n(${e.code}: ${dataDir})`);
      process.exit(1);
    }
    throw e;
  }
  const rendererDir = process.env.TAHSEEL_RENDERER_DIR ?? resolve(repoRoot, 'out/renderer');
  const server = await startWebServer({ core, rendererDir, port });
  console.log(`Data folder: ${dataDir}`);
  console.log(`Tahseel is running at ${server.url}`);
  const stop = (): void => {
    void server.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
