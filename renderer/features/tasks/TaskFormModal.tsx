// Create a task (with or without a case) or edit one — changing the assignee reassigns it (audited by the core).
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_PRIORITIES, type TaskPriority, type TaskRow } from '../../../electron/contract/procedures/calendar';
import { isIsoDate, todayIso } from '../../../electron/domain/dates';
import { call, isApiCallError } from '../../api/client';
import { useUsers } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/errorMessage';
import { useRefreshWork } from '../calendar/api';

export interface TaskFormModalProps {
  /** Edit this task; null creates one. */
  task: TaskRow | null;
  caseId?: number | null;
  defaultAssigneeId: string;
  onClose: () => void;
  onStale?: () => void;
}

export function TaskFormModal({ task, caseId = null, defaultAssigneeId, onClose, onStale }: TaskFormModalProps): React.JSX.Element {
  const { t } = useTranslation();
  const users = useUsers(true);
  const refresh = useRefreshWork();
  const [title, setTitle] = useState(task?.title ?? '');
  const [assigneeId, setAssigneeId] = useState<string | null>(task?.assigneeId ?? defaultAssigneeId);
  const [dueOn, setDueOn] = useState(task?.dueOn ?? todayIso());
  const [dueTime, setDueTime] = useState(task?.dueTime ?? '');
  const [priority, setPriority] = useState<TaskPriority>(task?.priority ?? 'normal');
  const [notes, setNotes] = useState(task?.notes ?? '');

  const save = useMutation({
    mutationFn: () => {
      const fields = { title, assigneeId: assigneeId ?? '', dueOn, dueTime: dueTime || null, priority, notes };
      return task ? call('tasks.update', { ...fields, id: task.id, version: task.version }) : call('tasks.create', { ...fields, caseId });
    },
    onSuccess: async () => {
      await refresh();
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
    onError: (e) => {
      if (isApiCallError(e) && e.code === 'conflict.stale' && onStale) {
        onClose();
        onStale();
      }
    },
  });

  // Only active users can take a task; the current assignee stays listed so the field never shows an id.
  const options = (users.data ?? [])
    .filter((u) => u.active || u.id === task?.assigneeId)
    .map((u) => ({ value: u.id, label: `${u.displayName} — ${t(`roles.${u.role}`)}` }));
  const ready = title.trim() !== '' && assigneeId !== null && isIsoDate(dueOn);

  return (
    <Modal opened onClose={onClose} title={task ? t('tasks.edit_title') : t('tasks.new_title')}>
      <Stack gap="sm" data-testid="task-form">
        {save.error ? (
          <Alert color="red" data-testid="task-form-error">
            {errorMessage(save.error, t)}
          </Alert>
        ) : null}
        <TextInput label={t('tasks.field_title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} withAsterisk maxLength={200} data-testid="task-title" />
        <Select
          label={t('tasks.assignee')}
          data={options}
          value={assigneeId}
          onChange={setAssigneeId}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          withAsterisk
          data-testid="task-assignee"
        />
        <Group grow align="flex-start">
          <DateField label={t('tasks.due_on')} value={dueOn} onChange={setDueOn} testId="task-due" withAsterisk />
          <TextInput label={t('tasks.due_time')} placeholder={t('tasks.time_hint')} value={dueTime} onChange={(e) => setDueTime(e.currentTarget.value)} dir="ltr" data-testid="task-time" />
        </Group>
        <SegmentedControl
          value={priority}
          onChange={(v) => setPriority(TASK_PRIORITIES.find((p) => p === v) ?? 'normal')}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
          data-testid="task-priority"
        />
        <Textarea label={t('tasks.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!ready} data-testid="task-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
