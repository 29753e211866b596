// The calendar: day, week and month views of hearings, tasks and computed deadlines; Gregorian with the Umm al-Qura date on every day, the weekend shaded, holidays marked; partners filter by person or see the office.
import { ActionIcon, Alert, Badge, Box, Button, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { roleHas } from '../../../electron/contract/roles';
import { addDays, addMonths, parseIsoDate, todayIso } from '../../../electron/domain/dates';
import { monthGrid, weekStart, type CalendarDay } from '../../../electron/domain/deadlines';
import { GREGORIAN_MONTHS_AR, GREGORIAN_MONTHS_EN, WEEKDAYS_AR, WEEKDAYS_EN } from '../../../electron/domain/format';
import { applyDigits } from '../../../electron/domain/digits';
import { hijriMonthName } from '../../../electron/domain/hijri';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { useCalendarRange } from './api';
import { CalendarItem, itemsByDay, type DayItem } from './CalendarItems';
import { PersonFilter, type PersonChoice } from './PersonFilter';

type View = 'day' | 'week' | 'month';
const VIEWS: readonly View[] = ['day', 'week', 'month'];
/** Items a month cell shows before "+N more" (which opens the day). */
const MONTH_CELL_ITEMS = 3;

function rangeOf(view: View, anchor: string): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  if (view === 'week') {
    const from = weekStart(anchor);
    return { from, to: addDays(from, 6) };
  }
  const { year, month } = parseIsoDate(anchor);
  return monthGrid(year, month);
}

function step(view: View, anchor: string, dir: 1 | -1): string {
  if (view === 'day') return addDays(anchor, dir);
  if (view === 'week') return addDays(anchor, 7 * dir);
  return addMonths(anchor, dir);
}

export function CalendarPage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  const today = todayIso();
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const [person, setPerson] = useState<PersonChoice>({ kind: 'me' });
  const { from, to } = rangeOf(view, anchor);
  const range = useCalendarRange({
    from,
    to,
    office: person.kind === 'office',
    userId: person.kind === 'user' ? person.userId : null,
  });
  const byDay = range.data ? itemsByDay(range.data.hearings, range.data.tasks, range.data.deadlines) : new Map<string, DayItem[]>();
  const anchorParts = parseIsoDate(anchor);
  const weekdays = lang === 'en' ? WEEKDAYS_EN : WEEKDAYS_AR;

  // The heading names the Gregorian month and the Hijri months the shown days span.
  const hijriSpan = range.data ? [...new Set(range.data.days.filter((d) => view !== 'month' || parseIsoDate(d.date).month === anchorParts.month).map((d) => `${hijriMonthName(d.hijri.month, lang)} ${applyDigits(String(d.hijri.year), fmt.opts.digits)}`))] : [];
  const gregorianTitle =
    view === 'day'
      ? fmt.dual(anchor)
      : `${(lang === 'en' ? GREGORIAN_MONTHS_EN : GREGORIAN_MONTHS_AR)[anchorParts.month - 1] ?? ''} ${applyDigits(String(anchorParts.year), fmt.opts.digits)}`;

  const openDay = (date: string): void => {
    setAnchor(date);
    setView('day');
  };

  return (
    <Stack gap="md" data-testid="calendar-page" data-view={view} data-from={from} data-to={to}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={2}>{t('calendar.title')}</Title>
          <ActionIcon variant="default" onClick={() => setAnchor(step(view, anchor, -1))} aria-label={t('calendar.previous')} data-testid="calendar-prev">
            {lang === 'ar' ? <IconChevronRight size={16} /> : <IconChevronLeft size={16} />}
          </ActionIcon>
          <Button variant="default" size="xs" onClick={() => setAnchor(today)} data-testid="calendar-today">
            {t('calendar.today')}
          </Button>
          <ActionIcon variant="default" onClick={() => setAnchor(step(view, anchor, 1))} aria-label={t('calendar.next')} data-testid="calendar-next">
            {lang === 'ar' ? <IconChevronLeft size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Group>
        <Group gap="sm">
          {roleHas(session.user.role, 'dashboard.office') ? <PersonFilter value={person} onChange={setPerson} testId="calendar-person" /> : null}
          <SegmentedControl
            value={view}
            onChange={(v) => setView(VIEWS.find((x) => x === v) ?? 'month')}
            data={VIEWS.map((v) => ({ value: v, label: t(`calendar.view.${v}`) }))}
            data-testid="calendar-view"
          />
        </Group>
      </Group>
      <Group gap="md" align="baseline">
        <Title order={3} data-testid="calendar-heading">
          {gregorianTitle}
        </Title>
        <Text c="dimmed" data-testid="calendar-hijri-heading">
          {hijriSpan.join(' – ')}
        </Text>
        <Legend />
      </Group>
      {range.isError ? <Alert color="red">{errorMessage(range.error, t)}</Alert> : null}
      {range.isPending ? <Loader size="sm" /> : null}
      {range.data && view !== 'day' ? (
        <Box>
          <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
            {weekdays.map((w, i) => (
              <Text key={w} size="sm" fw={600} ta="center" c={i >= 5 ? 'dimmed' : undefined}>
                {w}
              </Text>
            ))}
            {range.data.days.map((d, i) => (
              <DayCell
                key={d.date}
                day={d}
                first={i === 0}
                items={byDay.get(d.date) ?? []}
                outside={view === 'month' && parseIsoDate(d.date).month !== anchorParts.month}
                today={d.date === today}
                limit={view === 'month' ? MONTH_CELL_ITEMS : Infinity}
                minHeight={view === 'month' ? 110 : 320}
                onOpen={() => openDay(d.date)}
              />
            ))}
          </SimpleGrid>
        </Box>
      ) : null}
      {range.data && view === 'day' ? <DayDetail day={range.data.days[0]} items={byDay.get(anchor) ?? []} /> : null}
    </Stack>
  );
}

