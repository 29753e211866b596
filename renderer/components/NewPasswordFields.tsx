// New password + confirmation with the live strength meter; used by set-up, recovery, user management and my password.
import { Stack } from '@mantine/core';
import { PasswordField } from './PasswordField';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from './errorMessage';
import { PasswordStrength } from './PasswordStrength';

export function NewPasswordFields<T extends FieldValues, O extends FieldValues>({
  form,
  passwordField,
  confirmField,
  username,
  testIdPrefix,
}: {
  form: UseFormReturn<T, unknown, O>;
  passwordField: Path<T>;
  confirmField: Path<T>;
  username: string;
  testIdPrefix: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const password: unknown = form.watch(passwordField);
  const errors = form.formState.errors;
  const rawMessage = (name: string): string | undefined => {
    const message = errors[name]?.message;
    return typeof message === 'string' ? message : undefined;
  };
  const messageOf = (name: string): string | undefined => fieldMessage(rawMessage(name), t);
  return (
    <Stack gap="xs">
      <PasswordField
        label={t('password.new')}
        autoComplete="new-password"
        data-testid={`${testIdPrefix}-password`}
        error={messageOf(passwordField)}
        {...form.register(passwordField)}
      />
      <PasswordStrength
        password={typeof password === 'string' ? password : ''}
        username={username}
        shownElsewhere={rawMessage(passwordField)}
      />
      <PasswordField
        label={t('password.confirm')}
        autoComplete="new-password"
        data-testid={`${testIdPrefix}-confirm`}
        error={messageOf(confirmField)}
        {...form.register(confirmField)}
      />
    </Stack>
  );
}
