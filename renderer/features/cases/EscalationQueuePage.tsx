// The escalation queue: cases whose next ladder step is due, with the step and its date; each row opens the case.
import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { QueueRow } from '../../../electron/contract/procedures/cases';
import { errorMessage } from '../../components/errorMessage';
import { StageBadge } from '../../components/StageBadge';
import { useMoney } from '../../components/useMoney';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat } from '../../i18n/useFormat';
import { useEscalationQueue } from './api';

export function EscalationQueuePage(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const navigate = useNavigate();
  const queue = useEscalationQueue();
  const rows = useMemo(() => (queue.data?.pages ?? []).flatMap((p) => p.rows), [queue.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = queue;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const columns: Column<QueueRow, never>[] = [
    { id: 'reference', label: t('cases.reference'), width: '130px', render: (r) => <span className="nowrap-ltr">{r.reference}</span> },
    { id: 'client', label: t('cases.client'), width: 'minmax(150px, 1fr)', render: (r) => r.clientName },
    { id: 'debtor', label: t('cases.debtor'), width: 'minmax(150px, 1fr)', render: (r) => r.debtorName },
    { id: 'stage', label: t('cases.stage'), width: '130px', render: (r) => <StageBadge stage={r.stage} /> },
    { id: 'next', label: t('queue.next_stage'), width: '130px', render: (r) => <StageBadge stage={r.nextStage} /> },
    { id: 'due', label: t('queue.due_on'), width: 'minmax(200px, 1fr)', render: (r) => <Text size="xs">{fmt.dual(r.dueOn)}</Text> },
    { id: 'claim', label: t('cases.claim'), width: '150px', render: (r) => money(r.claimMinor, r.currency) },
    { id: 'lawyer', label: t('cases.lawyer'), width: '130px', render: (r) => r.lawyerName ?? '—' },
  ];

  return (
    <Stack gap="md" data-testid="queue-page">
      <Group gap="sm">
        <Title order={2}>{t('queue.title')}</Title>
        {queue.data ? <Badge variant="light" size="lg">{fmt.number(rows.length)}{hasNextPage ? '+' : ''}</Badge> : null}
      </Group>
      <Text c="dimmed" size="sm">
        {t('queue.explain')}
      </Text>
      {queue.isError ? <Alert color="red">{errorMessage(queue.error, t)}</Alert> : null}
      <VirtualTable
        testId="queue-table"
        label={t('queue.title')}
        height="calc(100vh - 230px)"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={(r) => `queue-row-${r.reference}`}
        onRowOpen={(r) => void navigate(`/cases/${r.id}`)}
        onEndReached={loadMore}
        empty={queue.isPending ? t('common.loading') : t('queue.empty')}
      />
    </Stack>
  );
}
