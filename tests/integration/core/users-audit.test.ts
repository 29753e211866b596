// User management rules and the audit chain: every write leaves a linked entry; tampering is found.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SAMPLE_OFFICE, seedOffice, unwrap } from '../../../bench/factory/office';
import { readKeyring, unwrapKey } from '../../../db/keyring';
import { applyKey } from '../../../db/open';
import { DB_FILE, KEYRING_FILE } from '../../../electron/core/vault';
import type { UserRow } from '../../../electron/contract/procedures/office';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore | undefined;
afterEach(() => {
  t?.dispose();
  t = undefined;
});

describe('users', () => {
  it('keeps the last active partner, refuses a taken username, and a deactivated user can no longer sign in', async () => {
    t = startCore();
    const office = await seedOffice(t.core, { password: PASSWORD });
    const token = office.partnerToken;
    const list = unwrap(await t.call('users.list', {}, token)) as UserRow[];
    const partner = list.find((u) => u.role === 'partner')!;
    const staff = list.find((u) => u.role === 'staff')!;
    // The only partner can change neither her own role nor her own activity.
    expect(errorCode(await t.call('users.update', { id: partner.id, role: 'lawyer' }, token))).toBe('users.cannot_change_self');
    expect(errorCode(await t.call('users.update', { id: partner.id, active: false }, token))).toBe('users.cannot_change_self');
    expect(errorCode(await t.call('users.create', { displayName: 'Someone Else', username: 'staff', role: 'staff', password: 'Valid-Pass-2026' }, token))).toBe(
      'users.username_taken',
    );
    const staffLogin = unwrap(await t.call('auth.login', { username: 'staff', password: PASSWORD })) as { token: string };
    unwrap(await t.call('users.update', { id: staff.id, active: false }, token));
    expect(errorCode(await t.call('session.me', {}, staffLogin.token))).toBe('auth.required');
    expect(errorCode(await t.call('auth.login', { username: 'staff', password: PASSWORD }))).toBe('auth.invalid_credentials');
    // A second partner can demote the first; the router then refuses the demoted one partner-only calls.
    const second = unwrap(await t.call('users.create', { displayName: 'شريك ثان', username: 'partner2', role: 'partner', password: 'Valid-Pass-2026' }, token)) as UserRow;
    const secondToken = (unwrap(await t.call('auth.login', { username: 'partner2', password: 'Valid-Pass-2026' })) as { token: string }).token;
    expect(second.role).toBe('partner');
    expect((await t.call('users.update', { id: partner.id, role: 'lawyer' }, secondToken)).ok).toBe(true);
    expect(errorCode(await t.call('users.create', { displayName: 'Late Add', username: 'late', role: 'staff', password: 'Valid-Pass-2026' }, token))).toBe('permission.denied');
    // Reset a deactivated user's password: refused with a code about that user, not the caller.
    expect(errorCode(await t.call('users.resetPassword', { id: staff.id, username: 'staff', password: 'Valid-Pass-2026' }, secondToken))).toBe('users.inactive');
  });
});

describe('audit chain', () => {
  it('records every write, verifies, refuses UPDATE/DELETE, and finds an edited row', async () => {
    t = startCore();
    const office = await seedOffice(t.core, { password: PASSWORD });
    const token = office.partnerToken;
    unwrap(await t.call('office.update', { ...SAMPLE_OFFICE, nameAr: 'مكتب معدل للمحاماة' }, token));
    const entries = unwrap(await t.call('audit.list', { limit: 50 }, token)) as { action: string }[];
    expect(entries.map((e) => e.action)).toEqual(['office.update', 'users.create', 'users.create', 'users.create', 'users.create', 'setup.create']);
    expect(unwrap(await t.call('audit.verify', {}, token))).toEqual({ ok: true, entries: 6 });

    // Tamper from outside, with the key, as an attacker who has it would.
    const key = await unwrapKey(readKeyring(join(t.dir, KEYRING_FILE)).entries.find((e) => e.kind === 'recovery')!, office.recoveryCode);
    const raw = new Database(join(t.dir, DB_FILE));
    applyKey(raw, key!);
    expect(() => raw.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET after = '{"forged":true}' WHERE seq = 3`).run();
    raw.close();
    expect(unwrap(await t.call('audit.verify', {}, token))).toEqual({ ok: false, entries: 3, firstBrokenSeq: 3, reason: 'hash_mismatch' });
  });
});
