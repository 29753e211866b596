// A running batch: progress with count and time left, Cancel; then the outcome — the numbers printed and the merged PDF,
// or that a cancelled or failed batch numbered and stored nothing.
import { Alert, Anchor, Button, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileText, IconPlayerStop } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { JobState, TemplateKind } from '../../../electron/contract/procedures/letters';
import { call, ApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { PdfFrame } from '../../components/PdfFrame';
import { useFormat, type Formatters } from '../../i18n/useFormat';
import { letterKeys, useJob } from './api';
import { PdfActions } from './LetterPdfModal';
import { writeRegisterFilter } from './registerUrl';

function etaText(ms: number | null, t: TFunction, fmt: Formatters): string {
  if (ms === null) return t('jobs.eta_unknown');
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return t('jobs.eta_seconds', { n: fmt.number(seconds) });
  return t('jobs.eta_minutes', { n: fmt.number(Math.ceil(seconds / 60)) });
}

function MergedPdf({ batchId }: { batchId: number }): React.JSX.Element {
  const { t } = useTranslation();
  const pdf = useQuery({
    queryKey: [...letterKeys.letters, 'batchPdf', batchId],
    queryFn: () => call('letters.batchPdf', { batchId }),
    staleTime: Infinity,
    gcTime: 60_000,
  });
  if (pdf.isPending) return <Loader />;
  if (pdf.isError) return <Alert color="red">{errorMessage(pdf.error, t)}</Alert>;
  return (
    <Stack gap="sm" data-testid="batch-pdf">
      <PdfActions base64={pdf.data.pdfBase64} fileName={pdf.data.fileName} />
      <PdfFrame base64={pdf.data.pdfBase64} title={pdf.data.fileName} height="calc(100vh - 180px)" />
    </Stack>
  );
}

export interface BatchRunProps {
  initial: JobState;
  kind: TemplateKind;
  onAgain: () => void;
}

export function BatchRun({ initial, kind, onAgain }: BatchRunProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const job = useJob(initial) ?? initial;
  const [showPdf, setShowPdf] = useState(false);
  const cancel = useMutation({ mutationFn: () => call('jobs.cancel', { id: job.id }) });
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;

  if (job.status === 'running') {
    return (
      <Card withBorder padding="lg" data-testid="batch-running" data-done={job.done} data-total={job.total}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600} data-testid="batch-progress-count">
              {t('jobs.progress', { done: fmt.number(job.done), total: fmt.number(job.total) })}
            </Text>
            <Text c="dimmed" size="sm" data-testid="batch-eta">
              {etaText(job.etaMs, t, fmt)}
            </Text>
          </Group>
          <Progress value={percent} size="xl" animated striped aria-label={t('jobs.progress_label')} data-testid="batch-progress" />
          <Group justify="flex-end">
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} />}
              loading={cancel.isPending}
              onClick={() => cancel.mutate()}
              data-testid="batch-cancel"
            >
              {t('jobs.cancel')}
            </Button>
          </Group>
          {cancel.error ? <Alert color="red">{errorMessage(cancel.error, t)}</Alert> : null}
        </Stack>
      </Card>
    );
  }

  if (job.status === 'done' && job.result) {
    const r = job.result;
    const year = Number(r.firstNumber.split('-')[1]);
    const registerLink = `/letters?${writeRegisterFilter({ year: Number.isInteger(year) ? year : null, kind, state: null, batchId: r.batchId, query: '' }).toString()}`;
    return (
      <Stack gap="md" data-testid="batch-done">
        <Alert color="teal" icon={<IconCircleCheck />}>
          <Title order={4} data-testid="batch-done-summary">
            {t('letters.batch_done', { n: fmt.number(r.count) })}{' '}
            <span dir="ltr" className="nowrap-ltr" data-testid="batch-done-range">
              {r.count === 1 ? r.firstNumber : `${r.firstNumber} – ${r.lastNumber}`}
            </span>
          </Title>
        </Alert>
        <Group gap="sm">
          <Button leftSection={<IconFileText size={16} />} onClick={() => setShowPdf(true)} disabled={showPdf} data-testid="batch-open-pdf">
            {t('letters.batch_open_pdf')}
          </Button>
          <Anchor component={Link} to={registerLink} data-testid="batch-register-link">
            {t('letters.batch_register_link')}
          </Anchor>
          <Button variant="subtle" onClick={onAgain} data-testid="batch-again">
            {t('letters.batch_again')}
          </Button>
        </Group>
        {showPdf ? <MergedPdf batchId={r.batchId} /> : null}
      </Stack>
    );
  }

  const failed = job.status === 'failed';
  const failure = job.error ? new ApiCallError(job.error.code, job.error.message, job.error.details) : null;
  return (
    <Stack gap="md" data-testid={failed ? 'batch-failed' : 'batch-cancelled'}>
      <Alert color={failed ? 'red' : 'orange'} title={failed ? t('jobs.failed') : t('jobs.cancelled')}>
        {failed && failure ? <Text size="sm">{errorMessage(failure, t)}</Text> : null}
        <Text size="sm">{t('letters.batch_nothing_stored')}</Text>
      </Alert>
      <Group>
        <Button variant="default" onClick={onAgain} data-testid="batch-again">
          {t('letters.batch_again')}
        </Button>
      </Group>
    </Stack>
  );
}
