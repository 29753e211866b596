// The idle lock: the password again (auth.unlock) brings the user back to the same screen; nothing else is shown meanwhile.
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { passwordSchema } from '../../../electron/contract/schemas';
import { setAuthState, setSessionToken, signedIn } from '../../api/auth-store';
import { call, isApiCallError } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { signOut } from '../../components/SessionButtons';
import { currentLang } from '../../i18n';

const unlockForm = z.object({ password: passwordSchema });
type UnlockForm = z.input<typeof unlockForm>;

export function LockScreen({ session }: { session: SessionInfo | null }): React.JSX.Element {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<UnlockForm>({ resolver: zodResolver(unlockForm), defaultValues: { password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { session: unlocked } = await call('auth.unlock', values);
      // A language picked on the lock screen is this same user's choice: keep it rather than snap back.
      const lang = currentLang();
      const next = lang === unlocked.user.lang ? unlocked : await call('profile.update', { lang }).catch(() => unlocked);
      signedIn(null, next);
    } catch (e) {
      if (isApiCallError(e) && e.code === 'auth.required') {
        setSessionToken(null);
        setAuthState({ phase: 'signedOut', reason: 'expired' });
        return;
      }
      setFailure(errorMessage(e, t));
      form.resetField('password');
    }
  });

  return (
    <AuthLayout title={t('lock.title')} subtitle={t('lock.subtitle')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="lock-screen">
        <Stack gap="md">
          <Stack align="center" gap={4}>
            <IconLock size={40} stroke={1.4} />
            {session ? (
              <Text fw={600} data-testid="lock-user">
                {session.user.displayName}
              </Text>
            ) : null}
          </Stack>
          {failure ? (
            <Alert color="red" role="alert" data-testid="lock-error">
              {failure}
            </Alert>
          ) : null}
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            autoFocus
            data-testid="lock-password"
            error={fieldMessage(errors.password?.message, t)}
            {...form.register('password')}
          />
          <Button type="submit" loading={isSubmitting} data-testid="lock-submit">
            {t('lock.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" ta="center" onClick={() => void signOut()}>
            {t('lock.sign_out')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
