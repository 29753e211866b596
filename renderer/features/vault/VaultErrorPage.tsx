// When the data folder cannot be opened (keyring missing or corrupt, database missing), or the core cannot be reached: what happened and what to do.
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VaultErrorCode } from '../../api/auth-store';
import { AuthLayout } from '../../components/AuthLayout';

const KEYS: Record<VaultErrorCode, string> = {
  'vault.keyring_missing': 'keyring_missing',
  'vault.keyring_corrupt': 'keyring_corrupt',
  'vault.database_missing': 'database_missing',
};

const STEPS = [1, 2, 3] as const;

export function VaultErrorPage({ code, onRetry }: { code: VaultErrorCode; onRetry: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const key = KEYS[code];
  return (
    <AuthLayout title={t(`vault.${key}.title`)} width={560}>
      <Stack gap="md" data-testid="vault-error" data-code={code}>
        <Alert color="red" icon={<IconAlertTriangle size={20} />}>
          {t(`errors.${code}`)}
        </Alert>
        <Text>{t(`vault.${key}.explain`)}</Text>
        <Text fw={600}>{t('vault.what_to_do')}</Text>
        <List type="ordered" spacing="xs">
          {STEPS.map((n) => (
            <List.Item key={n}>{t(`vault.${key}.step${n}`)}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t('vault.no_data_lost')}
        </Text>
        <Button variant="light" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}

export function UnreachablePage({ onRetry }: { onRetry: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('unreachable.title')}>
      <Stack gap="md" data-testid="unreachable">
        <Text>{t('unreachable.explain')}</Text>
        <Button variant="light" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
