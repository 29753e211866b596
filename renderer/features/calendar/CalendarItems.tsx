// One day's hearings, tasks and computed deadlines as links to their case (a power of attorney opens its client).
import { Anchor, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeadlineRow, HearingRow, TaskRow } from '../../../electron/contract/procedures/calendar';
import { useFormat, type Formatters } from '../../i18n/useFormat';

export type DayItem =
  | { kind: 'hearing'; key: string; sort: string; hearing: HearingRow }
  | { kind: 'task'; key: string; sort: string; task: TaskRow }
  | { kind: 'deadline'; key: string; sort: string; deadline: DeadlineRow };

const COLOR = { hearing: 'indigo', task: 'teal', deadline: 'red' } as const;

/** Group a range's items by day, each day's in time order (timed first, then deadlines, then untimed tasks). */
export function itemsByDay(hearings: HearingRow[], tasks: TaskRow[], deadlines: DeadlineRow[]): Map<string, DayItem[]> {
  const map = new Map<string, DayItem[]>();
  const add = (date: string, item: DayItem): void => {
    map.set(date, [...(map.get(date) ?? []), item]);
  };
  for (const h of hearings) add(h.onDate, { kind: 'hearing', key: `h${h.id}`, sort: h.atTime ?? '98', hearing: h });
  for (const d of deadlines) add(d.dueOn, { kind: 'deadline', key: `d${d.code}${d.caseId ?? ''}${String(d.params.poaId ?? '')}`, sort: '99', deadline: d });
  for (const x of tasks) add(x.dueOn, { kind: 'task', key: `t${x.id}`, sort: x.dueTime ?? '99:99', task: x });
  for (const list of map.values()) list.sort((a, b) => a.sort.localeCompare(b.sort));
  return map;
}

/** What an item says: its main line, the case or client it belongs to (isolated, it mixes scripts), where it opens, and more detail. */
function label(item: DayItem, t: TFunction, fmt: Formatters, detailed: boolean): { text: string; ref: string; to: string; sub: string } {
  switch (item.kind) {
    case 'hearing': {
      const h = item.hearing;
      return {
        text: `${h.atTime ? `${h.atTime} ` : ''}${t(`hearings.type.${h.type}`)}`,
        ref: h.caseReference,
        to: `/cases/${h.caseId}`,
        sub: detailed ? [h.debtorName, h.court, h.circuit].filter(Boolean).join(' — ') : '',
      };
    }
    case 'task': {
      const x = item.task;
      return {
        text: `${x.dueTime ? `${x.dueTime} ` : ''}${x.title}`,
        ref: detailed ? (x.caseReference ?? '') : '',
        to: x.caseId ? `/cases/${x.caseId}` : '/tasks',
        sub: detailed ? x.assigneeName : '',
      };
    }
    case 'deadline': {
      const d = item.deadline;
      const from = typeof d.params.from === 'string' ? t('calendar.counted_from', { date: fmt.gregorian(d.params.from) }) : '';
      return {
        text: t(`calendar.deadline.${d.code}`),
        ref: d.caseId !== null ? (d.caseReference ?? '') : (d.clientName ?? ''),
        to: d.caseId !== null ? `/cases/${d.caseId}` : `/clients/${String(d.params.clientId)}`,
        sub: detailed ? [d.debtorName, d.caseId !== null ? d.clientName : '', from].filter(Boolean).join(' — ') : '',
      };
    }
  }
}

export function CalendarItem({ item, detailed = false }: { item: DayItem; detailed?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { text, ref, to, sub } = label(item, t, fmt, detailed);
  const done = item.kind === 'task' && item.task.doneAt !== null;
  return (
    <Stack gap={0} data-testid={`cal-item-${item.kind}`} data-key={item.key}>
      <Anchor component={Link} to={to} size="xs" c={COLOR[item.kind]} td={done ? 'line-through' : undefined} lineClamp={detailed ? undefined : 2} fw={500}>
        {text}
      </Anchor>
      {ref ? (
        <Text size="xs" c="dimmed" className="nowrap-ltr" truncate={detailed ? undefined : 'end'}>
          {ref}
        </Text>
      ) : null}
      {sub ? (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      ) : null}
    </Stack>
  );
}
