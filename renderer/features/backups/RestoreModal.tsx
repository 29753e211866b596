// Restore a backup: its date and counts, then the password of a user who was in it (or its recovery code). The current
// database is kept aside; afterwards everyone signs in again on the restored data.
import { Alert, Button, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRow } from '../../../electron/contract/procedures/backups';
import { sessionEnded } from '../../api/auth-store';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';

export function RestoreModal({ backup, onClose }: { backup: BackupRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const restore = useMutation({
    mutationFn: () =>
      call('backups.restore', mode === 'password' ? { name: backup.name, username, password } : { name: backup.name, recoveryCode: code }),
    onSuccess: () => sessionEnded('expired'),
  });
  return (
    <Modal opened onClose={onClose} title={t('backups.restore_title')} size="lg">
      <Stack gap="sm" data-testid="restore-modal">
        <Text size="sm">{t('backups.restore_what', { date: fmt.dateTimeDual(backup.createdAt) })}</Text>
        <Text size="sm" fw={600}>
          {t('backups.counts', { cases: fmt.number(backup.counts.cases), documents: fmt.number(backup.counts.documents), log: fmt.number(backup.counts.logEntries) })}
        </Text>
        <Alert color="orange">{t('backups.restore_warning')}</Alert>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v === 'recovery' ? 'recovery' : 'password')}
          data={[
            { value: 'password', label: t('backups.with_password') },
            { value: 'recovery', label: t('backups.with_recovery') },
          ]}
        />
        {mode === 'password' ? (
          <>
            <TextInput label={t('backups.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} dir="ltr" data-testid="restore-username" />
            <PasswordInput label={t('backups.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="restore-password" />
          </>
        ) : (
          <TextInput label={t('backups.recovery_code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} dir="ltr" data-testid="restore-code" />
        )}
        {restore.isError ? (
          <Alert color="red" data-testid="restore-error">
            {errorMessage(restore.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={restore.isPending} onClick={() => restore.mutate()} data-testid="restore-confirm">
            {t('backups.restore_confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
