// The vault: the encrypted database and its keyring in the data folder; opened with a password, forgotten on lock.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  burnAttempt,
  lookupTag,
  newDatabaseKey,
  newKeyring,
  newRecoveryCode,
  normalizeRecoveryCode,
  readKeyring,
  sameTag,
  unwrapKey,
  withEntry,
  withoutEntry,
  wrapKey,
  writeKeyring,
  type Keyring,
  type KeyringEntry,
} from '../../db/keyring';
import { openDatabase, type OpenDatabase, type Sqlite } from '../../db/open';
import { CoreError } from './errors';
import { preMigrationBackup } from './backups/pre-migration';

export const DB_FILE = 'tahseel.db';
export const KEYRING_FILE = 'tahseel.keyring.json';
export const RECOVERY_ID = 'recovery';

export type VaultFileState =
  | 'setup'
  | 'ready'
  | 'vault.keyring_missing'
  | 'vault.keyring_corrupt'
  | 'vault.database_missing';

export interface Vault {
  readonly dataDir: string;
  readonly migrationsDir: string;
  fileState(): VaultFileState;
  isOpen(): boolean;
  /** The open database; throws `auth.locked` when the key has been forgotten. */
  current(): OpenDatabase;
  create(partner: { id: string; username: string; password: string }, init: (open: OpenDatabase) => void): Promise<string>;
  /** The user id whose password unlocked the key, or null (wrong username or password: same answer). */
  unlock(username: string, password: string): Promise<string | null>;
  /** Unlock with a known user id's entry (the idle-lock screen knows who is signed in). */
  unlockUserEntry(userId: string, password: string): Promise<string | null>;
  unlockWithRecoveryCode(code: string): Promise<boolean>;
  setPassword(user: { id: string; username: string }, password: string): Promise<void>;
  removeUser(userId: string): void;
  /** Lend the database key to `use` (a backup's verification opens the copy with it); throws auth.locked. */
  withKey<T>(use: (key: Buffer) => T): T;
  /**
   * Put a restored database (already checked, at `staging` in the data folder) and its keyring in place: the vault is
   * closed, the current files are moved into `asideDir`, and the new ones renamed in. If a rename fails the current
   * files are moved back, so the data folder holds either the old database or the new one, never a mix.
   */
  replaceWith(staging: string, keyring: Keyring, asideDir: string): void;
  close(): void;
}

