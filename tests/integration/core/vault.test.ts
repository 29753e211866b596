// The encrypted data folder: nothing readable on disk, a wrong key is a clear error, bad folders are refused.
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { readKeyring, unwrapKey } from '../../../db/keyring';
import { seedOffice, SAMPLE_OFFICE } from '../../../bench/factory/office';
import { DB_FILE, KEYRING_FILE } from '../../../electron/core/vault';
import { openCore } from '../../../electron/core/app';
import { type CoreError } from '../../../electron/core/errors';
import { errorCode, MIGRATIONS, PASSWORD, startCore, tempDir, type TestCore } from '../../fixtures/core';

let t: TestCore | undefined;
afterEach(() => {
  t?.dispose();
  t = undefined;
});

/** The marker as it could appear on disk: UTF-8 and UTF-16LE (SQLite may store either). */
function encodings(text: string): Buffer[] {
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
}

describe('the data folder on disk', () => {
  it('holds no plaintext: not the office name, not a username, not in the db, -wal, -shm or keyring', async () => {
    t = startCore();
    const office = await seedOffice(t.core, { password: PASSWORD });
    // Leave the database open with a live session, so -wal and -shm exist while we look.
    expect(existsSync(join(t.dir, `${DB_FILE}-wal`))).toBe(true);
    const markers = [SAMPLE_OFFICE.nameAr, SAMPLE_OFFICE.nameEn ?? '', 'alrasheed-law', ...office.users.map((u) => u.username), ...office.users.map((u) => u.displayName)];
    const check = (): void => {
      for (const file of readdirSync(t!.dir)) {
        const bytes = readFileSync(join(t!.dir, file));
        for (const marker of markers) for (const enc of encodings(marker)) {
          expect(bytes.includes(enc), `${marker} found in ${file}`).toBe(false);
        }
      }
    };
    check();
    t.core.close();
    check();
    // `strings`, as a person would run it on every file.
    const out = execFileSync('sh', ['-c', `strings -a ${t.dir}/*`], { encoding: 'utf8' });
    for (const u of office.users) expect(out).not.toContain(u.username === 'staff' ? 'staff"' : u.username);
  });

  it('is not a plain SQLite file, and is a standard SQLCipher 4 file that opens with the raw key', async () => {
    t = startCore();
    await seedOffice(t.core, { password: PASSWORD });
    t.core.close();
    const db = readFileSync(join(t.dir, DB_FILE));
    expect(db.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const keyring = readKeyring(join(t.dir, KEYRING_FILE));
    const key = await unwrapKey(keyring.entries.find((e) => e.kind === 'user')!, PASSWORD);
    expect(key).not.toBeNull();
    // SQLCipher 4's published defaults spelled out, as an outside tool (DB Browser for SQLite, sqlcipher ≥ 4) uses them.
    // Debian 12's sqlcipher is 3.4.1 and cannot read SQLCipher 4 files at all.
    const outside = new Database(join(t.dir, DB_FILE), { readonly: true });
    outside.pragma(`cipher = 'sqlcipher'`);
    outside.pragma('legacy = 4');
    outside.pragma('legacy_page_size = 4096');
    outside.pragma('hmac_algorithm = 2'); // SHA512
    outside.pragma(`key = "x'${key!.toString('hex')}'"`);
    expect(outside.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 5 });
    outside.close();
  });

  it('answers a wrong key with a clear vault.wrong_key error', async () => {
    t = startCore();
    await seedOffice(t.core, { password: PASSWORD });
    t.core.close();
    const wrong = Buffer.alloc(32, 7);
    expect(() => openDatabase(join(t!.dir, DB_FILE), wrong, MIGRATIONS)).toThrow(
      expect.objectContaining({ code: 'vault.wrong_key' }) as CoreError,
    );
  });

  it('refuses a database without keyring, a corrupt keyring, and a keyring without database — and changes nothing', async () => {
    t = startCore();
    await seedOffice(t.core, { password: PASSWORD });
    t.core.close();
    const keyringPath = join(t.dir, KEYRING_FILE);
    const dbPath = join(t.dir, DB_FILE);
    const goodKeyring = readFileSync(keyringPath);
    const dbBytes = readFileSync(dbPath);

    writeFileSync(keyringPath, '{"format":"tahseel-keyring","version":1,"entries":');
    t.reopen();
    expect((await t.call('app.status')).ok && (await t.call('app.status'))).toMatchObject({ value: { state: 'error', code: 'vault.keyring_corrupt' } });
    expect(errorCode(await t.call('auth.login', { username: 'partner', password: PASSWORD }))).toBe('vault.keyring_corrupt');
    expect(errorCode(await t.call('setup.create', {}))).toBe('input.invalid');

    rmSync(keyringPath);
    t.reopen();
    expect(await t.call('app.status')).toMatchObject({ value: { state: 'error', code: 'vault.keyring_missing' } });
    expect(errorCode(await t.call('auth.login', { username: 'partner', password: PASSWORD }))).toBe('vault.keyring_missing');
    expect(readFileSync(dbPath).equals(dbBytes)).toBe(true);

    writeFileSync(keyringPath, goodKeyring);
    rmSync(dbPath);
    t.reopen();
    expect(await t.call('app.status')).toMatchObject({ value: { state: 'error', code: 'vault.database_missing' } });
    expect(existsSync(dbPath)).toBe(false);
  });

  it('refuses a second instance on the same data folder, and an unwritable folder', () => {
    t = startCore();
    expect(() => openCore({ dataDir: t!.dir, migrationsDir: MIGRATIONS })).toThrow(expect.objectContaining({ code: 'vault.in_use' }) as CoreError);
    const locked = tempDir();
    chmodSync(locked, 0o500);
    const asRoot = process.getuid?.() === 0; // root ignores permission bits; use a path under a file instead
    const target = asRoot ? join(locked, 'file-not-dir', 'data') : locked;
    if (asRoot) writeFileSync(join(locked, 'file-not-dir'), 'x');
    expect(() => openCore({ dataDir: target, migrationsDir: MIGRATIONS })).toThrow(
      expect.objectContaining({ code: 'vault.data_dir_unwritable' }) as CoreError,
    );
  });

  it('a failed set-up leaves the folder as it was', async () => {
    t = startCore();
    const bad = await t.call('setup.create', { office: { nameAr: '' }, partner: { displayName: 'x', username: 'a', password: 'short' } });
    expect(errorCode(bad)).toBe('input.invalid');
    expect(readdirSync(t.dir).sort()).toEqual(['tahseel.lock']);
    expect(await t.call('app.status')).toMatchObject({ value: { state: 'setup' } });
  });
});
