// The check of a backup's copy on several cores (electron/core/backups/check.ts): `PRAGMA integrity_check(<table>)`
// per table on parallel read-only keyed connections, each in its own worker thread, plus the page accounting. On a real
// encrypted office: the parallel check passes a good copy with the same manifest as the single full check; a copy whose
// index no longer matches its table, or with pages that belong to no b-tree, fails the backup as backups.corrupt and
// leaves no backup and no partial folder — as the full check does on the same damage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seedOffice } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { openVault, type Vault } from '../../../electron/core/vault';
import { applyKey } from '../../../db/open';
import { databaseCounts, listBackups, makeBackup, makeBackupParallel, openWithKey } from '../../../electron/core/backups/backup';
import { makeBackupInWorker } from '../../../electron/core/backups/in-worker';
import { assignTasks, orderTasks, pageAccounting, pageFigures, planTables, runCheckTask } from '../../../electron/core/backups/check';
import { isCoreError } from '../../../electron/core/errors';
import { MIGRATIONS, PASSWORD, startCore, tempDir } from '../../fixtures/core';

const TODAY = '2026-11-22';
let dir: string;
let vault: Vault;
const folders: string[] = [];

function folder(): string {
  const f = tempDir('tahseel-parcheck-');
  folders.push(f);
  return f;
}

beforeAll(async () => {
  const t = startCore();
  dir = t.dir;
  await seedOffice(t.core, { password: PASSWORD });
  t.core.close();
  vault = openVault(dir, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases: 400, seed: 5, today: TODAY, lawyerIds: ids('lawyer'), paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 5, today: TODAY });
}, 180_000);

afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const options = (to: string): Parameters<typeof makeBackup>[0] => {
  const open = vault.current();
  return { sqlite: open.sqlite, key: Buffer.alloc(0), keyringFile: join(dir, 'tahseel.keyring.json'), folder: to, kind: 'manual', now: new Date() };
};

/** The copy opened read-write with the key, defensive mode off so sqlite_schema can be edited (damage for the tests). */
function damage(file: string, key: Buffer, sql: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    applyKey(db, key);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    sql(db);
  } finally {
    db.close();
  }
}

/** An index on cases that is not on `reference`: made to claim it is, its entries no longer match the table. */
function someCaseIndex(db: Database.Database): string {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  const idx = rows.find((r) => !r.sql.includes('reference') && !/UNIQUE/i.test(r.sql));
  if (!idx) throw new Error('no index on cases to damage');
  return idx.name;
}

