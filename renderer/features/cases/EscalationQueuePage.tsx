// The escalation queue: cases whose next ladder step is due, with the step and its date; each row opens the case;
// chosen rows (or all due) go to batch printing.
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { IconPhonePlus, IconPrinter } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { QueueRow } from '../../../electron/contract/procedures/cases';
import { roleHas } from '../../../electron/contract/roles';
import { useAuthState } from '../../api/auth-store';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { StageBadge } from '../../components/StageBadge';
import { useMoney } from '../../components/useMoney';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat } from '../../i18n/useFormat';
import { QuickLogModal } from '../activity/QuickLogModal';
import { batchPathForIds, batchPathForQueue } from '../letters/batchUrl';
import { QueueReason } from '../promises/QueueReason';
import { useEscalationQueue } from './api';

export function EscalationQueuePage({ canPrint }: { canPrint: boolean }): React.JSX.Element {
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

  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [allDue, setAllDue] = useState(false);
  const toggle = (id: number): void => {
    const next = new Set(allDue ? rows.map((r) => r.id) : selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setAllDue(false);
    setSelected(next);
  };
  const chosen = allDue ? null : [...selected];
  const auth = useAuthState();
  const role = auth.phase === 'signedIn' ? auth.session.user.role : null;
  const [logging, setLogging] = useState<QueueRow | null>(null);
  const logColumn: Column<QueueRow, never> = {
    id: 'log',
    label: '',
    width: '48px',
    render: (r) => (
      <ActionIcon
        variant="subtle"
        onClick={(e) => {
          e.stopPropagation();
          setLogging(r);
        }}
        aria-label={t('activity.quick_log', { reference: r.reference })}
        title={t('activity.quick_log', { reference: r.reference })}
        data-testid={`queue-log-${r.reference}`}
      >
        <IconPhonePlus size={18} />
      </ActionIcon>
    ),
  };

  const select: Column<QueueRow, never> = {
    id: 'select',
    label: '',
    width: '44px',
    render: (r) => (
      <Checkbox
        checked={allDue || selected.has(r.id)}
        onChange={() => toggle(r.id)}
        onClick={(e) => e.stopPropagation()}
        aria-label={t('letters.select_case', { reference: r.reference })}
        data-testid={`queue-select-${r.reference}`}
      />
    ),
  };
  const columns: Column<QueueRow, never>[] = [
    ...(canPrint ? [select] : []),
    { id: 'reference', label: t('cases.reference'), width: '150px', render: (r) => <span className="nowrap-ltr">{r.reference}</span> },
    { id: 'client', label: t('cases.client'), width: 'minmax(150px, 1fr)', render: (r) => r.clientName },
    { id: 'debtor', label: t('cases.debtor'), width: 'minmax(150px, 1fr)', render: (r) => <PartyName name={r.debtorName} /> },
    { id: 'stage', label: t('cases.stage'), width: '130px', render: (r) => <StageBadge stage={r.stage} /> },
    { id: 'next', label: t('queue.next_stage'), width: '130px', render: (r) => (r.nextStage ? <StageBadge stage={r.nextStage} /> : '—') },
    { id: 'reason', label: t('promises.queue.reason'), width: '170px', render: (r) => <QueueReason row={r} /> },
    { id: 'due', label: t('queue.due_on'), width: 'minmax(200px, 1fr)', render: (r) => <Text size="xs">{fmt.dual(r.dueOn)}</Text> },
    { id: 'claim', label: t('cases.claim'), width: '150px', render: (r) => money(r.claimMinor, r.currency) },
    { id: 'balance', label: t('cases.balance'), width: '150px', render: (r) => money(r.balanceMinor, r.currency) },
    { id: 'lawyer', label: t('cases.lawyer'), width: '130px', render: (r) => r.lawyerName ?? '—' },
    ...(role !== null && roleHas(role, 'cases.write') ? [logColumn] : []),
  ];

  return (
    <Stack gap="md" data-testid="queue-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('queue.title')}</Title>
          {queue.data ? <Badge variant="light" size="lg">{fmt.number(rows.length)}{hasNextPage ? '+' : ''}</Badge> : null}
        </Group>
        {canPrint && rows.length > 0 ? (
          <Group gap="sm">
            <Button
              variant="default"
              onClick={() => {
                setAllDue((v) => !v);
                setSelected(new Set());
              }}
              data-testid="queue-select-all"
            >
              {allDue ? t('letters.select_none') : t('letters.select_all_due')}
            </Button>
            <Button
              leftSection={<IconPrinter size={18} />}
              disabled={chosen !== null && chosen.length === 0}
              onClick={() => void navigate(chosen === null ? batchPathForQueue() : batchPathForIds(chosen))}
              data-testid="queue-print"
            >
              {chosen === null ? t('letters.print_letters') : t('letters.print_selected', { n: fmt.number(chosen.length) })}
            </Button>
          </Group>
        ) : null}
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
      {logging ? (
        <QuickLogModal caseId={logging.id} reference={logging.reference} canOverride={role !== null && roleHas(role, 'rules.override')} onClose={() => setLogging(null)} />
      ) : null}
    </Stack>
  );
}
