// Files read for an import, held in memory for the user who opened them while they map, check and commit (never on disk:
// the file holds personal data and the data folder is the only place it may be stored, encrypted).
import { randomUUID } from 'node:crypto';
import type { CoreState } from '../../api/context';
import { CoreError } from '../../errors';
import type { ImportTable } from '../../imports/read';

export interface HeldFile {
  token: string;
  userId: string;
  clientId: number;
  fileName: string;
  sha256: string;
  table: ImportTable;
  at: number;
}

const KEEP_MS = 60 * 60 * 1000;
/** A user works on one file at a time; a second open replaces the first. */
const held = new WeakMap<CoreState, Map<string, HeldFile>>();

function filesOf(core: CoreState): Map<string, HeldFile> {
  let m = held.get(core);
  if (!m) held.set(core, (m = new Map<string, HeldFile>()));
  const now = Date.now();
  for (const [k, f] of m) if (now - f.at > KEEP_MS) m.delete(k);
  return m;
}

export function holdFile(core: CoreState, f: Omit<HeldFile, 'token' | 'at'>): HeldFile {
  const m = filesOf(core);
  for (const [k, old] of m) if (old.userId === f.userId) m.delete(k);
  const entry = { ...f, token: randomUUID(), at: Date.now() };
  m.set(entry.token, entry);
  return entry;
}

export function heldFile(core: CoreState, token: string, userId: string): HeldFile {
  const f = filesOf(core).get(token);
  if (!f || f.userId !== userId) throw new CoreError('imports.expired', 'The file is no longer held: choose it again');
  return f;
}

export function releaseFile(core: CoreState, token: string): void {
  filesOf(core).delete(token);
}
