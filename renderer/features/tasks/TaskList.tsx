// A list of tasks: complete or reopen with one click, the case it belongs to, due date (Hijri beside), priority, assignee, edit/reassign.
import { ActionIcon, Anchor, Badge, Checkbox, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskRow } from '../../../electron/contract/procedures/calendar';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { useRefreshWork } from '../calendar/api';

const PRIORITY_COLOR = { low: 'gray', normal: 'blue', high: 'red' } as const;

export interface TaskListProps {
  tasks: TaskRow[];
  today: string;
  canWrite: boolean;
  showCase?: boolean;
  showAssignee?: boolean;
  onEdit: (task: TaskRow) => void;
  testId: string;
}

export function TaskList({ tasks, today, canWrite, showCase = true, showAssignee = false, onEdit, testId }: TaskListProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const refresh = useRefreshWork();
  const toggle = useMutation({
    mutationFn: (task: TaskRow) => call(task.doneAt ? 'tasks.reopen' : 'tasks.complete', { id: task.id, version: task.version }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });

  if (tasks.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
        {t('tasks.none')}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid={testId}>
      {tasks.map((task) => {
        const overdue = task.doneAt === null && task.dueOn < today;
        return (
          <Group key={task.id} gap="sm" wrap="nowrap" align="flex-start" data-testid={`task-${task.id}`} data-done={task.doneAt ? 'true' : undefined}>
            <Checkbox
              mt={2}
              checked={task.doneAt !== null}
              disabled={!canWrite || toggle.isPending}
              onChange={() => toggle.mutate(task)}
              aria-label={task.doneAt ? t('tasks.reopen') : t('tasks.complete')}
              data-testid={`task-done-${task.id}`}
            />
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500} td={task.doneAt ? 'line-through' : undefined} c={task.doneAt ? 'dimmed' : undefined} data-testid="task-title-text">
                {task.title}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Text size="xs" c={overdue ? 'red' : 'dimmed'} data-testid="task-due-text">
                  {fmt.dual(task.dueOn)}
                  {task.dueTime ? ` ${task.dueTime}` : ''}
                </Text>
                <Badge size="xs" variant="light" color={PRIORITY_COLOR[task.priority]}>
                  {t(`tasks.priority.${task.priority}`)}
                </Badge>
                {overdue ? (
                  <Badge size="xs" color="red" variant="filled">
                    {t('tasks.overdue')}
                  </Badge>
                ) : null}
                {task.source !== 'manual' ? (
                  <Badge size="xs" variant="outline" color="gray">
                    {t(`tasks.source.${task.source}`)}
                  </Badge>
                ) : null}
                {showCase && task.caseId !== null ? (
                  <Anchor component={Link} to={`/cases/${task.caseId}`} size="xs" className="nowrap-ltr" data-testid="task-case-link">
                    {task.caseReference}
                  </Anchor>
                ) : null}
                {showCase && task.debtorName ? (
                  <Text size="xs" c="dimmed">
                    {task.debtorName}
                  </Text>
                ) : null}
                {showAssignee ? (
                  <Text size="xs" c="dimmed" data-testid="task-assignee-name">
                    {task.assigneeName}
                  </Text>
                ) : null}
              </Group>
            </Stack>
            {canWrite ? (
              <Tooltip label={t('tasks.edit')}>
                <ActionIcon variant="subtle" onClick={() => onEdit(task)} aria-label={t('tasks.edit')} data-testid={`task-edit-${task.id}`}>
                  <IconEdit size={16} />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        );
      })}
    </Stack>
  );
}
