// Today: the first screen after login — what is due for the signed-in person (partners: anyone, or the whole office),
// section by section with counts; every row opens its case.
import { Alert, Badge, Card, Group, Loader, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCash,
  IconChecklist,
  IconClockExclamation,
  IconGavel,
  IconPhoneCall,
  IconStairsUp,
  type Icon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import type { DashboardScope, TodayDashboard } from '../../../electron/contract/procedures/dashboard';
import { roleHas } from '../../../electron/contract/roles';
import { todayIso } from '../../../electron/domain/dates';
import { officeNameFor } from '../../components/officeName';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useNameOrErased } from '../../components/PartyName';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';
import { MoneyFigures } from './MoneyFigures';
import { BackupWarning } from '../backups/BackupWarning';

type SectionKey = Exclude<keyof TodayDashboard, 'today' | 'scope' | 'userId' | 'money' | 'moneyScope'>;

const SECTIONS: { key: SectionKey; icon: Icon; color: string }[] = [
  { key: 'followUps', icon: IconPhoneCall, color: 'blue' },
  { key: 'tasks', icon: IconChecklist, color: 'teal' },
  { key: 'brokenPromises', icon: IconCash, color: 'red' },
  { key: 'escalations', icon: IconStairsUp, color: 'orange' },
  { key: 'hearings', icon: IconGavel, color: 'grape' },
  { key: 'deadlines', icon: IconClockExclamation, color: 'yellow' },
  { key: 'poaExpiries', icon: IconAlertTriangle, color: 'pink' },
];

interface Line {
  key: string;
  caseId: number | null;
  reference: string | null;
  title: ReactNode;
  detail: ReactNode;
}

function useLines(): (key: SectionKey, d: TodayDashboard) => Line[] {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const nameOf = useNameOrErased();
  const due = (date: string, today: string): string => (date < today ? t('dashboard.row.overdue', { date: fmt.dual(date) }) : t('dashboard.row.due', { date: fmt.dual(date) }));
  return (key, d) => {
    switch (key) {
      case 'followUps':
        return d.followUps.rows.map((r) => ({
          key: `f${r.communicationId}`,
          caseId: r.caseId,
          reference: r.reference,
          title: nameOf(r.debtorName),
          detail: `${t('dashboard.row.follow_up', { channel: t(`activity.channel.${r.channel}`), outcome: r.outcome ? t(`activity.outcome.${r.outcome}`) : '' })} · ${due(r.followUpOn, d.today)}`,
        }));
      case 'tasks':
        return d.tasks.rows.map((r) => ({
          key: `t${r.taskId}`,
          caseId: r.caseId,
          reference: r.reference,
          title: r.title,
          detail: `${due(r.dueOn, d.today)}${r.dueTime ? ` ${r.dueTime}` : ''} · ${t(`dashboard.priority.${r.priority}`)}${d.scope === 'office' ? ` · ${r.assigneeName}` : ''}`,
        }));
      case 'brokenPromises':
        return d.brokenPromises.rows.map((r) => ({
          key: `p${r.promiseId}`,
          caseId: r.caseId,
          reference: r.reference,
          title: nameOf(r.debtorName),
          detail: r.keptMinor > 0
            ? `${t('dashboard.row.kept', { kept: money(r.keptMinor, r.currency), amount: money(r.amountMinor, r.currency) })} · ${fmt.dual(r.dueOn)}`
            : t('dashboard.row.promise', { amount: money(r.amountMinor, r.currency), date: fmt.dual(r.dueOn) }),
        }));
      case 'escalations':
        return d.escalations.rows.map((r) => ({
          key: `e${r.caseId}`,
          caseId: r.caseId,
          reference: r.reference,
          title: nameOf(r.debtorName),
          detail: [r.nextStage ? t('dashboard.row.next_stage', { stage: t(`stages.${r.nextStage}`) }) : null, r.reason ? t(`dashboard.reason.${r.reason}`, { defaultValue: r.reason }) : null, due(r.dueOn, d.today)]
            .filter(Boolean)
            .join(' · '),
        }));
      case 'hearings':
        return d.hearings.rows.map((r) => ({
          key: `h${r.hearingId}`,
          caseId: r.caseId,
          reference: r.reference,
          title: nameOf(r.debtorName),
          detail: `${r.atTime ? t('dashboard.row.hearing_at', { date: fmt.dual(r.onDate), time: r.atTime }) : fmt.dual(r.onDate)} · ${r.court} ${r.circuit}`,
        }));
      case 'deadlines':
        return d.deadlines.rows.map((r) => ({
          key: `d${r.kind}${r.caseId}${r.dueOn}`,
          caseId: r.caseId,
          reference: r.reference,
          title: nameOf(r.debtorName),
          detail: `${t(`dashboard.deadline.${r.kind}`, { stage: r.kind === 'next_step' && r.detail ? t(`stages.${r.detail}`) : '', date: r.kind === 'next_step' ? '' : fmt.dual(r.detail) })} · ${fmt.dual(r.dueOn)}`,
        }));
      case 'poaExpiries':
        return d.poaExpiries.rows.map((r) => ({
          key: `a${r.poaId}`,
          caseId: r.caseId,
          reference: r.reference,
          title: r.clientName,
          detail: `${t('dashboard.row.poa', { number: r.number })} · ${t(r.expired ? 'dashboard.row.expired' : 'dashboard.row.expires', { date: fmt.dual(r.expiresOn) })}`,
        }));
    }
  };
}

