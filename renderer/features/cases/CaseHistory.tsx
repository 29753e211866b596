// A case's history: the stage moves on the overview, and the full merged timeline (every kind of event, newest first).
import { Alert, Badge, Card, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import {
    IconCash,
  IconCalendarDollar,
  IconChecklist,
  IconFile,
  IconFlag,
  IconGavel,
  IconHandStop,
  IconMail,
  IconMessage,
  IconReceipt,
  IconScale,
  IconShieldExclamation,
  type Icon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StageMove } from '../../../electron/contract/procedures/cases';
import type { TimelineItem, TimelineType } from '../../../electron/contract/procedures/dashboard';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { todayIso } from '../../../electron/domain/dates';
import { areaKeys } from './api';

export function CaseHistory({ history }: { history: StageMove[] }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const newestFirst = [...history].reverse();
  return (
    <Card withBorder padding="lg" data-testid="case-history">
      <Stack gap="sm">
        <Title order={4}>{t('cases.history')}</Title>
        {history.length === 0 ? <Text c="dimmed">{t('cases.history_empty')}</Text> : null}
        <Timeline bulletSize={22} lineWidth={2} active={newestFirst.length}>
          {newestFirst.map((m) => (
            <Timeline.Item
              key={m.id}
              bullet={m.override ? <IconShieldExclamation size={12} /> : <IconFlag size={12} />}
              color={m.override ? 'orange' : 'teal'}
              data-testid="history-item"
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {m.from ? t('cases.history_move', { from: t(`stages.${m.from}`), to: t(`stages.${m.to}`) }) : t('cases.history_opened', { to: t(`stages.${m.to}`) })}
                  </Text>
                  {m.override ? (
                    <Badge color="orange" size="xs" data-testid="history-override">
                      {t('cases.overridden')}
                    </Badge>
                  ) : null}
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                <bdi>{m.byName}</bdi> — <bdi>{fmt.dateTimeDual(m.at)}</bdi>
              </Text>
              {m.reason ? <Text size="sm">{m.reason}</Text> : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  );
}

const ICONS: Record<TimelineType, { icon: Icon; color: string }> = {
  stage_move: { icon: IconFlag, color: 'teal' },
  communication: { icon: IconMessage, color: 'blue' },
  letter: { icon: IconMail, color: 'indigo' },
  document: { icon: IconFile, color: 'gray' },
  promise: { icon: IconCash, color: 'green' },
  flag: { icon: IconHandStop, color: 'orange' },
  task: { icon: IconChecklist, color: 'cyan' },
  hearing: { icon: IconGavel, color: 'grape' },
  payment: { icon: IconReceipt, color: 'green' },
  settlement: { icon: IconScale, color: 'lime' },
  plan: { icon: IconCalendarDollar, color: 'yellow' },
};

function useItemText(): (item: TimelineItem) => { title: string; lines: string[]; badge: string | null } {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const outcome = (o: string): string => (o ? t(`activity.outcome.${o}`, { defaultValue: o }) : '');
  return (item) => {
    switch (item.type) {
      case 'stage_move':
        return {
          title: item.from ? t('dashboard.timeline.stage_move', { from: t(`stages.${item.from}`), to: t(`stages.${item.to}`) }) : t('dashboard.timeline.stage_opened', { to: t(`stages.${item.to}`) }),
          lines: item.reason ? [item.reason] : [],
          badge: item.override ? t('dashboard.timeline.override') : null,
        };
      case 'communication': {
        const lines = [
          item.partyName || item.contactName ? t('dashboard.timeline.with', { name: item.partyName ?? item.contactName }) : '',
          item.notes,
          item.followUpOn ? t('dashboard.timeline.follow_up', { date: fmt.dual(item.followUpOn) }) : '',
          item.paidMinor ? t('dashboard.timeline.paid', { amount: money(item.paidMinor, 'SAR') }) : '',
          item.overrideReason ? t('dashboard.timeline.override_reason', { reason: item.overrideReason }) : '',
          ...item.corrections.map(
            (c) => `${t('dashboard.timeline.corrected', { date: fmt.dateTimeDual(c.createdAt) })} — ${t('dashboard.timeline.correction', { channel: t(`activity.channel.${c.channel}`), outcome: outcome(c.outcome) })}${c.notes ? `: ${c.notes}` : ''}`,
          ),
        ].filter(Boolean);
        return {
          title: t('dashboard.timeline.communication', { channel: t(`activity.channel.${item.channel}`), direction: t(`dashboard.timeline.direction.${item.direction}`), outcome: outcome(item.outcome) }),
          lines,
          badge: item.corrections.length > 0 ? t('dashboard.timeline.corrected_badge') : null,
        };
      }
      case 'letter':
        return {
          title: t('dashboard.timeline.letter', { number: item.number, event: t(`dashboard.timeline.letter_event.${item.event}`, { defaultValue: item.event }) }),
          lines: item.notes ? [item.notes] : [],
          badge: null,
        };
      case 'document':
        return { title: t(`dashboard.timeline.document.${item.event}`, { name: item.fileName }), lines: item.reason ? [item.reason] : [], badge: null };
      case 'promise':
        return {
          title: t('dashboard.timeline.promise', { amount: money(item.amountMinor, item.currency), date: fmt.dual(item.dueOn) }),
          lines: item.keptMinor > 0 ? [t('dashboard.row.kept', { kept: money(item.keptMinor, item.currency), amount: money(item.amountMinor, item.currency) })] : [],
          badge: item.cancelled ? t('dashboard.timeline.promise_cancelled') : t(`promises.states.${item.state}`, { defaultValue: item.state }),
        };
      case 'flag':
        return {
          title: t(`dashboard.timeline.flag.${item.kind}_${item.event}`),
          lines: [item.reason, item.kind === 'hold' && item.untilOn && item.event === 'opened' ? t('dashboard.timeline.until', { date: fmt.dual(item.untilOn) }) : ''].filter(Boolean),
          badge: null,
        };
      case 'task':
        return {
          title: t(`dashboard.timeline.task.${item.event}`, { title: item.title, date: fmt.dual(item.dueOn) }),
          lines: item.assigneeName && item.event === 'created' ? [item.assigneeName] : [],
          badge: null,
        };
      case 'hearing':
        return {
          title: t('dashboard.timeline.hearing', { court: item.court, circuit: item.circuit }),
          lines: [
            item.result ? t('dashboard.timeline.hearing_result', { result: t(`dashboard.timeline.hearing_result_value.${item.result}`, { defaultValue: item.result }) }) : '',
            item.resultNotes,
          ].filter(Boolean),
          badge: item.result ? null : t('dashboard.timeline.hearing_coming'),
        };
      case 'payment':
        return {
          title:
            item.event === 'received'
              ? t('dashboard.timeline.payment', { amount: money(item.amountMinor, item.currency), method: t(`payments.methods.${item.method}`, { defaultValue: item.method }) })
              : t('dashboard.timeline.payment_reversed', { amount: money(0 - item.amountMinor, item.currency) }),
          lines: [
            item.receiptNumber ? t(item.event === 'received' ? 'dashboard.timeline.receipt' : 'dashboard.timeline.reverses', { number: item.receiptNumber }) : '',
            item.event === 'received' && item.chequeNumber ? t('dashboard.timeline.cheque', { number: item.chequeNumber }) : '',
            item.event === 'received' && item.reference ? t('dashboard.timeline.reference', { reference: item.reference }) : '',
            item.event === 'received' && item.receivedBy === 'client' ? t('dashboard.timeline.to_client') : '',
            item.reason ? t('dashboard.timeline.reason', { reason: item.reason }) : '',
            item.notes,
          ].filter(Boolean),
          badge: null,
        };
      case 'settlement':
        return {
          title: t(`dashboard.timeline.settlement.${item.event}`, { amount: money(item.amountMinor, item.currency) }),
          lines: [
            item.event === 'agreed' && item.deadline ? t('dashboard.timeline.deadline', { date: fmt.dual(item.deadline) }) : '',
            item.reason ? t('dashboard.timeline.reason', { reason: item.reason }) : '',
          ].filter(Boolean),
          badge: null,
        };
      case 'plan':
        return {
          title: t(`dashboard.timeline.plan.${item.event}`, {
            total: money(item.totalMinor, item.currency),
            count: item.count,
            frequency: t(`plans.frequencies.${item.frequency}`),
          }),
          lines: [
            item.event === 'agreed' ? t('dashboard.timeline.plan_first', { date: fmt.dual(item.firstDate) }) : '',
            item.event === 'agreed' && item.replacesPlanId !== null ? t('dashboard.timeline.plan_replaces') : '',
            item.reason ? t('dashboard.timeline.reason', { reason: item.reason }) : '',
          ].filter(Boolean),
          badge: null,
        };
    }
  };
}

/** The case's whole history from `cases.timeline`, newest first, one icon per kind of event. */
export function CaseTimeline({ caseId }: { caseId: number }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text = useItemText();
  const timeline = useQuery({ queryKey: [...areaKeys.cases, 'timeline', caseId], queryFn: () => call('cases.timeline', { caseId }) });
  if (timeline.isPending) return <Loader />;
  if (timeline.isError) return <Alert color="red">{errorMessage(timeline.error, t)}</Alert>;
  const items = timeline.data;
  return (
    <Card withBorder padding="lg" data-testid="case-timeline">
      <Stack gap="sm">
        <Title order={4}>{t('dashboard.timeline.title')}</Title>
        {items.length === 0 ? <Text c="dimmed">{t('dashboard.timeline.empty')}</Text> : null}
        <Timeline bulletSize={26} lineWidth={2} active={items.length}>
          {items.map((item) => {
            const { icon: ItemIcon, color } = ICONS[item.type];
            const { title, lines, badge } = text(item);
            return (
              <Timeline.Item
                key={item.key}
                bullet={<ItemIcon size={14} />}
                color={(item.type === 'stage_move' && item.override) || (item.type === 'payment' && item.event === 'reversed') ? 'orange' : color}
                data-testid="timeline-item"
                data-type={item.type}
                data-event={'event' in item ? item.event : undefined}
                title={
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {title}
                    </Text>
                    <Badge size="xs" variant="light" color={color}>
                      {t(`dashboard.timeline.types.${item.type}`)}
                    </Badge>
                    {badge ? (
                      <Badge size="xs" color="orange" variant="outline">
                        {badge}
                      </Badge>
                    ) : null}
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {item.byName ? (
                    <>
                      <bdi>{item.byName}</bdi> —{' '}
                    </>
                  ) : null}
                  <bdi>{item.dateOnly ? fmt.dual(item.type === 'hearing' ? item.onDate : todayIso(new Date(item.at))) : fmt.dateTimeDual(item.at)}</bdi>
                </Text>
                {lines.map((line, i) => (
                  <Text size="sm" key={i}>
                    <bdi>{line}</bdi>
                  </Text>
                ))}
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Stack>
    </Card>
  );
}
