// Files about to be uploaded: a drop zone and a file button, a row per file (type, date, notes), then one upload call per file.
import { ActionIcon, Alert, Badge, Button, Grid, Group, Loader, Paper, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconUpload, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, type DocumentOwner, type DocumentType } from '../../../electron/contract/procedures/documents';
import { isIsoDate } from '../../../electron/domain/dates';
import { fileToBase64 } from '../../api/bytes';
import { ApiCallError, call } from '../../api/client';
import { useSettings } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { useFormat } from '../../i18n/useFormat';
import { documentKeys } from './api';
import { documentErrorMessage, formatSize, guessDocumentType, MB } from './documentText';

type Status = 'ready' | 'uploading' | 'done' | 'failed';

interface Pending {
  key: number;
  file: File;
  type: DocumentType;
  documentDate: string;
  notes: string;
  status: Status;
  /** The refusal, kept as the error itself so it is translated in the language shown now. */
  error: unknown;
}

let nextKey = 1;

export function UploadQueue({ owner }: { owner: DocumentOwner }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<Pending[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const maxMb = settings.data?.documentMaxMb ?? null;
  const update = (key: number, patch: Partial<Pending>): void => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const add = (files: FileList | null): void => {
    if (!files || files.length === 0) return;
    const added = [...files].map((file): Pending => {
      // The server checks the bytes again; this only spares sending a file that is sure to be refused.
      const tooLarge = maxMb !== null && file.size > maxMb * MB;
      return {
        key: nextKey++,
        file,
        type: guessDocumentType(file.name),
        documentDate: '',
        notes: '',
        status: tooLarge ? 'failed' : 'ready',
        error: tooLarge ? new ApiCallError('documents.too_large', 'over the office limit', { maxMb }) : null,
      };
    });
    setProgress(null);
    setRows((rs) => [...rs.filter((r) => r.status !== 'done'), ...added]);
  };

  const ready = rows.filter((r) => r.status === 'ready');
  const badDate = ready.some((r) => r.documentDate !== '' && !isIsoDate(r.documentDate));

  const upload = async (): Promise<void> => {
    setBusy(true);
    setProgress({ done: 0, total: ready.length });
    let done = 0;
    for (const r of ready) {
      update(r.key, { status: 'uploading', error: null });
      try {
        await call('documents.upload', {
          owner,
          fileName: r.file.name,
          type: r.type,
          documentDate: r.documentDate === '' ? null : r.documentDate,
          notes: r.notes,
          contentBase64: await fileToBase64(r.file),
        });
        update(r.key, { status: 'done' });
        void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      } catch (e) {
        update(r.key, { status: 'failed', error: e });
      }
      done += 1;
      setProgress({ done, total: ready.length });
    }
    setBusy(false);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    if (!busy) add(e.dataTransfer.files);
  };

  return (
    <Stack gap="sm" data-testid="documents-upload">
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="documents-dropzone"
        data-dragging={dragging || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-color-blue-6)' : undefined,
          background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
        }}
      >
        <Group justify="center" gap="md">
          <IconUpload size={28} aria-hidden />
          <Stack gap={2} align="center">
            <Text fw={500}>{t('documents.drop_here')}</Text>
            <Text size="xs" c="dimmed">
              {maxMb === null ? t('documents.accepted') : t('documents.accepted_limit', { maxMb: fmt.number(maxMb) })}
            </Text>
          </Stack>
          <Button variant="default" onClick={() => input.current?.click()} disabled={busy} data-testid="documents-choose">
            {t('documents.choose_files')}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            data-testid="documents-file-input"
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = ''; // the same file can be chosen again
            }}
          />
        </Group>
      </Paper>

      {rows.length > 0 ? (
        <Stack gap="xs" data-testid="upload-list">
          <Text fw={600} size="sm">
            {t('documents.about_to_upload')}
          </Text>
          {rows.map((r) => (
            <PendingRow
              key={r.key}
              row={r}
              locked={busy || r.status !== 'ready'}
              onChange={(patch) => update(r.key, patch)}
              onDrop={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              canDrop={!busy && r.status !== 'uploading'}
            />
          ))}
          {progress ? (
            <Stack gap={4}>
              <Progress value={progress.total === 0 ? 100 : (progress.done / progress.total) * 100} animated={busy} aria-label={t('documents.progress_label')} />
              <Text size="xs" c="dimmed" data-testid="upload-progress">
                {t('documents.progress', { done: fmt.number(progress.done), total: fmt.number(progress.total) })}
              </Text>
            </Stack>
          ) : null}
          {badDate ? <Alert color="red">{t('validation.date')}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRows([])} disabled={busy} data-testid="upload-clear">
              {t('documents.clear_list')}
            </Button>
            <Button
              leftSection={<IconUpload size={16} />}
              onClick={() => void upload()}
              loading={busy}
              disabled={ready.length === 0 || badDate}
              data-testid="upload-submit"
            >
              {t('documents.upload_n', { n: fmt.number(ready.length) })}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

interface PendingRowProps {
  row: Pending;
  locked: boolean;
  canDrop: boolean;
  onChange: (patch: Partial<Pending>) => void;
  onDrop: () => void;
}

function PendingRow({ row, locked, canDrop, onChange, onDrop }: PendingRowProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="upload-row" data-file-name={row.file.name} data-status={row.status}>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap={2}>
            <Text size="sm" fw={500} style={{ overflowWrap: 'break-word' }}>
              <bdi>{row.file.name}</bdi>
            </Text>
            <Text size="xs" c="dimmed">
              {formatSize(row.file.size, fmt, t)}
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
          <Select
            label={t('documents.type')}
            data={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`documents.types.${d}`) }))}
            value={row.type}
            allowDeselect={false}
            disabled={locked}
            onChange={(v) => onChange({ type: DOCUMENT_TYPES.find((d) => d === v) ?? row.type })}
            data-testid="upload-type"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          {locked ? (
            <TextInput label={t('documents.date')} value={row.documentDate || '—'} dir="ltr" disabled readOnly />
          ) : (
            <DateField label={t('documents.date')} value={row.documentDate} onChange={(v) => onChange({ documentDate: v })} testId="upload-date" />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
          <TextInput
            label={t('documents.notes')}
            value={row.notes}
            maxLength={2000}
            disabled={locked}
            onChange={(e) => onChange({ notes: e.currentTarget.value })}
            data-testid="upload-notes"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 2 }}>
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            <RowStatus status={row.status} />
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={onDrop}
              disabled={!canDrop}
              aria-label={t('documents.drop_from_list', { name: row.file.name })}
              data-testid="upload-row-remove"
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        </Grid.Col>
      </Grid>
      {row.status === 'failed' ? (
        <Alert color="red" mt="xs" py={6} data-testid="upload-error">
          {documentErrorMessage(row.error, t, fmt)}
        </Alert>
      ) : null}
    </Paper>
  );
}

function RowStatus({ status }: { status: Status }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (status === 'uploading') return <Loader size="xs" aria-label={t('documents.status_uploading')} />;
  if (status === 'done') {
    return (
      <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />} data-testid="upload-done">
        {t('documents.status_done')}
      </Badge>
    );
  }
  if (status === 'failed') {
    return (
      <Badge color="red" variant="light">
        {t('documents.status_failed')}
      </Badge>
    );
  }
  return null;
}
