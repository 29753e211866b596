// Wrapping the database key: the right secret unwraps it, anything else does not; codes survive retyping.
import { describe, expect, it } from 'vitest';
import {
  lookupTag,
  newDatabaseKey,
  newKeyring,
  newRecoveryCode,
  normalizeRecoveryCode,
  unwrapKey,
  wrapKey,
  type Kdf,
} from '../../../db/keyring';

// A cheaper cost keeps the unit tests quick; the format and code path are the same as production's.
const FAST: Kdf = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 };

describe('keyring', () => {
  it('unwraps with the right password and refuses a wrong one', async () => {
    const key = newDatabaseKey();
    const kr = newKeyring();
    const entry = await wrapKey(key, 'Correct-Horse-42', { id: 'u1', kind: 'user', lookup: lookupTag(kr, 'sara') }, FAST);
    expect((await unwrapKey(entry, 'Correct-Horse-42'))?.equals(key)).toBe(true);
    expect(await unwrapKey(entry, 'correct-horse-42')).toBeNull();
    expect(await unwrapKey(entry, '')).toBeNull();
    expect(entry.wrapped).not.toContain(key.toString('base64'));
  });

  it('binds an entry to its id: moving it to another user fails', async () => {
    const key = newDatabaseKey();
    const entry = await wrapKey(key, 'pw-Strong-1', { id: 'u1', kind: 'user', lookup: '0'.repeat(64) }, FAST);
    expect(await unwrapKey({ ...entry, id: 'u2' }, 'pw-Strong-1')).toBeNull();
  });

  it('finds entries by a keyed hash of the username, never the username itself', () => {
    const kr = newKeyring();
    expect(lookupTag(kr, 'Sara ')).toBe(lookupTag(kr, 'sara'));
    expect(lookupTag(kr, 'sara')).not.toContain('sara');
    expect(lookupTag(newKeyring(), 'sara')).not.toBe(lookupTag(kr, 'sara'));
  });

  it('makes 125-bit recovery codes that survive lower case, spaces and look-alike letters', async () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(normalizeRecoveryCode(code.toLowerCase().replace(/-/g, '  '))).toBe(code);
    expect(normalizeRecoveryCode('oooo0-iiill')).toBe('00000-11111');
    const key = newDatabaseKey();
    const entry = await wrapKey(key, code, { id: 'recovery', kind: 'recovery', lookup: '0'.repeat(64) }, FAST);
    expect((await unwrapKey(entry, normalizeRecoveryCode(code.toLowerCase())))?.equals(key)).toBe(true);
  });
});
