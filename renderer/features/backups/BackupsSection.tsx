// Settings → Backups (partners): the folder (typed, or chosen in the system's folder dialog in the desktop app; checked
// writable when saved), the daily time and how many to keep; the last backup and the next run; back up now (a job with
// progress); the backups in the folder with their date, counts and verification; restore one.
import { Alert, Badge, Box, Button, Card, Group, NumberInput, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDatabaseExport, IconFolderOpen, IconRestore } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BackupRow } from '../../../electron/contract/procedures/backups';
import type { JobState } from '../../../electron/contract/procedures/letters';
import { settingsSchema } from '../../../electron/contract/schemas';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { queryKeys, useSettings } from '../../api/queries';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { useJob } from '../letters/api';
import { backupKeys, useBackupList, useBackupStatus } from './api';
import { RestoreModal } from './RestoreModal';

const backupForm = settingsSchema.pick({ backupFolder: true, backupTime: true, backupKeepDaily: true, backupKeepWeekly: true, backupKeepMonthly: true });
type BackupForm = z.input<typeof backupForm>;
const FIELDS = ['backupFolder', 'backupTime', 'backupKeepDaily', 'backupKeepWeekly', 'backupKeepMonthly'] as const;
/** The core's answers about the folder itself, shown under the folder field. */
const FOLDER_ERRORS = new Set(['backups.folder_unwritable', 'backups.no_folder']);

