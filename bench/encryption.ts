// The cost of encryption: the same queries on the encrypted database and on a plaintext copy, side by side.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { applyKey, applyPragmas, type Sqlite } from '../db/open';
import { escalationQueue, listCases, type CaseListFilter } from '../db/queries/cases';
import { searchIds } from '../db/queries/search';
import { queryTerms } from '../electron/core/services/search/index-text';
import { SEARCH_QUERIES } from './cases';
import { round, timed } from './stats';

const NO_FILTER: CaseListFilter = { stages: [], statuses: [], clientId: null, assigneeId: null, instrumentTypes: [], minClaimMinor: null, maxClaimMinor: null, nextActionFrom: null, nextActionTo: null, tag: '', balance: null, ids: null };

function querySet(db: Sqlite, today: string): void {
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page = listCases(db, { filter: NO_FILTER, sort: 'openedOn', dir: 'desc', cursor, limit: 50 });
    cursor = page.nextCursor;
  }
  listCases(db, { filter: { ...NO_FILTER, stages: ['follow_up'] }, sort: 'claim', dir: 'desc', cursor: null, limit: 50 });
  listCases(db, { filter: NO_FILTER, sort: 'debtor', dir: 'asc', cursor: null, limit: 50 });
  for (const q of SEARCH_QUERIES) searchIds(db, 'party', queryTerms(q), 8);
  escalationQueue(db, { today, cursor: null, limit: 50 });
}

/** Milliseconds for `rounds` of the query set on each, alternating so both see the same machine state. */
export async function encryptionRatio(dbFile: string, key: Buffer, today: string, rounds = 5): Promise<{ ratio: number; encryptedMs: number; plainMs: number }> {
  const plainFile = `${dbFile}.bench-plain`;
  rmSync(plainFile, { force: true });
  const enc = new Database(dbFile, { readonly: false });
  applyKey(enc, key);
  applyPragmas(enc);
  // An encrypted copy by VACUUM INTO, then rekeyed to nothing: a plaintext database with the same pages.
  enc.exec(`VACUUM INTO '${plainFile.replace(/'/g, "''")}'`);
  const copy = new Database(plainFile);
  applyKey(copy, key);
  copy.pragma(`rekey = ''`);
  copy.close();
  const plain = new Database(plainFile);
  applyPragmas(plain);
  let encryptedMs = 0;
  let plainMs = 0;
  querySet(enc, today); // warm both caches the same way
  querySet(plain, today);
  for (let i = 0; i < rounds; i++) {
    encryptedMs += (await timed(() => querySet(enc, today))).ms;
    plainMs += (await timed(() => querySet(plain, today))).ms;
  }
  enc.close();
  plain.close();
  rmSync(plainFile, { force: true });
  for (const f of ['-wal', '-shm']) rmSync(`${plainFile}${f}`, { force: true });
  return { ratio: round(encryptedMs / plainMs, 3), encryptedMs: round(encryptedMs), plainMs: round(plainMs) };
}