describe('the parallel check of a backup', () => {
  it('covers every table of the copy exactly once, sqlite_schema and the FTS5 table with its shadow tables included, and the pages once', () => {
    const to = folder();
    const entry = vault.withKey((key) => makeBackup({ ...options(to), key }));
    const copy = vault.withKey((key) => openWithKey(join(entry.path, 'tahseel.db'), key));
    try {
      const tables = (copy.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
      expect(tables).toContain('search_index');
      expect(tables).toContain('search_index_data');
      const tasks = orderTasks(planTables(copy));
      const names = tasks.flatMap((t) => (t.kind === 'table' ? [t.name] : []));
      expect([...names].sort()).toEqual([...tables, 'sqlite_schema'].sort());
      expect(tasks.filter((t) => t.kind === 'pages')).toHaveLength(1);
      // Largest first: communications (the log, with its indexes) before the small tables.
      expect(names.indexOf('communications')).toBeLessThan(names.indexOf('sqlite_schema'));
      // Split between 3 connections, least loaded first: every task in exactly one list, the largest first in the first.
      const bins = assignTasks(tasks, 3);
      expect(bins).toHaveLength(3);
      expect(bins.flat()).toHaveLength(tasks.length);
      expect(new Set(bins.flat()).size).toBe(tasks.length);
      expect(bins[0]?.[0]).toBe(tasks[0]);
      for (const task of tasks) expect(runCheckTask(copy, task)).toEqual([]);
      // The page accounting on the real file's numbers: every page in exactly one b-tree (no freelist in a VACUUM INTO
      // copy, no pointer-map pages), and one page more or less is caught.
      const f = pageFigures(copy);
      expect(f.freelist).toBe(0);
      expect(f.autoVacuum).toBe(0);
      expect(f.distinctPages).toBe(f.pageCount);
      expect(pageAccounting(f)).toEqual([]);
      expect(pageAccounting({ ...f, pageCount: f.pageCount + 1 })).toEqual([`1 page(s) of ${f.pageCount + 1} in no b-tree and not free`]);
      expect(pageAccounting({ ...f, btreePages: f.btreePages + 1 })[0]).toMatch(/more than one b-tree/);
      // Past 1 GiB the lock-byte page is never used: a file of that size accounts for it.
      const big = { ...f, pageCount: 300_000, distinctPages: 299_999, btreePages: 299_999, maxPage: 300_000, pageSize: 4096 };
      expect(pageAccounting(big)).toEqual([]);
      expect(pageAccounting({ ...big, lockPageListed: true })[0]).toMatch(/lock-byte page 262145/);
    } finally {
      copy.close();
    }
  });

  it('verifies a seeded office in the backup worker with 2 and with 3 checkers: the same counts and manifest as the single check', async () => {
    const single = vault.withKey((key) => makeBackup({ ...options(folder()), key }));
    const live = databaseCounts(vault.current().sqlite);
    expect(single.manifest.counts).toEqual(live);
    for (const checkers of [2, 3]) {
      const to = folder();
      const done: number[] = [];
      const entry = await vault.withKey((key) =>
        makeBackupInWorker({ dbFile: join(dir, 'tahseel.db'), key, keyringFile: join(dir, 'tahseel.keyring.json'), folder: to, kind: 'manual', now: new Date(), checkers, progress: (d) => done.push(d) }),
      );
      expect(done).toEqual([0, 1, 2, 3, 4, 5]);
      expect(entry.manifest.verified.integrity).toBe('ok');
      expect(entry.manifest.counts).toEqual(single.manifest.counts);
      expect(entry.manifest.migrations).toBe(single.manifest.migrations);
      expect(entry.manifest.officeId).toBe(single.manifest.officeId);
      expect(entry.manifest.files.keyring).toEqual(single.manifest.files.keyring);
      expect(listBackups(to).map((b) => b.name)).toEqual([entry.name]);
      expect(readdirSync(to)).toEqual([entry.name]);
    }
  }, 120_000);

  it('fails the backup when an index no longer matches its table: backups.corrupt, translated, no backup and no partial folder', async () => {
    const to = folder();
    let damaged = '';
    const err = await vault
      .withKey((key) =>
        makeBackupParallel({
          ...options(to),
          key,
          checkers: 2,
          beforeCheck: (file) =>
            damage(file, key, (db) => {
              damaged = someCaseIndex(db);
              db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE name = ?`).run(`CREATE INDEX "${damaged}" ON "cases" ("reference")`, damaged);
            }),
        }),
      )
      .catch((e: unknown) => e);
    expect(isCoreError(err) && err.code).toBe('backups.corrupt');
    expect(String((err as Error).message)).toMatch(/cases: .*missing from index/);
    expect(damaged).not.toBe('');
    expect(readdirSync(to)).toEqual([]);
    expect(listBackups(to)).toEqual([]);
    for (const lang of ['ar', 'en']) {
      const errors = JSON.parse(readFileSync(join(import.meta.dirname, `../../../locales/${lang}/errors.json`), 'utf8')) as { errors: { backups: { corrupt: string } } };
      expect(errors.errors.backups.corrupt.length).toBeGreaterThan(10);
    }
  }, 60_000);

  it('fails the backup when pages belong to no b-tree (which no per-table check sees), as the full check does', async () => {
    const to = folder();
    let looked = false;
    const err = await vault
      .withKey((key) =>
        makeBackupParallel({
          ...options(to),
          key,
          checkers: 3,
          beforeCheck: (f) => {
            damage(f, key, (db) => {
              // The index's entry goes from sqlite_schema; its b-tree's pages stay in the file, used by no one.
              db.prepare(`DELETE FROM sqlite_schema WHERE name = ?`).run(someCaseIndex(db));
            });
            // What each check answers on this copy, looked at before the failed backup's folder goes.
            const copy = openWithKey(f, key);
            try {
              for (const task of orderTasks(planTables(copy))) {
                if (task.kind === 'table') expect(runCheckTask(copy, task)).toEqual([]);
                else expect(runCheckTask(copy, task)[0]).toMatch(/page\(s\) of \d+ in no b-tree and not free/);
              }
              const full = copy.pragma('integrity_check') as { integrity_check: string }[];
              expect(full[0]?.integrity_check).toMatch(/never used/);
              looked = true;
            } finally {
              copy.close();
            }
          },
        }),
      )
      .catch((e: unknown) => e);
    expect(looked).toBe(true);
    expect(isCoreError(err) && err.code).toBe('backups.corrupt');
    expect(String((err as Error).message)).toMatch(/its pages: /);
    expect(readdirSync(to)).toEqual([]);
  }, 60_000);

  it('stops its workers and leaves nothing when the backup is cancelled while the copy is checked', async () => {
    const to = folder();
    let cancel = false;
    const err = await vault
      .withKey((key) => makeBackupParallel({ ...options(to), key, checkers: 2, beforeCheck: () => void (cancel = true), cancelled: () => cancel }))
      .catch((e: unknown) => e);
    expect(isCoreError(err) && err.message).toBe('cancelled');
    expect(readdirSync(to)).toEqual([]);
  }, 60_000);
});
