// `npm run setup`: install dependencies with the settings this project needs where Electron or prebuilt
// binaries cannot be downloaded (see README "What setup does").
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env };
if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === undefined && env.TAHSEEL_WITH_ELECTRON !== '1') {
  // Try with the binary only when asked: the download fails on machines with only the npm registry.
  env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
}
if (env.npm_config_nodedir === undefined && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
