// Change my password: the current one, then a new one with the strength meter and confirmation.
import { Alert, Button, Card, Group, Stack, Title } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changePasswordInput } from '../../../electron/contract/procedures/auth';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { refineNewPassword } from '../../components/passwordForms';

function schemaFor(username: string) {
  return changePasswordInput
    .extend({ confirm: z.string() })
    .superRefine((v, ctx) =>
      refineNewPassword({ username, password: v.newPassword, confirm: v.confirm }, ctx, 'newPassword'),
    );
}
type ChangeForm = z.input<ReturnType<typeof schemaFor>>;

export function ChangePasswordCard({ username }: { username: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ChangeForm>({
    resolver: zodResolver(schemaFor(username)),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    try {
      await call('auth.changePassword', { currentPassword, newPassword });
      form.reset();
      notifications.show({ color: 'teal', message: t('security.password_changed') });
    } catch (e) {
      if (isApiCallError(e) && e.code === 'auth.wrong_current_password') {
        form.setError('currentPassword', { type: 'server', message: 'validation.wrong_current_password' });
      } else if (applyFieldIssues(e, form.setError, ['currentPassword', 'newPassword']) === 0) {
        setFailure(errorMessage(e, t));
      }
    }
  });

  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="change-password">
        <Stack gap="sm" maw={420}>
          <Title order={4}>{t('security.change_password')}</Title>
          {failure ? <Alert color="red">{failure}</Alert> : null}
          <PasswordField
            label={t('security.current_password')}
            autoComplete="current-password"
            data-testid="change-current"
            error={fieldMessage(errors.currentPassword?.message, t)}
            {...form.register('currentPassword')}
          />
          <NewPasswordFields
            form={form}
            passwordField="newPassword"
            confirmField="confirm"
            username={username}
            testIdPrefix="change"
          />
          <Group>
            <Button type="submit" loading={isSubmitting} data-testid="change-submit">
              {t('security.change_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
