// The case's balance: each claim component, what was allocated to it, what a standing settlement waived and what is
// outstanding; paid, credit, the agreed discount, balance.
import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseBalanceRow, ComponentMinor } from '../../../electron/contract/procedures/payments';
import { useMoney } from '../../components/useMoney';

const COMPONENTS: (keyof ComponentMinor)[] = ['costs', 'fees', 'principal', 'lateCharges'];

export function BalanceCard({ balance }: { balance: CaseBalanceRow }): React.JSX.Element {
  const { t } = useTranslation();
  const money = useMoney();
  const m = (minor: number) => money(minor, balance.currency);
  const shown = COMPONENTS.filter((c) => c !== 'lateCharges' || balance.claim.lateCharges !== 0 || balance.allocated.lateCharges !== 0);
  const discounted = balance.discountMinor !== 0;
  return (
    <Card withBorder data-testid="balance-card">
      <Stack gap="xs">
        <Title order={4}>{t('payments.balance_title')}</Title>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.component')}</Table.Th>
              <Table.Th>{t('payments.claim')}</Table.Th>
              <Table.Th>{t('payments.allocated')}</Table.Th>
              {discounted ? <Table.Th>{t('payments.discount')}</Table.Th> : null}
              <Table.Th>{t('payments.outstanding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={c} data-testid={`balance-${c}`}>
                <Table.Td>{t(`payments.components.${c}`)}</Table.Td>
                <Table.Td className="nowrap-ltr">{m(balance.claim[c])}</Table.Td>
                <Table.Td className="nowrap-ltr">{m(balance.allocated[c])}</Table.Td>
                {discounted ? <Table.Td className="nowrap-ltr">{m(balance.discount[c])}</Table.Td> : null}
                <Table.Td className="nowrap-ltr">{m(balance.outstanding[c])}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('payments.total')}</Table.Td>
              <Table.Td className="nowrap-ltr">{m(balance.claimMinor)}</Table.Td>
              <Table.Td className="nowrap-ltr">{m(balance.allocatedMinor)}</Table.Td>
              {discounted ? <Table.Td className="nowrap-ltr">{m(balance.discountMinor)}</Table.Td> : null}
              <Table.Td className="nowrap-ltr" data-testid="balance-total">
                {m(balance.balanceMinor)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group gap="lg">
          <Text size="sm" data-testid="balance-paid">
            {t('payments.paid')}: {m(balance.paidMinor)}
          </Text>
          {balance.creditMinor !== 0 ? (
            <Text size="sm" data-testid="balance-credit">
              {t('payments.credit')}: {m(balance.creditMinor)}
            </Text>
          ) : null}
          {discounted ? (
            <Text size="sm" data-testid="balance-discount" title={t('payments.discount_explain')}>
              {t('payments.discount')}: {m(balance.discountMinor)}
            </Text>
          ) : null}
          <Text size="sm" fw={700} data-testid="balance-due">
            {t('payments.balance')}: {m(balance.balanceMinor)}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