function SectionCard({ section, data, lines }: { section: (typeof SECTIONS)[number]; data: TodayDashboard; lines: Line[] }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const s = data[section.key];
  const SectionIcon = section.icon;
  const count = s.capped ? t('dashboard.count_capped', { n: fmt.number(s.count) }) : fmt.number(s.count);
  return (
    <Card withBorder padding="md" data-testid={`today-${section.key}`} data-count={s.count}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <SectionIcon size={20} color={`var(--mantine-color-${section.color}-6)`} />
            <Title order={4}>{t(`dashboard.sections.${section.key}`)}</Title>
          </Group>
          <Badge color={s.count > 0 ? section.color : 'gray'} variant={s.count > 0 ? 'filled' : 'light'} size="lg" data-testid={`today-${section.key}-count`}>
            {count}
          </Badge>
        </Group>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid={`today-${section.key}-empty`}>
            {t(`dashboard.empty.${section.key}`)}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
            <Stack gap={4}>
              {lines.map((l) => (
                <UnstyledButton
                  key={l.key}
                  className="today-row"
                  disabled={l.caseId === null}
                  onClick={() => {
                    if (l.caseId !== null) void navigate(`/cases/${l.caseId}`);
                  }}
                  aria-label={l.reference ? t('dashboard.open_case', { reference: l.reference }) : undefined}
                  data-testid="today-row"
                  data-case={l.caseId ?? ''}
                  p={6}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                >
                  <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>
                        <bdi>{l.title}</bdi>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {l.detail}
                      </Text>
                    </Stack>
                    <Text size="xs" className="nowrap-ltr" c={l.reference ? 'blue' : 'dimmed'} style={{ flexShrink: 0 }}>
                      {l.reference ?? t('dashboard.no_case')}
                    </Text>
                  </Group>
                </UnstyledButton>
              ))}
              {s.count > lines.length ? (
                <Text size="xs" c="dimmed" ps={6}>
                  {t('dashboard.more', { n: fmt.number(s.count - lines.length) })}
                </Text>
              ) : null}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Card>
  );
}

export function HomePage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const canSeeOthers = roleHas(session.user.role, 'dashboard.office');
  const [scope, setScope] = useState<DashboardScope>('me');
  const [person, setPerson] = useState<string | null>(null);
  const users = useQuery({ queryKey: ['users', 'list'], queryFn: () => call('users.list', {}), enabled: canSeeOthers });
  const input = scope === 'user' && person ? { scope, userId: person } : { scope: scope === 'user' ? ('me' as const) : scope };
  const today = useQuery({ queryKey: [...areaKeys.cases, 'today', input], queryFn: () => call('dashboard.today', input) });
  const lines = useLines();
  const personName = users.data?.find((u) => u.id === person)?.displayName;

  return (
    <Stack gap="md" data-testid="home-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('dashboard.title')}</Title>
          <Group gap="xs">
            <Text size="sm">{t('home.welcome', { name: session.user.displayName })}</Text>
            <Badge variant="light" data-testid="home-role">
              {t(`roles.${session.user.role}`)}
            </Badge>
            <Text size="sm" c="dimmed" data-testid="home-office-name">
              {officeNameFor(session, i18n.language)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" data-testid="home-today">
            {t('dashboard.today', { date: fmt.dual(today.data?.today ?? todayIso()) })}
            {scope === 'office' ? ` — ${t('dashboard.showing_office')}` : scope === 'user' && personName ? ` — ${t('dashboard.showing_for', { name: personName })}` : ''}
          </Text>
        </Stack>
        {canSeeOthers ? (
          <Group gap="xs" align="flex-end">
            <SegmentedControl
              value={scope}
              onChange={(v) => setScope(v)}
              data={[
                { value: 'me', label: t('dashboard.scope.me') },
                { value: 'user', label: t('dashboard.scope.user') },
                { value: 'office', label: t('dashboard.scope.office') },
              ]}
              data-testid="today-scope"
            />
            {scope === 'user' ? (
              <Select
                placeholder={t('dashboard.pick_person')}
                aria-label={t('dashboard.pick_person')}
                data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName} — ${t(`roles.${u.role}`)}` }))}
                value={person}
                onChange={setPerson}
                searchable
                w={280}
                data-testid="today-person"
              />
            ) : null}
          </Group>
        ) : null}
      </Group>
      {roleHas(session.user.role, 'backups.manage') ? <BackupWarning /> : null}
      {today.isError ? <Alert color="red">{errorMessage(today.error, t)}</Alert> : null}
      {today.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('dashboard.loading')}</Text>
        </Group>
      ) : null}
      {today.data ? <MoneyFigures money={today.data.money} scope={today.data.moneyScope} /> : null}
      {today.data ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" data-testid="today-sections" data-scope={today.data.scope}>
          {SECTIONS.map((s) => (
            <SectionCard key={s.key} section={s} data={today.data} lines={lines(s.key, today.data)} />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
