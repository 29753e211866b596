// The stage history: every move with who, when, why, and overrides marked.
import { Badge, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconFlag, IconShieldExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StageMove } from '../../../electron/contract/procedures/cases';
import { useFormat } from '../../i18n/useFormat';

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
