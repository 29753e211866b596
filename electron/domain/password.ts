// Password strength rules, the same in the set-up wizard, user management and the router.

export type PasswordProblem = 'too_short' | 'too_common' | 'too_simple' | 'contains_username';

export const MIN_PASSWORD_LENGTH = 10;

// The most used passwords and office-flavoured guesses; a serious list would be longer, these catch the obvious.
const COMMON = new Set([
  'password', 'password1', 'password123', '123456789', '1234567890', 'qwertyuiop', '1q2w3e4r5t',
  'iloveyou12', 'admin12345', 'welcome123', 'tahseel123', 'tahseel2026', 'abc1234567', '0000000000',
  '1111111111', 'qwerty1234', 'p@ssw0rd12', 'passw0rd12', 'lawoffice1', 'riyadh1234', 'ksa1234567',
]);

/** The problems with a candidate password; an empty list means it is acceptable. */
export function passwordProblems(password: string, username = ''): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('too_common');
  // Variety: at least two of lower, upper, digit, other (Arabic letters count as "other").
  const classes = [/[a-z]/, /[A-Z]/, /[0-9\u0660-\u0669]/, /[^a-zA-Z0-9\u0660-\u0669]/].filter((re) =>
    re.test(password),
  ).length;
  if (classes < 2 || new Set(chars).size < 5) problems.push('too_simple');
  const user = username.trim().toLowerCase();
  if (user.length >= 3 && lower.includes(user)) problems.push('contains_username');
  return problems;
}
