// The client's ledger on the client page: per currency what was collected (by the office and paid to the client
// directly), the office's fee (percent and per stage), remitted and not yet remitted — each total the sum of its parts —
// and what is due to the client (or owed by it); the unremitted items; its remittances; a new remittance.
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedgerCurrency, RemittanceRow } from '../../../electron/contract/procedures/ledger';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { useClientLedger } from './api';
import { NewRemittanceModal } from './NewRemittanceModal';
import { RemittancesTable, StatementModal } from './RemittanceDialogs';

export function LedgerSection({ clientId, canWrite }: { clientId: number; canWrite: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const ledger = useClientLedger(clientId);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<RemittanceRow | null>(null);

  return (
    <Card withBorder padding="lg" data-testid="client-ledger">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('ledger.title')}</Title>
        {canWrite && ledger.data && ledger.data.currencies.length > 0 ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="remittance-new">
            {t('ledger.new')}
          </Button>
        ) : null}
      </Group>
      {ledger.isPending ? <Loader /> : null}
      {ledger.isError ? <Alert color="red">{errorMessage(ledger.error, t)}</Alert> : null}
      {ledger.data ? (
        <Stack gap="md">
          {ledger.data.currencies.length === 0 ? <Text c="dimmed">{t('ledger.no_cases')}</Text> : null}
          {ledger.data.currencies.map((c) => (
            <CurrencyLedger key={c.currency} c={c} />
          ))}
          <Title order={5}>{t('ledger.remittances')}</Title>
          {ledger.data.remittances.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('ledger.no_remittances')}
            </Text>
          ) : (
            <RemittancesTable rows={ledger.data.remittances} canWrite={canWrite} showClient={false} />
          )}
        </Stack>
      ) : null}
      {creating && ledger.data ? (
        <NewRemittanceModal
          ledger={ledger.data}
          onClose={() => setCreating(false)}
          onIssued={(r) => {
            setCreating(false);
            setIssued(r);
          }}
        />
      ) : null}
      {issued ? <StatementModal remittance={issued} onClose={() => setIssued(null)} /> : null}
    </Card>
  );
}

function CurrencyLedger({ c }: { c: LedgerCurrency }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const m = useMoney();
  const money = (minor: number): string => m(minor, c.currency);
  const rows: { key: string; label: string; remitted: number; unremitted: number; total: number; strong?: boolean }[] = [
    { key: 'collected', label: t('ledger.collected'), remitted: c.remitted.collectedMinor, unremitted: c.unremitted.collectedMinor, total: c.total.collectedMinor },
    { key: 'client', label: t('ledger.client_received'), remitted: c.remitted.clientReceivedMinor, unremitted: c.unremitted.clientReceivedMinor, total: c.total.clientReceivedMinor },
    { key: 'fee_percent', label: t('ledger.fee_percent'), remitted: c.remitted.feePercentMinor, unremitted: c.unremitted.feePercentMinor, total: c.total.feePercentMinor },
    { key: 'fee_stage', label: t('ledger.fee_stage'), remitted: c.remitted.feeStageMinor, unremitted: c.unremitted.feeStageMinor, total: c.total.feeStageMinor },
    { key: 'fee', label: t('ledger.fee'), remitted: c.remitted.feeMinor, unremitted: c.unremitted.feeMinor, total: c.total.feeMinor, strong: true },
    { key: 'net', label: t('ledger.net_row'), remitted: c.remitted.netMinor, unremitted: c.unremitted.netMinor, total: c.total.netMinor, strong: true },
  ];
  const due = c.total.dueMinor;
  return (
    <Stack gap="xs" data-testid={`ledger-${c.currency}`}>
      <Group gap="sm">
        <Badge variant="outline">{t(`currencies.${c.currency}`)}</Badge>
        <Text size="sm" c="dimmed">
          {t('ledger.cases_count', { n: fmt.number(c.cases) })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder data-testid={`ledger-figures-${c.currency}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="end">{t('ledger.col_remitted')}</Table.Th>
              <Table.Th ta="end">{t('ledger.col_unremitted')}</Table.Th>
              <Table.Th ta="end">{t('ledger.col_total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} data-testid={`ledger-row-${r.key}`}>
                <Table.Td fw={r.strong ? 600 : 400}>{r.label}</Table.Td>
                <Table.Td ta="end">{money(r.remitted)}</Table.Td>
                <Table.Td ta="end">{money(r.unremitted)}</Table.Td>
                <Table.Td ta="end" fw={r.strong ? 600 : 400}>
                  {money(r.total)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="lg">
        <Text size="sm">
          {t('ledger.remitted_value', { amount: money(c.total.remittedMinor), paid: money(c.total.remittedPaidMinor) })}
        </Text>
        <Text size="sm" fw={700} c={due < 0 ? 'red' : undefined} data-testid={`ledger-due-${c.currency}`}>
          {due < 0 ? t('ledger.client_owes', { amount: money(-due) }) : t('ledger.due_value', { amount: money(due) })}
        </Text>
      </Group>
      {c.items.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            {t('ledger.unremitted_items', { n: fmt.number(c.unremitted.items) })}
          </Text>
          <Table.ScrollContainer minWidth={700} mah={300}>
            <Table striped data-testid={`ledger-items-${c.currency}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ledger.date')}</Table.Th>
                  <Table.Th>{t('ledger.case')}</Table.Th>
                  <Table.Th>{t('ledger.debtor')}</Table.Th>
                  <Table.Th>{t('ledger.item')}</Table.Th>
                  <Table.Th ta="end">{t('ledger.amount')}</Table.Th>
                  <Table.Th ta="end">{t('ledger.fee')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.items.map((it) => (
                  <Table.Tr key={it.paymentId !== null ? `p${it.paymentId}` : `s${it.caseId}-${it.stage ?? ''}`}>
                    <Table.Td>{fmt.gregorian(it.onDate)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${it.caseId}`} className="nowrap-ltr">
                        {it.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td><PartyName name={it.debtorName} /></Table.Td>
                    <Table.Td>
                      {it.kind === 'stage_fee'
                        ? t('ledger.item_stage_fee', { stage: t(`stages.${it.stage ?? ''}`) })
                        : it.reversal
                          ? t('ledger.item_reversal')
                          : it.receivedBy === 'client'
                            ? t('ledger.item_direct')
                            : t('ledger.item_payment')}
                      {it.receiptNumber ? (
                        <Text span size="xs" c="dimmed" className="nowrap-ltr" ms={6}>
                          {it.receiptNumber}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="end">{it.kind === 'stage_fee' ? '—' : money(it.amountMinor)}</Table.Td>
                    <Table.Td ta="end">{money(it.feeMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {c.unremitted.items > c.items.length ? (
            <Text size="xs" c="dimmed">
              {t('ledger.items_shown', { shown: fmt.number(c.items.length), n: fmt.number(c.unremitted.items) })}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
