// The case's log, newest first: each entry as it stands now, with earlier versions struck through under it (who
// corrected, when), and a way to correct the latest version.
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import {
  IconBrandWhatsapp,
  IconCalendarEvent,
  IconMail,
  IconMailbox,
  IconMessage,
  IconPaperclip,
  IconPencil,
  IconPhone,
  IconShieldCheck,
  IconUsers,
  IconWalk,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommunicationRow, ContactChannel, LogGroup } from '../../../electron/contract/procedures/activity';
import { PartyName } from '../../components/PartyName';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';

const CHANNEL_ICON: Record<ContactChannel, typeof IconPhone> = {
  call: IconPhone,
  sms: IconMessage,
  whatsapp: IconBrandWhatsapp,
  email: IconMail,
  letter: IconMailbox,
  visit: IconWalk,
  meeting: IconUsers,
};

const OUTCOME_COLOR: Record<string, string> = {
  no_answer: 'gray',
  wrong_number: 'orange',
  promised: 'teal',
  disputed: 'red',
  refused: 'red',
  paid: 'green',
  call_back: 'blue',
  delivered: 'green',
  returned: 'orange',
};

function EntryBody({ row, currency, struck }: { row: CommunicationRow; currency: string; struck: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const Icon = CHANNEL_ICON[row.channel];
  const name = row.partyId !== null ? row.partyName : row.contactName;
  const role = row.partyId !== null && row.partyRole ? ` (${t(`activity.role.${row.partyRole}`)})` : '';
  return (
    <Stack gap={4} td={struck ? 'line-through' : undefined} c={struck ? 'dimmed' : undefined} data-testid={struck ? 'log-superseded' : 'log-current'}>
      <Group gap="xs" wrap="wrap">
        <Icon size={18} aria-label={t(`activity.channel.${row.channel}`)} />
        <Text fw={600} size="sm">
          {t(`activity.channel.${row.channel}`)}
        </Text>
        <Badge variant="outline" color="gray" size="sm">
          {t(`activity.direction.${row.direction}`)}
        </Badge>
        <Text size="sm">
          <bdi>{row.partyId !== null ? <PartyName name={row.partyName} /> : name}</bdi>
          {role}
        </Text>
        {row.outcome !== '' ? (
          <Badge color={OUTCOME_COLOR[row.outcome] ?? 'gray'} variant="light" size="sm" data-testid="log-outcome-badge">
            {t(`activity.outcome.${row.outcome}`, { defaultValue: row.outcome })}
          </Badge>
        ) : null}
        {row.paidMinor !== null ? (
          <Text size="sm" fw={500} className="nowrap-ltr">
            {money(row.paidMinor, currency)}
          </Text>
        ) : null}
        {row.letterNumber ? (
          <Text size="sm" className="nowrap-ltr">
            {row.letterNumber}
          </Text>
        ) : null}
      </Group>
      {row.notes !== '' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {row.notes}
        </Text>
      ) : null}
      <Group gap="md" wrap="wrap">
        <Text size="xs" c="dimmed">
          {/* The name isolated: an Arabic name beside an English date must not pull the date's digits into its run. */}
          <bdi>{row.userName || t('activity.system')}</bdi> — {fmt.dateTimeDual(row.occurredAt)}
        </Text>
        {row.followUpOn ? (
          <Group gap={4}>
            <IconCalendarEvent size={14} />
            <Text size="xs">{t('activity.follow_up_on', { date: fmt.dual(row.followUpOn) })}</Text>
          </Group>
        ) : null}
        {row.attachments.map((a) => (
          <Anchor key={a.id} component={Link} to={`?tab=documents`} size="xs">
            <Group gap={2}>
              <IconPaperclip size={12} />
              <bdi>{a.fileName || `#${a.id}`}</bdi>
            </Group>
          </Anchor>
        ))}
      </Group>
      {row.overriddenRules.length > 0 ? (
        <Group gap={4} data-testid="log-overridden">
          <IconShieldCheck size={14} />
          <Text size="xs" c="red">
            {t('activity.overridden', { rules: row.overriddenRules.map((r) => t(`activity.rule_names.${r}`)).join('، '), reason: row.overrideReason })}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}

export interface LogListProps {
  groups: LogGroup[];
  currency: string;
  canCorrect: boolean;
  onCorrect: (row: CommunicationRow) => void;
}

export function LogList({ groups, currency, canCorrect, onCorrect }: LogListProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (groups.length === 0) {
    return (
      <Text c="dimmed" data-testid="log-empty">
        {t('activity.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="log-list">
      {groups.map((g) => {
        const latest = g.versions[g.versions.length - 1];
        if (!latest) return null;
        const earlier = g.versions.slice(0, -1);
        return (
          <Card key={g.id} withBorder padding="sm" data-testid="log-entry" data-channel={latest.channel} data-outcome={latest.outcome}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap="xs" style={{ flex: 1 }}>
                {earlier.map((v) => (
                  <EntryBody key={v.id} row={v} currency={currency} struck />
                ))}
                {earlier.length > 0 ? (
                  <Text size="xs" c="orange" data-testid="log-corrected-by">
                    {t('activity.corrected_by', { user: latest.userName, at: fmt.dateTimeDual(latest.createdAt) })}
                  </Text>
                ) : null}
                <EntryBody row={latest} currency={currency} struck={false} />
              </Stack>
              {canCorrect && latest.letterId === null ? (
                <Button variant="subtle" size="xs" leftSection={<IconPencil size={14} />} onClick={() => onCorrect(latest)} data-testid="log-correct">
                  {t('activity.correct')}
                </Button>
              ) : null}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
