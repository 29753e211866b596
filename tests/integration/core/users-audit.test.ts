// User management rules and the audit chain: every write leaves a linked entry; tampering is found.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SAMPLE_OFFICE, seedOffice, unwrap } from '../../../bench/factory/office';
import { readKeyring, unwrapKey } from '../../../db/keyring';
import { applyKey } from '../../../db/open';
import { countAuditPayloads, entryHash, redactAuditPayloads } from '../../../db/queries/audit';
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
    expect(unwrap(await t.call('audit.verify', {}, token))).toEqual({ ok: true, entries: 6, redacted: 0, redactedLegacy: 0 });

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

describe('audit payload erasure (PDPL)', () => {
  it('removes payloads one way only; the chain still verifies, old-format entries keep their links, tampering is still found', async () => {
    t = startCore();
    const office = await seedOffice(t.core, { password: PASSWORD });
    const token = office.partnerToken;
    const key = await unwrapKey(readKeyring(join(t.dir, KEYRING_FILE)).entries.find((e) => e.kind === 'recovery')!, office.recoveryCode);
    const raw = new Database(join(t.dir, DB_FILE));
    applyKey(raw, key!);
    const users = raw.prepare("SELECT seq, entity_id AS id FROM audit_log WHERE entity = 'user' ORDER BY seq").all() as { seq: number; id: string }[];
    const target = [{ entity: 'user', entityIds: [users[0]!.id] }];
    expect(countAuditPayloads(raw, target)).toBe(1);

    // An old-format entry (as written before migration 0024) appended by hand, then redacted with the new ones.
    const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const legacyRow = { seq: last.seq + 1, at: '2020-01-01T00:00:00.000Z', user_id: null, action: 'users.update', entity: 'user', entity_id: users[0]!.id, before: '{"name":"Old Name"}', after: '{"name":"New Name"}' };
    raw.prepare(
      `INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, before, after, payload_sha256, prev_hash, hash)
       VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @before, @after, NULL, @prev, @hash)`,
    ).run({ ...legacyRow, prev: last.hash, hash: entryHash(last.hash, legacyRow) });
    raw.close();
    unwrap(await t.call('office.update', { ...SAMPLE_OFFICE, nameAr: 'مكتب بعد القيد القديم' }, token));
    expect(unwrap(await t.call('audit.verify', {}, token))).toMatchObject({ ok: true, redacted: 0 });

    const db = new Database(join(t.dir, DB_FILE));
    applyKey(db, key!);
    const out = db.transaction(() => redactAuditPayloads(db, target, '2036-01-01T00:00:00.000Z'))();
    expect(out.redacted).toBe(2);
    expect(out.legacy.map((e) => e.seq)).toEqual([legacyRow.seq]);
    expect(out.legacy[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(countAuditPayloads(db, target)).toBe(0);
    const left = db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'user' AND entity_id = ? AND (before IS NOT NULL OR after IS NOT NULL)").get(users[0]!.id) as { n: number };
    expect(left.n).toBe(0);
    // One way only: the payload cannot come back, and nothing the hash covers can change with a redaction.
    expect(() => db.prepare(`UPDATE audit_log SET after = '{"x":1}' WHERE seq = ?`).run(users[0]!.seq)).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE audit_log SET before = NULL, after = NULL, redacted_at = 'x', action = 'forged' WHERE seq = ?`).run(users[1]!.seq)).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_log SET redacted_at = NULL WHERE seq = ?').run(users[0]!.seq)).toThrow(/append-only/);
    db.close();
    expect(unwrap(await t.call('audit.verify', {}, token))).toMatchObject({ ok: true, redacted: 2, redactedLegacy: 1 });

    // A redacted entry's metadata is still covered by its hash.
    const forged = new Database(join(t.dir, DB_FILE));
    applyKey(forged, key!);
    forged.exec('DROP TRIGGER audit_log_no_update');
    forged.prepare("UPDATE audit_log SET user_id = 'someone-else' WHERE seq = ?").run(users[0]!.seq);
    forged.close();
    expect(unwrap(await t.call('audit.verify', {}, token))).toMatchObject({ ok: false, firstBrokenSeq: users[0]!.seq, reason: 'hash_mismatch' });
  });
});
