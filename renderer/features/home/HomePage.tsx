// Home: a welcome with the office name, the user's role and today's date in both calendars.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { todayIso } from '../../../electron/domain/dates';
import { officeNameFor } from '../../components/officeName';
import { useFormat } from '../../i18n/useFormat';

export function HomePage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="lg" maw={860} data-testid="home-page">
      <Title order={2}>{t('home.welcome', { name: session.user.displayName })}</Title>
      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Text c="dimmed" size="sm">
            {t('home.office')}
          </Text>
          <Title order={3} data-testid="home-office-name">
            {officeNameFor(session, i18n.language)}
          </Title>
          <Group gap="xs">
            <Text size="sm">{t('home.your_role')}</Text>
            <Badge variant="light" data-testid="home-role">
              {t(`roles.${session.user.role}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" data-testid="home-today">
            {t('home.today', { date: fmt.dual(todayIso()) })}
          </Text>
        </Stack>
      </Card>
      <Text c="dimmed">{t('home.more_soon')}</Text>
    </Stack>
  );
}
