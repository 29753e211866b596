// A ready office (profile, one user per role) built through the real API: shared by seed, tests and benchmarks.
import type { ApiResult, Role } from '../../electron/contract';
import { ROLES } from '../../electron/contract';
import type { OfficeProfileInput } from '../../electron/contract/schemas';
import type { CoreApp } from '../../electron/core/app';

export const SAMPLE_OFFICE: OfficeProfileInput = {
  nameAr: 'مكتب الرشيد للمحاماة والاستشارات القانونية',
  nameEn: 'Al-Rasheed Law Office',
  licenceNumber: '41/1234',
  crNumber: '1010123456',
  vatNumber: '310123456700003',
  address: 'طريق الملك فهد، حي العليا، الرياض 12211',
  phone: '+966112345678',
  email: 'info@alrasheed-law.sa',
  logo: '',
};

/** Display names per role; the seed picks among them deterministically. */
const PEOPLE: Record<Role, readonly string[]> = {
  partner: ['عبدالله بن سعد الرشيد', 'خالد بن فهد العتيبي'],
  lawyer: ['سارة بنت محمد القحطاني', 'فيصل بن ناصر الدوسري'],
  paralegal: ['نورة بنت عبدالعزيز الشهري', 'أحمد بن علي الغامدي'],
  staff: ['مها بنت صالح الزهراني', 'ياسر بن عمر الحربي'],
  accountant: ['ريم بنت يوسف المطيري', 'Omar Khan'],
};

export function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details ?? '')}`);
  return result.value;
}

export async function call<T>(core: CoreApp, name: string, input: unknown, session: string | null = null): Promise<T> {
  return unwrap((await core.call(name, input, session)) as ApiResult<T>);
}

export interface SeededOffice {
  recoveryCode: string;
  password: string;
  users: { role: Role; username: string; displayName: string }[];
  /** A session token of the first partner. */
  partnerToken: string;
}

/** Set up the office and add one user per role, all with the same password. */
export async function seedOffice(core: CoreApp, opts: { password: string; seed?: number }): Promise<SeededOffice> {
  const pick = (role: Role): string => {
    const names = PEOPLE[role];
    return names[(opts.seed ?? 0) % names.length] ?? role;
  };
  const partner = { username: 'partner', displayName: pick('partner') };
  const { recoveryCode } = await call<{ recoveryCode: string }>(core, 'setup.create', {
    office: SAMPLE_OFFICE,
    partner: { ...partner, password: opts.password, lang: 'ar' },
  });
  const { token } = await call<{ token: string }>(core, 'auth.login', { username: partner.username, password: opts.password });
  const users: SeededOffice['users'] = [{ role: 'partner', ...partner }];
  for (const role of ROLES.filter((r) => r !== 'partner')) {
    const user = { username: role, displayName: pick(role) };
    await call(core, 'users.create', { ...user, role, password: opts.password }, token);
    users.push({ role, ...user });
  }
  return { recoveryCode, password: opts.password, users, partnerToken: token };
}
