// Sign-in, lock, unlock, recovery and password changes through the real router and encrypted files.
import { afterEach, describe, expect, it } from 'vitest';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore | undefined;
afterEach(() => {
  t?.dispose();
  t = undefined;
});

async function loggedIn(): Promise<{ t: TestCore; token: string; recoveryCode: string }> {
  t = startCore();
  const office = await seedOffice(t.core, { password: PASSWORD });
  return { t, token: office.partnerToken, recoveryCode: office.recoveryCode };
}

describe('sign-in', () => {
  it('answers a wrong password and an unknown username alike, and grows the delay after repeated failures', async () => {
    const { t } = await loggedIn();
    const wrong = await t.call('auth.login', { username: 'lawyer', password: 'Wrong-Pass-123' });
    const unknown = await t.call('auth.login', { username: 'nobody', password: 'Wrong-Pass-123' });
    expect(wrong).toEqual(unknown.ok ? wrong : { ok: false, error: { code: 'auth.invalid_credentials', message: 'Wrong username or password' } });
    expect(unknown).toEqual({ ok: false, error: { code: 'auth.invalid_credentials', message: 'Wrong username or password' } });
    await t.call('auth.login', { username: 'lawyer', password: 'Wrong-Pass-124' });
    await t.call('auth.login', { username: 'lawyer', password: 'Wrong-Pass-125' }); // third failure: 1 s delay begins
    const throttled = await t.call('auth.login', { username: 'lawyer', password: PASSWORD });
    expect(errorCode(throttled)).toBe('auth.throttled');
    expect(throttled.ok ? null : throttled.error.details).toEqual({ retryAfterMs: 1000 });
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    expect((await t.call('auth.login', { username: 'lawyer', password: PASSWORD })).ok).toBe(true);
  });

  it('rejects an empty password and malformed input with field details', async () => {
    const { t } = await loggedIn();
    const r = await t.call('auth.login', { username: 'partner', password: '' });
    expect(errorCode(r)).toBe('input.invalid');
    expect(r.ok ? null : r.error.details).toEqual([{ path: 'password', code: 'too_small', message: 'validation.required' }]);
    expect(errorCode(await t.call('auth.login', 'not an object'))).toBe('input.invalid');
    expect(errorCode(await t.call('no.such', {}))).toBe('procedure.unknown');
  });

  it('ends sessions on logout and forgets the key when nobody is signed in', async () => {
    const { t, token } = await loggedIn();
    expect((await t.call('session.me', {}, token)).ok).toBe(true);
    unwrap(await t.call('auth.logout', {}, token));
    expect(errorCode(await t.call('session.me', {}, token))).toBe('auth.required');
    expect(errorCode(await t.call('office.get', {}, 'made-up-token'))).toBe('auth.required');
  });
});

describe('idle lock', () => {
  it('locks after the idle minutes, forgets the key, and unlocks with the same user password only', async () => {
    const { t, token } = await loggedIn();
    unwrap(await t.call('settings.update', { idleLockMinutes: 5 }, token));
    t.clock.now = new Date(t.clock.now.getTime() + 5 * 60_000);
    expect(errorCode(await t.call('office.get', {}, token))).toBe('auth.locked');
    const events: string[] = [];
    t.core.onEvent((e) => events.push(e.type));
    expect(errorCode(await t.call('auth.unlock', { password: 'Wrong-Pass-999' }, token))).toBe('auth.invalid_credentials');
    const unlocked = unwrap(await t.call('auth.unlock', { password: PASSWORD }, token)) as { session: { user: { username: string } } };
    expect(unlocked.session.user.username).toBe('partner');
    expect((await t.call('office.get', {}, token)).ok).toBe(true);
    unwrap(await t.call('auth.lock', {}, token));
    expect(events).toContain('session.locked');
    expect(errorCode(await t.call('office.get', {}, token))).toBe('auth.locked');
  });
});

describe('recovery and password change', () => {
  it('recovers with the recovery code (any spacing or case), setting a new password', async () => {
    const { t, token, recoveryCode } = await loggedIn();
    unwrap(await t.call('auth.logout', {}, token));
    const newPassword = 'Brand-New-Secret-7';
    expect(errorCode(await t.call('auth.recover', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', username: 'lawyer', password: newPassword }))).toBe(
      'auth.invalid_recovery_code',
    );
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    expect((await t.call('auth.recover', { recoveryCode: typed, username: 'lawyer', password: newPassword })).ok).toBe(true);
    expect(errorCode(await t.call('auth.login', { username: 'lawyer', password: PASSWORD }))).toBe('auth.invalid_credentials');
    expect((await t.call('auth.login', { username: 'lawyer', password: newPassword })).ok).toBe(true);
  });

  it('changes a password only with the current one, and refuses a weak new one', async () => {
    const { t } = await loggedIn();
    const { token } = unwrap(await t.call('auth.login', { username: 'staff', password: PASSWORD })) as { token: string };
    expect(errorCode(await t.call('auth.changePassword', { currentPassword: 'Not-The-One-1', newPassword: 'Another-Strong-8' }, token))).toBe(
      'auth.wrong_current_password',
    );
    const weak = await t.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'short' }, token);
    expect(errorCode(weak)).toBe('input.invalid');
    unwrap(await t.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'Another-Strong-8' }, token));
    t.reopen();
    expect((await t.call('auth.login', { username: 'staff', password: 'Another-Strong-8' })).ok).toBe(true);
  });
});
