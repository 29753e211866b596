// Import a placement file: client and file (drop or choose), the encoding with an override, the column mapping with a
// preview, a dry run with the failing rows (and the rejected rows as a file), the commit as a job with progress, the history.
import { Alert, Button, Card, Checkbox, Group, Loader, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ExportFormat, ImportDryRun, ImportEncodingChoice, ImportFile } from '../../../electron/contract/procedures/imports';
import { IMPORT_ENCODING_CHOICES } from '../../../electron/contract/procedures/imports';
import type { JobState } from '../../../electron/contract/procedures/letters';
import type { ImportMapping } from '../../../electron/domain/import-values';
import { ApiCallError, call } from '../../api/client';
import { downloadBase64, fileToBase64 } from '../../api/bytes';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys, useClientList } from '../cases/api';
import { useJob } from '../letters/api';
import { DryRunResult } from './DryRunResult';
import { ImportHistory, importKeys } from './ImportHistory';
import { MappingTable } from './MappingTable';

function CommitRun({ initial, clientId, onDone }: { initial: JobState; clientId: number; onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const job = useJob(initial) ?? initial;
  const latest = useQuery({
    queryKey: [...importKeys.imports, clientId, 'after', job.id],
    queryFn: () => call('imports.list', { clientId }),
    enabled: job.status === 'done',
  });
  const ended = job.status !== 'running';
  useEffect(() => {
    if (ended) onDone();
  }, [ended, onDone]);
  if (job.status === 'running') {
    const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
    return (
      <Card withBorder data-testid="import-running">
        <Stack gap="xs">
          <Text fw={600}>{t('imports.committing', { done: fmt.number(job.done), total: fmt.number(job.total) })}</Text>
          <Progress value={percent} size="xl" animated striped aria-label={t('imports.commit')} />
        </Stack>
      </Card>
    );
  }
  if (job.status === 'done') {
    return (
      <Alert color="green" icon={<IconCircleCheck />} data-testid="import-done">
        {latest.data?.[0]
          ? t('imports.done', { created: fmt.number(latest.data[0].casesCreated), matched: fmt.number(latest.data[0].casesMatched) })
          : t('imports.statuses.committed')}
      </Alert>
    );
  }
  return (
    <Alert color="red" data-testid="import-failed">
      {job.error ? t(`errors.${job.error.code}`) : t('errors.internal')}
    </Alert>
  );
}

export function ImportPage(): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const clients = useClientList('');
  const clientOptions = (clients.data?.pages ?? []).flatMap((p) => p.rows).map((c) => ({ value: String(c.id), label: c.nameAr }));
  const [clientId, setClientId] = useState<number | null>(params.get('client') ? Number(params.get('client')) : null);
  const [picked, setPicked] = useState<File | null>(null);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [dry, setDry] = useState<ImportDryRun | null>(null);
  const [skip, setSkip] = useState(false);
  const [job, setJob] = useState<JobState | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const open = useMutation({
    mutationFn: async (v: { f: File; client: number; encoding: ImportEncodingChoice | null }) =>
      call('imports.open', { clientId: v.client, fileName: v.f.name, contentBase64: await fileToBase64(v.f), encoding: v.encoding }),
    onSuccess: (f) => {
      setFile(f);
      setMapping(f.mapping);
      setDry(null);
      setJob(null);
    },
    onError: () => {
      setFile(null);
      setDry(null);
    },
  });
  const dryRun = useMutation({
    mutationFn: (v: { token: string; mapping: ImportMapping }) => call('imports.dryRun', v),
    onSuccess: setDry,
  });
  const rejected = useMutation({
    mutationFn: (format: ExportFormat) => {
      if (!file || !mapping) throw new Error('no file');
      return call('imports.rejected', { token: file.token, mapping, format, lang: document.documentElement.lang === 'en' ? 'en' : 'ar' });
    },
    onSuccess: (f) => downloadBase64(f.contentBase64, f.fileName, f.mime),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });
  const commit = useMutation({
    mutationFn: (v: { token: string; mapping: ImportMapping; skipBadRows: boolean }) => call('imports.commit', v),
    onSuccess: setJob,
  });

  const choose = (f: File | undefined, client = clientId): void => {
    if (!f || client === null) return;
    setPicked(f);
    open.mutate({ f, client, encoding: null });
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };
  const changeMapping = (m: ImportMapping): void => {
    setMapping(m);
    setDry(null);
  };
  const finished = useCallback((): void => {
    void queryClient.invalidateQueries({ queryKey: importKeys.imports });
    void queryClient.invalidateQueries({ queryKey: areaKeys.cases });
    void queryClient.invalidateQueries({ queryKey: areaKeys.parties });
  }, [queryClient]);

  return (
    <Stack gap="lg" data-testid="import-page">
      <Group gap="sm">
        <IconFileImport size={28} aria-hidden />
        <Title order={2}>{t('imports.title')}</Title>
      </Group>
      <Text c="dimmed" size="sm">
        {t('imports.explain')}
      </Text>
      <Group align="flex-end" gap="md">
        <Select
          label={t('imports.client')}
          placeholder={t('imports.choose_client')}
          data={clientOptions}
          value={clientId === null ? null : String(clientId)}
          onChange={(v) => {
            setClientId(v ? Number(v) : null);
            setFile(null);
            setDry(null);
            setJob(null);
          }}
          searchable
          w={360}
          comboboxProps={{ withinPortal: true }}
          data-testid="import-client"
        />
      </Group>
      {clientId !== null ? (
        <Paper
          withBorder
          p="lg"
          role="button"
          tabIndex={0}
          data-testid="import-dropzone"
          data-dragging={dragging || undefined}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') input.current?.click();
          }}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{ borderStyle: 'dashed', borderWidth: 2, cursor: 'pointer', borderColor: dragging ? 'var(--mantine-color-blue-6)' : undefined }}
        >
          <Group justify="center" gap="md">
            {open.isPending ? <Loader size="sm" /> : <IconUpload size={28} aria-hidden />}
            <Text>{open.isPending ? t('imports.reading') : picked ? picked.name : t('imports.drop')}</Text>
          </Group>
          <input
            ref={input}
            type="file"
            hidden
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file-input"
            onChange={(e) => {
              choose(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </Paper>
      ) : null}
      {open.isError ? (
        <Alert color="red" data-testid="import-open-error">
          <Stack gap="xs">
            <Text size="sm">{errorMessage(open.error, t)}</Text>
            {open.error instanceof ApiCallError && open.error.code === 'imports.mixed_encoding' && picked && clientId !== null ? (
              // A file mixing encodings is read only the way the user chooses.
              <Select
                label={t('imports.encoding')}
                description={t('imports.encoding_explain')}
                data={IMPORT_ENCODING_CHOICES.map((e) => ({ value: e, label: t(`imports.encodings.${e.replace(/-/g, '_')}`) }))}
                value={null}
                onChange={(v) => {
                  const enc = IMPORT_ENCODING_CHOICES.find((e) => e === v) ?? null;
                  if (enc) open.mutate({ f: picked, client: clientId, encoding: enc });
                }}
                w={300}
                comboboxProps={{ withinPortal: true }}
                data-testid="import-encoding-choose"
              />
            ) : null}
          </Stack>
        </Alert>
      ) : null}

      {file && mapping && clientId !== null ? (
        <Stack gap="lg">
          <Group gap="xl" align="flex-end" data-testid="import-file-summary">
            <Text>
              {t('imports.kind')}: <b>{file.kind.toUpperCase()}</b>
            </Text>
            <Text data-testid="import-row-count">
              {t('imports.rows')}: <b>{file.rowCount}</b>
            </Text>
            {file.kind === 'csv' ? (
              <Select
                label={t('imports.encoding')}
                description={file.detected ? t('imports.encoding_detected', { encoding: t(`imports.encodings.${file.detected.replace(/-/g, '_')}`) }) : t('imports.encoding_explain')}
                data={IMPORT_ENCODING_CHOICES.map((e) => ({ value: e, label: t(`imports.encodings.${e.replace(/-/g, '_')}`) }))}
                value={file.encoding || null}
                onChange={(v) => {
                  const enc = IMPORT_ENCODING_CHOICES.find((e) => e === v) ?? null;
                  if (picked && enc) open.mutate({ f: picked, client: clientId, encoding: enc });
                }}
                allowDeselect={false}
                w={300}
                comboboxProps={{ withinPortal: true }}
                data-testid="import-encoding"
              />
            ) : null}
          </Group>
          {file.previousImportId !== null ? (
            <Alert color="yellow" data-testid="import-previous">
              {t('imports.previous_import', { id: file.previousImportId })}
            </Alert>
          ) : null}
          <MappingTable file={file} mapping={mapping} onChange={changeMapping} />
          <Group>
            <Button variant="light" loading={dryRun.isPending} onClick={() => dryRun.mutate({ token: file.token, mapping })} data-testid="import-dry-run-button">
              {t('imports.dry_run')}
            </Button>
          </Group>
          {dryRun.isError ? (
            <Alert color="red" data-testid="import-dry-run-error">
              {errorMessage(dryRun.error, t)}
            </Alert>
          ) : null}
          {dry ? <DryRunResult dry={dry} onRejected={(f) => rejected.mutate(f)} rejectedBusy={rejected.isPending} /> : null}
          {dry && !job ? (
            <Group gap="md">
              {dry.problemRows > 0 ? (
                <Checkbox label={t('imports.skip_bad_rows')} checked={skip} onChange={(e) => setSkip(e.currentTarget.checked)} data-testid="import-skip" />
              ) : null}
              <Button
                loading={commit.isPending}
                disabled={dry.cases.create === 0 || (dry.problemRows > 0 && !skip)}
                onClick={() => commit.mutate({ token: file.token, mapping, skipBadRows: skip })}
                data-testid="import-commit"
              >
                {t('imports.commit')}
              </Button>
            </Group>
          ) : null}
          {commit.isError ? <Alert color="red">{errorMessage(commit.error, t)}</Alert> : null}
          {job ? <CommitRun initial={job} clientId={clientId} onDone={finished} /> : null}
        </Stack>
      ) : null}
      <ImportHistory clientId={clientId} />
    </Stack>
  );
}
