// Sign in with username and password; one generic message for any wrong pair, another when throttled.
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { loginInput } from '../../../electron/contract/procedures/auth';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { AuthLayout } from '../../components/AuthLayout';
import { useFormat } from '../../i18n/useFormat';
import { signInWith } from './signInWith';

type LoginForm = z.input<typeof loginInput>;

/** How long the core asks to wait after too many wrong passwords (auth.throttled details), if it said. */
function retryAfterMs(e: unknown): number | null {
  if (!isApiCallError(e) || e.code !== 'auth.throttled') return null;
  const d = e.details;
  return typeof d === 'object' && d !== null && 'retryAfterMs' in d && typeof d.retryAfterMs === 'number'
    ? d.retryAfterMs
    : null;
}

export function LoginPage({ reason }: { reason?: 'expired' | 'inactive' | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<LoginForm, unknown, z.output<typeof loginInput>>({
    resolver: zodResolver(loginInput),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { token, session } = await call('auth.login', values);
      await signInWith(token, session);
    } catch (e) {
      if (applyFieldIssues(e, form.setError, ['username', 'password']) > 0) return;
      const waitMs = retryAfterMs(e);
      setFailure(waitMs === null ? errorMessage(e, t) : t('login.throttled_wait', { seconds: fmt.number(Math.ceil(waitMs / 1000)) }));
      form.resetField('password');
    }
  });

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {reason && !failure ? (
            <Alert color="yellow" data-testid="login-expired">
              {reason === 'inactive' ? t('errors.auth.inactive') : t('login.expired')}
            </Alert>
          ) : null}
          {failure ? (
            <Alert color="red" role="alert" data-testid="login-error">
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            autoFocus
            dir="ltr"
            data-testid="login-username"
            error={fieldMessage(errors.username?.message, t)}
            {...form.register('username')}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            data-testid="login-password"
            error={fieldMessage(errors.password?.message, t)}
            {...form.register('password')}
          />
          <Button type="submit" loading={isSubmitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/forgot" size="sm" ta="center">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
