// A live strength meter for a new password, driven by the same rules the core enforces (passwordProblems).
import { List, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../../electron/domain/password';
import { validationValues } from './errorMessage';

function level(password: string, problems: number): 0 | 1 | 2 | 3 {
  if (password === '') return 0;
  if (problems > 0) return 1;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9\u0660-\u0669]/, /[^a-zA-Z0-9\u0660-\u0669]/].filter((re) =>
    re.test(password),
  ).length;
  return [...password].length >= MIN_PASSWORD_LENGTH + 4 && classes >= 3 ? 3 : 2;
}

const LEVELS = [
  { value: 0, color: 'gray', label: 'password.strength_empty' },
  { value: 33, color: 'red', label: 'password.strength_weak' },
  { value: 66, color: 'yellow', label: 'password.strength_fair' },
  { value: 100, color: 'teal', label: 'password.strength_strong' },
] as const;

export function PasswordStrength({
  password,
  username,
  shownElsewhere,
}: {
  password: string;
  username: string;
  /** The message already shown under the field (a validation.* key): not repeated in the list. */
  shownElsewhere?: string | undefined;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const problems = passwordProblems(password, username);
  const listed = problems.filter((p) => `validation.password_${p}` !== shownElsewhere);
  const current = LEVELS[level(password, problems.length)];
  return (
    <Stack gap={4} data-testid="password-strength" aria-live="polite">
      <Progress value={current.value} color={current.color} size="sm" aria-label={t('password.strength')} />
      <Text size="xs" c={current.color === 'gray' ? 'dimmed' : current.color}>
        {t('password.strength')}: {t(current.label)}
      </Text>
      {password !== '' && listed.length > 0 ? (
        <List size="xs" c="dimmed" spacing={0}>
          {listed.map((p) => (
            <List.Item key={p}>{t(`validation.password_${p}`, validationValues(i18n.language))}</List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
