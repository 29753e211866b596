// The case page's "Hearings & tasks" tab: hearings with their results (record one, with the next hearing and its preparation), the ladder's next action as a task, and the case's tasks.
import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconGavel, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import type { HearingRow, TaskRow } from '../../../electron/contract/procedures/calendar';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { roleHas } from '../../../electron/contract/roles';
import { todayIso } from '../../../electron/domain/dates';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { TaskList } from '../tasks/TaskList';
import { useCaseHearings, useLadderOffer, useRefreshWork, useTasks } from './api';
import { NewHearingDialog, RecordResultDialog } from './HearingDialogs';

type Open = { what: 'hearing' } | { what: 'result'; hearing: HearingRow } | { what: 'task'; task: TaskRow | null } | null;

const RESULT_COLOR = { adjourned: 'blue', judgment: 'grape', settled: 'teal', dismissed: 'red', other: 'gray' } as const;

export function CaseWork({ detail, session, onStale }: { detail: CaseDetail; session: SessionInfo; onStale: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const refresh = useRefreshWork();
  const canWrite = roleHas(session.user.role, 'cases.write') && detail.stage !== 'closed';
  const hearings = useCaseHearings(detail.id);
  const tasks = useTasks({ scope: 'office', filter: 'all', caseId: detail.id, limit: 200 });
  const offer = useLadderOffer(detail.id, canWrite);
  const [open, setOpen] = useState<Open>(null);
  const close = (): void => setOpen(null);
  const fromLadder = useMutation({
    mutationFn: () => call('tasks.fromLadder', { caseId: detail.id }),
    onSuccess: async () => {
      await refresh();
      notifications.show({ color: 'teal', message: t('tasks.created') });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });

  return (
    <Stack gap="md" data-testid="case-work">
      <Card withBorder padding="md" data-testid="case-hearings">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('hearings.title')}</Title>
            {canWrite ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen({ what: 'hearing' })} data-testid="hearing-new">
                {t('hearings.new')}
              </Button>
            ) : null}
          </Group>
          {hearings.isPending ? <Loader size="sm" /> : null}
          {hearings.isError ? <Alert color="red">{errorMessage(hearings.error, t)}</Alert> : null}
          {hearings.data?.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('hearings.none')}
            </Text>
          ) : null}
          {hearings.data && hearings.data.length > 0 ? (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" data-testid="hearings-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('hearings.date')}</Table.Th>
                    <Table.Th>{t('hearings.type_label')}</Table.Th>
                    <Table.Th>{t('hearings.court')}</Table.Th>
                    <Table.Th>{t('hearings.result_label')}</Table.Th>
                    <Table.Th aria-label={t('hearings.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {hearings.data.map((h) => (
                    <Table.Tr key={h.id} data-testid={`hearing-${h.onDate}`}>
                      <Table.Td>
                        <Text size="sm">{fmt.dual(h.onDate)}</Text>
                        <Text size="xs" c="dimmed">
                          {h.atTime ?? ''}
                          {h.nonWorkingReason ? ` — ${h.nonWorkingReason}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`hearings.type.${h.type}`)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{h.court || '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {h.circuit}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {h.result ? (
                          <Stack gap={2}>
                            <Badge color={RESULT_COLOR[h.result]} variant="light" data-testid="hearing-result">
                              {t(`hearings.result.${h.result}`)}
                            </Badge>
                            {h.judgmentOn ? <Text size="xs">{t('hearings.judgment_dated', { date: fmt.gregorian(h.judgmentOn) })}</Text> : null}
                            {h.resultNotes ? (
                              <Text size="xs" c="dimmed">
                                {h.resultNotes}
                              </Text>
                            ) : null}
                          </Stack>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('hearings.pending')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {canWrite && !h.result ? (
                          <Button size="xs" variant="light" leftSection={<IconGavel size={14} />} onClick={() => setOpen({ what: 'result', hearing: h })} data-testid={`hearing-record-${h.id}`}>
                            {t('hearings.record_result')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      </Card>

      <Card withBorder padding="md" data-testid="case-tasks">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('tasks.case_title')}</Title>
            {canWrite ? (
              <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setOpen({ what: 'task', task: null })} data-testid="case-task-new">
                {t('tasks.new')}
              </Button>
            ) : null}
          </Group>
          {canWrite && offer.data && offer.data.existingTaskId === null ? (
            <Alert color="blue" variant="light" data-testid="ladder-offer">
              <Group justify="space-between" wrap="nowrap" align="center">
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {t('tasks.ladder_offer')}
                  </Text>
                  <Text size="sm">{offer.data.title}</Text>
                  <Text size="xs" c="dimmed">
                    {t('tasks.ladder_due', { date: fmt.dual(offer.data.dueOn) })}
                  </Text>
                </Stack>
                <Button size="xs" leftSection={<IconListCheck size={14} />} onClick={() => fromLadder.mutate()} loading={fromLadder.isPending} data-testid="ladder-offer-create">
                  {t('tasks.ladder_create')}
                </Button>
              </Group>
            </Alert>
          ) : null}
          {tasks.isPending ? <Loader size="sm" /> : null}
          {tasks.isError ? <Alert color="red">{errorMessage(tasks.error, t)}</Alert> : null}
          {tasks.data ? (
            <TaskList
              tasks={tasks.data}
              today={todayIso()}
              canWrite={canWrite}
              showCase={false}
              showAssignee
              onEdit={(task) => setOpen({ what: 'task', task })}
              testId="case-task-list"
            />
          ) : null}
        </Stack>
      </Card>

      {open?.what === 'hearing' ? <NewHearingDialog caseId={detail.id} court={detail.court} circuit={detail.circuit} onClose={close} /> : null}
      {open?.what === 'result' ? <RecordResultDialog hearing={open.hearing} onClose={close} onStale={onStale} /> : null}
      {open?.what === 'task' ? (
        <TaskFormModal task={open.task} caseId={detail.id} defaultAssigneeId={detail.lawyerId ?? session.user.id} onClose={close} onStale={onStale} />
      ) : null}
    </Stack>
  );
}