function SettingsCard(): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const form = useForm<BackupForm>({ resolver: zodResolver(backupForm) });
  useEffect(() => {
    if (settings.data) form.reset(backupForm.parse(settings.data));
  }, [settings.data, form]);
  // The system's folder dialog, through the desktop app's bridge; browser mode has none and keeps the typed path.
  const chooseFolder = window.tahseel?.chooseFolder;
  const pickFolder = async (current: string): Promise<void> => {
    const chosen = await chooseFolder?.({ title: t('backups.choose_folder_title'), defaultPath: current.trim() === '' ? undefined : current });
    if (chosen) {
      form.setValue('backupFolder', chosen, { shouldDirty: true });
      form.clearErrors('backupFolder');
    }
  };
  const save = useMutation({
    mutationFn: (values: BackupForm) => call('settings.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: ['backups'] });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    onError: (e) => {
      // A folder that cannot be written is refused when it is saved: said under the field.
      if (isApiCallError(e) && FOLDER_ERRORS.has(e.code)) form.setError('backupFolder', { type: 'server', message: `errors.${e.code}` });
      else if (applyFieldIssues(e, form.setError, [...FIELDS]) === 0) notifications.show({ color: 'red', message: errorMessage(e, t) });
    },
  });
  const keep = (name: 'backupKeepDaily' | 'backupKeepWeekly' | 'backupKeepMonthly'): React.JSX.Element => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={t(`backups.${name}`)}
          min={0}
          allowDecimal={false}
          value={field.value}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
          error={fieldMessage(fieldState.error?.message, t)}
          w={140}
          data-testid={`backup-${name}`}
        />
      )}
    />
  );
  return (
    <Card withBorder padding="lg">
      <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)} noValidate data-testid="backup-settings">
        <Stack gap="sm">
          <Title order={4}>{t('backups.settings_title')}</Title>
          <Text size="sm" c="dimmed">
            {t('backups.settings_explain')}
          </Text>
          <Controller
            control={form.control}
            name="backupFolder"
            render={({ field, fieldState }) => (
              <TextInput
                label={t('backups.folder')}
                description={t('backups.folder_hint')}
                placeholder={t('backups.folder_placeholder')}
                dir="ltr"
                {...field}
                error={fieldState.error?.message?.startsWith('errors.') ? t(fieldState.error.message) : fieldMessage(fieldState.error?.message, t)}
                data-testid="backup-folder"
                inputContainer={(input) =>
                  chooseFolder ? (
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Box style={{ flex: 1 }}>{input}</Box>
                      <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void pickFolder(field.value)} data-testid="backup-choose-folder">
                        {t('backups.choose_folder')}
                      </Button>
                    </Group>
                  ) : (
                    input
                  )
                }
              />
            )}
          />
          <Group align="flex-start">
            <Controller
              control={form.control}
              name="backupTime"
              render={({ field, fieldState }) => (
                <TextInput label={t('backups.time')} dir="ltr" w={120} {...field} error={fieldMessage(fieldState.error?.message, t)} data-testid="backup-time" />
              )}
            />
            {keep('backupKeepDaily')}
            {keep('backupKeepWeekly')}
            {keep('backupKeepMonthly')}
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="backup-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function StatusCard(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const status = useBackupStatus();
  const [started, setStarted] = useState<JobState | null>(null);
  const job = useJob(started);
  const run = useMutation({
    mutationFn: () => call('backups.run', {}),
    onSuccess: (j) => setStarted(j),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });
  const ended = job !== null && job.status !== 'running';
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['backups'] });
  }, [ended, queryClient]);
  const s = status.data;
  return (
    <Card withBorder padding="lg" data-testid="backup-status">
      <Stack gap="sm">
        <Title order={4}>{t('backups.status_title')}</Title>
        {s ? (
          <>
            <Text size="sm" data-testid="backup-last">
              {s.lastSuccess ? t('backups.last', { date: fmt.dateTimeDual(s.lastSuccess.at) }) : t('backups.last_none')}
            </Text>
            {s.nextRun ? <Text size="sm">{t('backups.next', { date: fmt.dual(s.nextRun.slice(0, 10)), time: s.nextRun.slice(11) })}</Text> : null}
            {s.lastFailure ? (
              <Alert color="red" data-testid="backup-last-failure">
                {t('backups.last_failure', { date: fmt.dateTimeDual(s.lastFailure.at) })} {t(`errors.${s.lastFailure.code}`)}
              </Alert>
            ) : null}
          </>
        ) : null}
        {job?.status === 'running' ? <Progress value={job.total ? (job.done / job.total) * 100 : 0} animated striped size="lg" aria-label={t('backups.running')} data-testid="backup-progress" /> : null}
        {job?.status === 'done' ? (
          <Alert color="teal" data-testid="backup-done">
            {t('backups.done')}
          </Alert>
        ) : null}
        {job?.status === 'failed' && job.error ? (
          <Alert color="red" data-testid="backup-failed">
            {t(`errors.${job.error.code}`)}
          </Alert>
        ) : null}
        <Group>
          <Button
            leftSection={<IconDatabaseExport size={16} />}
            loading={run.isPending || job?.status === 'running'}
            disabled={!s?.folder}
            onClick={() => run.mutate()}
            data-testid="backup-run"
          >
            {t('backups.run')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ListCard(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useBackupList();
  const [restoring, setRestoring] = useState<BackupRow | null>(null);
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={4}>{t('backups.list_title')}</Title>
        {list.isError ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
        {list.data && list.data.length === 0 ? <Text c="dimmed">{t('backups.list_empty')}</Text> : null}
        {list.data && list.data.length > 0 ? (
          <Table striped withTableBorder data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.col_date')}</Table.Th>
                <Table.Th>{t('backups.col_kind')}</Table.Th>
                <Table.Th>{t('backups.col_version')}</Table.Th>
                <Table.Th>{t('backups.col_counts')}</Table.Th>
                <Table.Th>{t('backups.col_verified')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((b) => (
                <Table.Tr key={b.name} data-testid="backup-row" data-name={b.name}>
                  <Table.Td>{fmt.dateTimeDual(b.createdAt)}</Table.Td>
                  <Table.Td>{t(`backups.kind_${b.kind}`)}</Table.Td>
                  <Table.Td dir="ltr">{b.appVersion}</Table.Td>
                  <Table.Td>
                    {t('backups.counts', { cases: fmt.number(b.counts.cases), documents: fmt.number(b.counts.documents), log: fmt.number(b.counts.logEntries) })}
                  </Table.Td>
                  <Table.Td>
                    {b.newer ? (
                      <Badge color="gray">{t('backups.newer')}</Badge>
                    ) : b.verified ? (
                      <Group gap={4} wrap="nowrap" c="teal">
                        <IconCircleCheck size={16} />
                        <Text size="sm" fw={600} data-testid="backup-verified">
                          {t('backups.verified')}
                        </Text>
                      </Group>
                    ) : (
                      <Badge color="red">{t('backups.not_verified')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} disabled={b.newer} onClick={() => setRestoring(b)} data-testid="backup-restore">
                      {t('backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
      {restoring ? <RestoreModal backup={restoring} onClose={() => setRestoring(null)} /> : null}
    </Card>
  );
}

export function BackupsSection(): React.JSX.Element {
  return (
    <Stack gap="lg" data-testid="backups-section">
      <StatusCard />
      <SettingsCard />
      <ListCard />
    </Stack>
  );
}

export { backupKeys };
