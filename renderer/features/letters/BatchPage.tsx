// Batch printing: the cases chosen in the queue or the cases list → kind and language → the check (who gets a letter, who
// cannot and why) → the job with its progress → the merged PDF.
import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconListCheck, IconPlayerPlay, IconPrinter } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BatchCheck, BlockedCase, JobState, TemplateKind } from '../../../electron/contract/procedures/letters';
import type { Lang } from '../../../electron/contract/schemas';
import { call } from '../../api/client';
import { useSettings } from '../../api/queries';
import { useFormat } from '../../i18n/useFormat';
import { BATCH_KINDS, defaultDeadlineDays } from './api';
import { BatchRun } from './BatchRun';
import { readBatchSource, toSelection, type BatchSource } from './batchUrl';
import { fieldLabel, LetterError } from './LetterBits';
import { PartyName } from '../../components/PartyName';

function SourceLine({ source }: { source: BatchSource }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text =
    source.source === 'ids'
      ? t('letters.batch_source_ids', { n: fmt.number(source.caseIds.length) })
      : source.source === 'queue'
        ? t('letters.batch_source_queue')
        : t('letters.batch_source_filter');
  return (
    <Group gap="xs">
      <IconListCheck size={18} />
      <Text data-testid="batch-source">{text}</Text>
    </Group>
  );
}

function BlockedReasons({ row }: { row: BlockedCase }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {row.reasons.map((r) => (
        <Text key={`${r.code}-${r.detail}`} size="sm" data-reason={r.code}>
          {t(`letters.blocked.${r.code}`, { defaultValue: r.code })}
          {r.code === 'missing_fields' && r.detail !== ''
            ? `: ${r.detail
                .split(',')
                .map((f) => fieldLabel(f.trim(), t))
                .join('، ')}`
            : null}
        </Text>
      ))}
    </Stack>
  );
}

function CheckResult({ check }: { check: BatchCheck }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="sm" data-testid="batch-check">
      <Alert color={check.ready.length > 0 ? 'teal' : 'orange'} data-testid="batch-summary">
        <Text fw={600}>
          {t('letters.batch_ready', { n: fmt.number(check.ready.length)})}
          {check.blocked.length > 0 ? ` ${t('letters.batch_blocked', { n: fmt.number(check.blocked.length)})}` : ''}
        </Text>
      </Alert>
      {check.blocked.length > 0 ? (
        <Table.ScrollContainer minWidth={600} maxHeight={320}>
          <Table withTableBorder verticalSpacing="xs" stickyHeader data-testid="batch-blocked">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('letters.case')}</Table.Th>
                <Table.Th>{t('letters.debtor')}</Table.Th>
                <Table.Th>{t('letters.blocked_why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {check.blocked.map((b) => (
                <Table.Tr key={b.caseId} data-testid={`batch-blocked-${b.reference}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${b.caseId}`} className="nowrap-ltr">
                      {b.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td><PartyName name={b.debtorName} /></Table.Td>
                  <Table.Td>
                    <BlockedReasons row={b} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

export function BatchPage(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params] = useSearchParams();
  const source = useMemo(() => readBatchSource(params) ?? ({ source: 'queue' } as const), [params]);
  const settings = useSettings();
  const [kind, setKind] = useState<TemplateKind>('reminder');
  const [lang, setLang] = useState<Lang | null>(null);
  const [deadlineDays, setDeadlineDays] = useState<number | null>(defaultDeadlineDays('reminder'));
  const [job, setJob] = useState<JobState | null>(null);
  const chosenLang: Lang = lang ?? settings.data?.defaultLang ?? 'ar';

  const check = useMutation({
    mutationFn: () => call('letters.batchCheck', { selection: toSelection(source), kind, lang: chosenLang }),
  });
  const start = useMutation({
    mutationFn: (caseIds: number[]) => call('letters.batchStart', { caseIds, kind, lang: chosenLang, deadlineDays }),
    onSuccess: setJob,
  });
  const resetCheck = (): void => {
    check.reset();
    start.reset();
  };

  if (job) {
    return (
      <Stack gap="md" data-testid="batch-page">
        <Title order={2}>{t('letters.batch_title')}</Title>
        <BatchRun
          initial={job}
          kind={kind}
          onAgain={() => {
            setJob(null);
            resetCheck();
          }}
        />
      </Stack>
    );
  }

  const ready = check.data?.ready ?? [];
  return (
    <Stack gap="md" data-testid="batch-page" maw={1000}>
      <Title order={2}>{t('letters.batch_title')}</Title>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <SourceLine source={source} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('letters.kind')}
              data={BATCH_KINDS.map((k) => ({ value: k, label: t(`templates.kinds.${k}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => {
                const next = BATCH_KINDS.find((k) => k === v);
                if (!next) return;
                setKind(next);
                setDeadlineDays(defaultDeadlineDays(next));
                resetCheck();
              }}
              data-testid="batch-kind"
            />
            <Select
              label={t('letters.lang')}
              data={[
                { value: 'ar', label: t('common.lang_ar') },
                { value: 'en', label: t('common.lang_en') },
              ]}
              value={chosenLang}
              allowDeselect={false}
              onChange={(v) => {
                setLang(v === 'en' ? 'en' : 'ar');
                resetCheck();
              }}
              data-testid="batch-lang"
            />
            <NumberInput
              label={t('letters.deadline_days')}
              min={1}
              max={365}
              allowDecimal={false}
              value={deadlineDays ?? ''}
              onChange={(v) => setDeadlineDays(typeof v === 'number' ? v : null)}
              data-testid="batch-deadline-days"
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              variant={check.data ? 'default' : 'filled'}
              leftSection={<IconPrinter size={16} />}
              loading={check.isPending}
              onClick={() => {
                start.reset();
                check.mutate();
              }}
              data-testid="batch-check-button"
            >
              {t('letters.batch_check')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {check.error ? <LetterError error={check.error} testId="batch-error" /> : null}
      {check.data ? <CheckResult check={check.data} /> : null}
      {start.error ? <LetterError error={start.error} testId="batch-start-error" /> : null}
      {check.data ? (
        <Group justify="flex-end">
          <Badge size="lg" variant="light">
            {t(`templates.kinds.${kind}`)}
          </Badge>
          <Button
            size="md"
            leftSection={<IconPlayerPlay size={18} />}
            disabled={ready.length === 0}
            loading={start.isPending}
            onClick={() => start.mutate(ready.map((r) => r.caseId))}
            data-testid="batch-start"
          >
            {t('letters.batch_start', { n: fmt.number(ready.length) })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
