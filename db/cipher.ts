// The database cipher, alone (no drizzle, no schema): what a worker that only reads an encrypted copy needs to load.
import type Database from 'better-sqlite3';

/**
 * Apply the cipher settings and the raw 256-bit key. SQLCipher v4 format, so `sqlcipher` (Debian) opens
 * the file from outside with the same key; the key is raw (`x'…'`), so SQLCipher's own KDF is skipped.
 */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}
