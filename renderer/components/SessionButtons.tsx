// Lock now and sign out, in the header.
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconLock, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sessionLocked, setAuthState, setSessionToken } from '../api/auth-store';
import { call } from '../api/client';

export async function signOut(): Promise<void> {
  try {
    await call('auth.logout', {});
  } catch {
    // Gone already: signing out locally is all that is left.
  }
  setSessionToken(null);
  // The next person to sign in starts at home, not on the screen the last one left.
  window.location.hash = '#/';
  setAuthState({ phase: 'signedOut' });
}

export function SessionButtons(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip label={t('shell.lock')}>
        <ActionIcon
          variant="light"
          size="lg"
          aria-label={t('shell.lock')}
          data-testid="lock-button"
          onClick={() => {
            void call('auth.lock', {})
              .catch(() => undefined)
              .finally(sessionLocked);
          }}
        >
          <IconLock size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('shell.sign_out')}>
        <ActionIcon
          variant="light"
          color="gray"
          size="lg"
          aria-label={t('shell.sign_out')}
          data-testid="logout-button"
          onClick={() => {
            void signOut();
          }}
        >
          <IconLogout size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
