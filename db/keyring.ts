// The database key, never stored in the clear: wrapped (AES-256-GCM) under each user's password and a recovery code.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { CoreError } from '../electron/core/errors';

export const KEY_BYTES = 32;

/** scrypt cost: N=2^17, r=8 (≈128 MiB, a few hundred ms) — OWASP's recommendation for interactive logins. */
export const DEFAULT_KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: b64,
});
const entrySchema = z.object({
  id: z.string().min(1), // user id, or 'recovery'
  kind: z.enum(['user', 'recovery']),
  // HMAC of the username under the keyring's salt: finds the entry without writing the username to disk.
  lookup: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: kdfSchema,
  iv: b64,
  tag: b64,
  wrapped: b64,
});
const keyringSchema = z.object({
  format: z.literal('tahseel-keyring'),
  version: z.literal(1),
  lookupSalt: b64,
  entries: z.array(entrySchema).min(1),
});

export type KeyringEntry = z.infer<typeof entrySchema>;
export type Keyring = z.infer<typeof keyringSchema>;
export type Kdf = { name: 'scrypt'; N: number; r: number; p: number };

export function newDatabaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function newKeyring(): Keyring {
  return { format: 'tahseel-keyring', version: 1, lookupSalt: randomBytes(16).toString('base64'), entries: [] as never };
}

export function lookupTag(keyring: Keyring, name: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(name.trim().toLowerCase()).digest('hex');
}

function deriveKey(secret: string, kdf: Kdf, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEY_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function aad(id: string, kind: string): Buffer {
  return Buffer.from(`tahseel-keyring-v1|${kind}|${id}`, 'utf8');
}

/** Wrap the database key under a secret (password or recovery code). */
export async function wrapKey(
  dbKey: Buffer,
  secret: string,
  who: { id: string; kind: 'user' | 'recovery'; lookup: string },
  kdf: Kdf = DEFAULT_KDF,
): Promise<KeyringEntry> {
  const salt = randomBytes(16);
  const kek = await deriveKey(secret, kdf, salt);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(who.id, who.kind));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    id: who.id,
    kind: who.kind,
    lookup: who.lookup,
    kdf: { ...kdf, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The database key, or null when the secret is wrong (GCM's tag does not verify). */
export async function unwrapKey(entry: KeyringEntry, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, entry.kdf, Buffer.from(entry.kdf.salt, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(aad(entry.id, entry.kind));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(entry.wrapped, 'base64')), decipher.final()]);
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/** Spend the same scrypt time as a real attempt, so an unknown username is not faster than a wrong password. */
export async function burnAttempt(kdf: Kdf = DEFAULT_KDF): Promise<void> {
  (await deriveKey('not-a-password', kdf, randomBytes(16))).fill(0);
}

export function readKeyring(path: string): Keyring {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new CoreError('vault.keyring_missing', `The keyring ${path} cannot be read`, undefined, cause);
  }
  try {
    return keyringSchema.parse(JSON.parse(raw));
  } catch (cause) {
    throw new CoreError('vault.keyring_corrupt', 'The keyring file is damaged', undefined, cause);
  }
}

/** Write atomically: a temp file beside it, flushed, then renamed over the old one. */
export function writeKeyring(path: string, keyring: Keyring): void {
  const checked = keyringSchema.parse(keyring);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(checked, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function withEntry(keyring: Keyring, entry: KeyringEntry): Keyring {
  return { ...keyring, entries: [...keyring.entries.filter((e) => !(e.id === entry.id && e.kind === entry.kind)), entry] };
}

export function withoutEntry(keyring: Keyring, id: string): Keyring {
  return { ...keyring, entries: keyring.entries.filter((e) => e.id !== id) };
}

// Crockford base32: no I, L, O, U, so a code read aloud or retyped from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 25 symbols (125 bits) in five groups: `7KQ2M-XW9PA-…`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(25);
  const symbols = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return symbols.match(/.{5}/g)?.join('-') ?? symbols;
}

export function normalizeRecoveryCode(input: string): string {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return compact.match(/.{1,5}/g)?.join('-') ?? compact;
}

export function sameTag(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