function Legend(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Badge color="indigo" variant="light" size="sm">
        {t('calendar.legend.hearing')}
      </Badge>
      <Badge color="teal" variant="light" size="sm">
        {t('calendar.legend.task')}
      </Badge>
      <Badge color="red" variant="light" size="sm">
        {t('calendar.legend.deadline')}
      </Badge>
    </Group>
  );
}

interface DayCellProps {
  day: CalendarDay;
  items: DayItem[];
  outside: boolean;
  today: boolean;
  /** The first day shown names its Hijri month. */
  first: boolean;
  limit: number;
  minHeight: number;
  onOpen: () => void;
}

/** The Hijri label of a day: its day number, with the month's name on the 1st (and on the first day shown). */
function HijriLabel({ day, withMonth }: { day: CalendarDay; withMonth: boolean }): React.JSX.Element {
  const { i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  const month = withMonth || day.hijri.day === 1 ? ` ${hijriMonthName(day.hijri.month, lang)}` : '';
  return (
    <Text size="xs" c="dimmed" data-testid="cal-hijri" data-hijri={fmt.hijri(day.date)} title={fmt.hijri(day.date)}>
      {fmt.number(day.hijri.day)}
      {month}
    </Text>
  );
}

function DayCell({ day, items, outside, today, first, limit, minHeight, onOpen }: DayCellProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shown = items.slice(0, limit);
  const bg = day.holiday ? 'var(--mantine-color-orange-0)' : day.weekend ? 'var(--mantine-color-gray-1)' : undefined;
  return (
    <Paper
      withBorder
      p={6}
      mih={minHeight}
      bg={bg}
      style={{ opacity: outside ? 0.55 : 1, borderColor: today ? 'var(--mantine-color-teal-6)' : undefined, borderWidth: today ? 2 : undefined }}
      data-testid={`cal-day-${day.date}`}
      data-weekend={day.weekend ? 'true' : undefined}
      data-holiday={day.holiday ? 'true' : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={700} style={{ cursor: 'pointer' }} onClick={onOpen} data-testid="cal-gregorian">
            {fmt.number(parseIsoDate(day.date).day)}
          </Text>
          <HijriLabel day={day} withMonth={first} />
        </Group>
        {day.holiday ? (
          <Badge size="xs" color="orange" variant="light">
            {t('calendar.holiday')}
          </Badge>
        ) : null}
        {shown.map((item) => (
          <CalendarItem key={item.key} item={item} />
        ))}
        {items.length > shown.length ? (
          <Text size="xs" c="dimmed" style={{ cursor: 'pointer' }} onClick={onOpen} data-testid="cal-more">
            {t('calendar.more', { n: fmt.number(items.length - shown.length) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function DayDetail({ day, items }: { day: CalendarDay | undefined; items: DayItem[] }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!day) return null;
  const groups = (['hearing', 'task', 'deadline'] as const).map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) }));
  return (
    <Paper withBorder p="md" data-testid={`cal-day-${day.date}`} data-weekend={day.weekend ? 'true' : undefined} bg={day.weekend ? 'var(--mantine-color-gray-1)' : undefined}>
      <Stack gap="md">
        <Group gap="sm">
          <HijriLabel day={day} withMonth />
          {day.weekend ? (
            <Badge size="sm" color="gray">
              {t('calendar.weekend')}
            </Badge>
          ) : null}
          {day.holiday ? (
            <Badge size="sm" color="orange">
              {t('calendar.holiday')}
            </Badge>
          ) : null}
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed" data-testid="cal-day-empty">
            {t('calendar.nothing')}
          </Text>
        ) : null}
        {groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <Stack key={g.kind} gap={6}>
              <Title order={5}>{t(`calendar.group.${g.kind}`)}</Title>
              {g.items.map((item) => (
                <CalendarItem key={item.key} item={item} detailed />
              ))}
            </Stack>
          ))}
      </Stack>
    </Paper>
  );
}
