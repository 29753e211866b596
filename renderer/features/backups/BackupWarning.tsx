// On Today, for partners: no successful backup yet, or the last one is older than two days.
import { Alert, Anchor, Text } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import { useBackupStatus } from './api';

export function BackupWarning(): React.JSX.Element | null {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useBackupStatus();
  if (!status.data?.stale) return null;
  const last = status.data.lastSuccess;
  return (
    <Alert color="orange" icon={<IconDatabaseExclamation size={20} />} title={t('backups.warning_title')} data-testid="backup-warning">
      <Text size="sm">
        {last ? t('backups.warning_old', { date: fmt.dateTimeDual(last.at) }) : t('backups.warning_none')}{' '}
        <Anchor component={Link} to="/settings/backups" size="sm" data-testid="backup-warning-link">
          {t('backups.warning_action')}
        </Anchor>
      </Text>
    </Alert>
  );
}
