// The SAMA pack's call allowance per party on the case: "7 of 10 call attempts left in this 30-day window".
import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PartyName } from '../../components/PartyName';
import { useFormat } from '../../i18n/useFormat';
import { useAllowance } from './api';

export function AllowanceBanner({ caseId }: { caseId: number }): React.JSX.Element | null {
  const { t } = useTranslation();
  const fmt = useFormat();
  const allowance = useAllowance(caseId);
  if (!allowance.data || allowance.data.pack === 'none') return null;
  return (
    <Alert color="indigo" variant="light" icon={<IconShieldLock />} title={t('activity.allowance_title')} data-testid="log-allowance">
      <Stack gap={2}>
        {allowance.data.parties.map((p) => (
          <Group key={p.partyId} gap="xs" data-testid="log-allowance-party" data-left={p.left}>
            <Text size="sm" fw={500}>
              <bdi><PartyName name={p.name} /></bdi> ({t(`activity.role.${p.role}`)}):
            </Text>
            <Text size="sm" c={p.left === 0 ? 'red' : undefined} fw={p.left === 0 ? 600 : undefined}>
              {t('activity.allowance', { left: fmt.number(p.left), limit: fmt.number(p.limit), window: fmt.number(p.windowDays) })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
