// Every procedure refuses a call without a session and a call from a role without its permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures, ROLES, roleHas, type ProcedureName, type Role } from '../../../electron/contract';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { errorCode, PASSWORD, startCore, type TestCore } from '../../fixtures/core';

let t: TestCore;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = startCore();
  await seedOffice(t.core, { password: PASSWORD });
  for (const role of ROLES) {
    tokens.set(role, (unwrap(await t.call('auth.login', { username: role, password: PASSWORD })) as { token: string }).token);
  }
});
afterAll(() => t.dispose());

const names = Object.keys(procedures) as ProcedureName[];

describe('every procedure', () => {
  it.each(names.filter((n) => procedures[n].access !== 'public'))('%s refuses a call without a session', async (name) => {
    expect(errorCode(await t.call(name, {}, null))).toBe('auth.required');
    expect(errorCode(await t.call(name, {}, 'forged-token'))).toBe('auth.required');
  });

  const guarded = names.flatMap((name) => {
    const access = procedures[name].access;
    if (access === 'public' || access === 'session' || access === 'locked') return [];
    return ROLES.filter((role) => !roleHas(role, access)).map((role) => [name, role] as const);
  });
  it.each(guarded)('%s refuses the role %s', async (name, role) => {
    expect(errorCode(await t.call(name, {}, tokens.get(role)))).toBe('permission.denied');
  });

  it('lets every role with the permission past the check (input errors are fine, denials are not)', async () => {
    for (const name of names) {
      const access = procedures[name].access;
      if (access === 'public' || access === 'locked' || name === 'auth.lock') continue;
      for (const role of ROLES.filter((r) => access === 'session' || roleHas(r, access))) {
        const code = errorCode(await t.call(name, {}, tokens.get(role)));
        // A backup needs a folder chosen in the settings first: the office's state, not the caller's permission.
        const expected = name === 'backups.run' ? ['backups.no_folder'] : [undefined, 'input.invalid', 'not_found'];
        expect(expected, `${name} as ${role}`).toContain(code);
      }
    }
  });
});