export function openVault(dataDir: string, migrationsDir: string): Vault {
  const dbFile = join(dataDir, DB_FILE);
  const keyringFile = join(dataDir, KEYRING_FILE);
  let open: OpenDatabase | null = null;
  let key: Buffer | null = null;

  function fileState(): VaultFileState {
    const hasDb = existsSync(dbFile);
    const hasKeyring = existsSync(keyringFile);
    if (!hasDb && !hasKeyring) return 'setup';
    if (!hasKeyring) return 'vault.keyring_missing';
    if (!hasDb) return 'vault.database_missing';
    try {
      readKeyring(keyringFile);
      return 'ready';
    } catch {
      return 'vault.keyring_corrupt';
    }
  }

  function requireReady(): Keyring {
    const state = fileState();
    if (state === 'setup') throw new CoreError('setup.required', 'The office has not been set up');
    if (state !== 'ready') throw new CoreError(state, 'The data folder is not usable');
    return readKeyring(keyringFile);
  }

  function adopt(candidate: Buffer): void {
    if (open && key) {
      // Already open: the unwrapped key must be the same key, or the keyring belongs to another database.
      if (!candidate.equals(key)) throw new CoreError('vault.wrong_key', 'The keyring does not match the database');
      candidate.fill(0);
      return;
    }
    // Before a migration changes the schema, a backup of the data as it was (the office's folder, else the data folder's).
    open = openDatabase(dbFile, candidate, migrationsDir, {
      beforeMigrate: (sqlite: Sqlite) => preMigrationBackup({ sqlite, key: candidate, keyringFile, dataDir }),
    });
    key = candidate;
  }

  function requireKey(): Buffer {
    if (!key) throw new CoreError('auth.locked', 'The database is locked');
    return key;
  }

  /** Unwrap with a user's entry; a missing entry costs the same time as a wrong password. */
  async function unlockEntry(entry: KeyringEntry | undefined, password: string): Promise<string | null> {
    if (!entry) {
      await burnAttempt();
      return null;
    }
    const candidate = await unwrapKey(entry, password);
    if (!candidate) return null;
    adopt(candidate);
    return entry.id;
  }

  function removeFiles(): void {
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, keyringFile]) rmSync(f, { force: true });
  }

  return {
    dataDir,
    migrationsDir,
    fileState,
    isOpen: () => open !== null,
    current(): OpenDatabase {
      if (!open) throw new CoreError('auth.locked', 'The database is locked');
      return open;
    },
    async create(partner, init): Promise<string> {
      if (fileState() !== 'setup') throw new CoreError('setup.already_done', 'The office is already set up');
      const dbKey = newDatabaseKey();
      const recoveryCode = newRecoveryCode();
      let keyring = newKeyring();
      const userEntry = await wrapKey(dbKey, partner.password, {
        id: partner.id,
        kind: 'user',
        lookup: lookupTag(keyring, partner.username),
      });
      const recoveryEntry = await wrapKey(dbKey, normalizeRecoveryCode(recoveryCode), {
        id: RECOVERY_ID,
        kind: 'recovery',
        lookup: lookupTag(keyring, RECOVERY_ID),
      });
      keyring = withEntry(withEntry(keyring, userEntry), recoveryEntry);
      try {
        open = openDatabase(dbFile, dbKey, migrationsDir);
        key = dbKey;
        chmodSync(dbFile, 0o600);
        init(open);
        writeKeyring(keyringFile, keyring);
      } catch (e) {
        this.close();
        removeFiles(); // set-up is all or nothing: the next attempt starts clean
        throw e;
      }
      return recoveryCode;
    },
    async unlock(username, password): Promise<string | null> {
      const keyring = requireReady();
      const tag = lookupTag(keyring, username);
      return unlockEntry(keyring.entries.find((e) => e.kind === 'user' && sameTag(e.lookup, tag)), password);
    },
    unlockUserEntry(userId, password): Promise<string | null> {
      return unlockEntry(requireReady().entries.find((e) => e.kind === 'user' && e.id === userId), password);
    },
    async unlockWithRecoveryCode(code): Promise<boolean> {
      const keyring = requireReady();
      const entry = keyring.entries.find((e) => e.kind === 'recovery');
      if (!entry) throw new CoreError('vault.keyring_corrupt', 'The keyring has no recovery entry');
      const candidate = await unwrapKey(entry, normalizeRecoveryCode(code));
      if (!candidate) return false;
      adopt(candidate);
      return true;
    },
    async setPassword(user, password): Promise<void> {
      const dbKey = requireKey();
      const keyring = requireReady();
      const entry = await wrapKey(dbKey, password, { id: user.id, kind: 'user', lookup: lookupTag(keyring, user.username) });
      writeKeyring(keyringFile, withEntry(readKeyring(keyringFile), entry));
    },
    removeUser(userId): void {
      requireKey();
      writeKeyring(keyringFile, withoutEntry(requireReady(), userId));
    },
    withKey<T>(use: (k: Buffer) => T): T {
      return use(requireKey());
    },
    replaceWith(staging, keyring, asideDir): void {
      this.close();
      mkdirSync(asideDir, { recursive: true });
      const moved: [string, string][] = [];
      try {
        for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, keyringFile]) {
          if (!existsSync(f)) continue;
          const to = join(asideDir, f.slice(dataDir.length + 1));
          renameSync(f, to);
          moved.push([f, to]);
        }
        writeKeyring(keyringFile, keyring);
        renameSync(staging, dbFile);
        chmodSync(dbFile, 0o600);
      } catch (e) {
        // Only a keyring written here is removed: the old one is back in place below.
        if (moved.some(([f]) => f === keyringFile)) rmSync(keyringFile, { force: true });
        for (const [from, to] of moved.reverse()) renameSync(to, from);
        throw e;
      }
    },
    close(): void {
      open?.sqlite.close();
      open = null;
      key?.fill(0);
      key = null;
    },
  };
}
