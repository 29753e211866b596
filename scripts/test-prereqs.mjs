// Before `npm test`: make sure the outside tools the tests use are here (Chromium, pdftotext, qpdf, strings, zbarimg).
// On Debian as root they are installed; elsewhere the missing ones are named and the run stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = [
  { bin: process.env.TAHSEEL_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  { bin: '/usr/bin/qpdf', pkg: 'qpdf' },
  { bin: '/usr/bin/strings', pkg: 'binutils' },
  { bin: '/usr/bin/zbarimg', pkg: 'zbar-tools' },
];
const missing = tools.filter((t) => !existsSync(t.bin));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((t) => t.pkg);
const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(`The tests need: ${pkgs.join(', ')}. Install them (Debian: apt-get install -y ${pkgs.join(' ')}),`);
  console.error('or point TAHSEEL_CHROMIUM at a Chromium/Chrome binary.');
  process.exit(1);
}
console.log(`Installing what the tests need: ${pkgs.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...pkgs]]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
