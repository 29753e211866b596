// The Tasks page: my tasks (or, for partners, anyone's or the office's) as overdue / due today / upcoming; complete with one click, create, reassign.
import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import type { TaskRow, TaskScope } from '../../../electron/contract/procedures/calendar';
import { roleHas } from '../../../electron/contract/roles';
import { todayIso } from '../../../electron/domain/dates';
import { errorMessage } from '../../components/errorMessage';
import { useTasks } from '../calendar/api';
import { PersonFilter, type PersonChoice } from '../calendar/PersonFilter';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

type Editing = { task: TaskRow | null } | null;

export function TasksPage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t } = useTranslation();
  const me = session.user.id;
  const role = session.user.role;
  const canWrite = roleHas(role, 'cases.write');
  const [person, setPerson] = useState<PersonChoice>({ kind: 'me' });
  const [editing, setEditing] = useState<Editing>(null);
  const today = todayIso();
  const scope: TaskScope = person.kind === 'me' ? 'mine' : person.kind === 'office' ? 'office' : { userId: person.userId };
  const tasks = useTasks({ scope, filter: 'open', caseId: null, limit: 500 });
  const others = person.kind !== 'me';

  const rows = tasks.data ?? [];
  const sections = [
    { key: 'overdue', rows: rows.filter((r) => r.dueOn < today) },
    { key: 'today', rows: rows.filter((r) => r.dueOn === today) },
    { key: 'upcoming', rows: rows.filter((r) => r.dueOn > today) },
  ] as const;

  return (
    <Stack gap="md" data-testid="tasks-page">
      <Group justify="space-between">
        <Title order={2}>{others ? t('tasks.nav') : t('tasks.title')}</Title>
        <Group gap="sm">
          {roleHas(role, 'dashboard.office') ? <PersonFilter value={person} onChange={setPerson} testId="tasks-person" /> : null}
          {canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ task: null })} data-testid="task-new">
              {t('tasks.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {tasks.isPending ? <Loader size="sm" /> : null}
      {tasks.isError ? <Alert color="red">{errorMessage(tasks.error, t)}</Alert> : null}
      {tasks.data ? (
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
          {sections.map((s) => (
            <Card key={s.key} withBorder padding="md" data-testid={`tasks-section-${s.key}`}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={4} c={s.key === 'overdue' && s.rows.length > 0 ? 'red' : undefined}>
                    {t(`tasks.section.${s.key}`)}
                  </Title>
                  <Text c="dimmed" size="sm" data-testid={`tasks-count-${s.key}`}>
                    {s.rows.length}
                  </Text>
                </Group>
                <TaskList tasks={s.rows} today={today} canWrite={canWrite} showAssignee={others} onEdit={(task) => setEditing({ task })} testId={`tasks-list-${s.key}`} />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      {editing ? <TaskFormModal task={editing.task} defaultAssigneeId={me} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
