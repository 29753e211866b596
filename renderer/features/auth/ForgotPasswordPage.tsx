// Forgot password: the recovery code from set-up, a username and a new password sign the user in again.
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { recoverInput } from '../../../electron/contract/procedures/auth';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { AuthLayout } from '../../components/AuthLayout';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { refineNewPassword } from '../../components/passwordForms';
import { signInWith } from './signInWith';

const recoverForm = z
  .object({ ...recoverInput.shape, confirm: z.string() })
  .superRefine((v, ctx) => refineNewPassword(v, ctx));
type RecoverForm = z.input<typeof recoverForm>;

export function ForgotPasswordPage(): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RecoverForm, unknown, z.output<typeof recoverForm>>({
    resolver: zodResolver(recoverForm),
    defaultValues: { recoveryCode: '', username: '', password: '', confirm: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const username = form.watch('username');

  const onSubmit = form.handleSubmit(async ({ confirm: _confirm, ...input }) => {
    setFailure(null);
    try {
      const { token, session } = await call('auth.recover', input);
      void navigate('/', { replace: true });
      await signInWith(token, session);
    } catch (e) {
      if (applyFieldIssues(e, form.setError, ['recoveryCode', 'username', 'password']) === 0) {
        setFailure(errorMessage(e, t));
      }
    }
  });

  return (
    <AuthLayout title={t('recover.title')} subtitle={t('recover.subtitle')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {failure ? (
            <Alert color="red" role="alert" data-testid="recover-error">
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label={t('recover.code')}
            autoComplete="off"
            dir="ltr"
            ff="monospace"
            data-testid="recover-code"
            error={fieldMessage(errors.recoveryCode?.message, t)}
            {...form.register('recoveryCode')}
          />
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            dir="ltr"
            data-testid="recover-username"
            error={fieldMessage(errors.username?.message, t)}
            {...form.register('username')}
          />
          <NewPasswordFields
            form={form}
            passwordField="password"
            confirmField="confirm"
            username={username}
            testIdPrefix="recover"
          />
          <Button type="submit" loading={isSubmitting} data-testid="recover-submit">
            {t('recover.submit')}
          </Button>
          <Anchor component={Link} to="/" size="sm" ta="center">
            {t('recover.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
