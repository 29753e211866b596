// Today's money for the scope: what is still owed on open cases and what was collected this month, one card per
// currency (amounts in different currencies are never added together).
import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCoins, IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DashboardMoney } from '../../../electron/contract/procedures/dashboard';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';

export function MoneyFigures({ money, scope }: { money: DashboardMoney[]; scope: 'office' | 'person' }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const amount = useMoney();
  const rows: DashboardMoney[] = money.length > 0 ? money : [{ currency: 'SAR', outstandingMinor: 0, owingCases: 0, collectedMinor: 0 }];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} spacing="md" data-testid="today-money" data-scope={scope}>
      {rows.flatMap((m) => [
        <Card key={`o-${m.currency}`} withBorder padding="sm" data-testid={`today-outstanding-${m.currency}`}>
          <Group gap="sm" wrap="nowrap">
            <IconCoins size={26} color="var(--mantine-color-orange-6)" />
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('dashboard.money.outstanding', { currency: t(`currencies.${m.currency}`, { defaultValue: m.currency }) })}
              </Text>
              <Text fw={700} size="lg" data-testid="today-outstanding-amount">
                {amount(m.outstandingMinor, m.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(scope === 'office' ? 'dashboard.money.owing_cases_office' : 'dashboard.money.owing_cases', { n: fmt.number(m.owingCases) })}
              </Text>
            </Stack>
          </Group>
        </Card>,
        <Card key={`c-${m.currency}`} withBorder padding="sm" data-testid={`today-collected-${m.currency}`}>
          <Group gap="sm" wrap="nowrap">
            <IconReceipt size={26} color="var(--mantine-color-teal-6)" />
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('dashboard.money.collected', { currency: t(`currencies.${m.currency}`, { defaultValue: m.currency }) })}
              </Text>
              <Text fw={700} size="lg" data-testid="today-collected-amount">
                {amount(m.collectedMinor, m.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('dashboard.money.net_of_reversals')}
              </Text>
            </Stack>
          </Group>
        </Card>,
      ])}
    </SimpleGrid>
  );
}
