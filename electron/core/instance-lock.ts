// One running Tahseel per data folder: a lock file holding the owner's pid, taken over only if that pid is gone.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from './errors';

export const LOCK_FILE = 'tahseel.lock';

/** Folders this process holds: the pid in the file cannot tell two opens in one process apart. */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the data folder; throws `vault.in_use` when another live process holds it. Returns the release function. */
export function acquireInstanceLock(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  if (heldHere.has(file)) throw new CoreError('vault.in_use', 'This data folder is already open', { dir: dataDir });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      heldHere.add(file);
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CoreError('vault.data_dir_unwritable', `Cannot create ${file}`, { dir: dataDir }, e);
      }
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new CoreError('vault.in_use', 'Another Tahseel is using this data folder', { dir: dataDir, pid });
      }
      rmSync(file, { force: true }); // stale: its owner died without cleaning up
    }
  }
  throw new CoreError('vault.in_use', 'Could not take the data folder lock', { dir: dataDir });
}
