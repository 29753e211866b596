// The office's remittances for the accountant: issued ones to reconcile first (unpaid totals per currency), paid and
// void ones on request; mark paid with the bank reference, void, open a statement.
import { Alert, Badge, Button, Card, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemittanceState } from '../../../electron/contract/procedures/ledger';
import { errorMessage } from '../../components/errorMessage';
import { useMoney } from '../../components/useMoney';
import { useFormat } from '../../i18n/useFormat';
import { useClientList } from '../cases/api';
import { useRemittanceList } from './api';
import { RemittancesTable } from './RemittanceDialogs';

type StateFilter = RemittanceState | 'all';

export function RemittancesPage({ canWrite }: { canWrite: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const [state, setState] = useState<StateFilter>('issued');
  const [clientId, setClientId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const clients = useClientList(search, true);
  const clientOptions = (clients.data?.pages ?? []).flatMap((p) => p.rows).map((c) => ({ value: String(c.id), label: c.nameAr }));
  const list = useRemittanceList({ clientId, state: state === 'all' ? null : state });
  const pages = list.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.rows);
  const first = pages[0];

  return (
    <Stack gap="md" data-testid="remittances-page">
      <Title order={2}>{t('ledger.page_title')}</Title>
      {first ? (
        <Group gap="sm" data-testid="remittances-unpaid">
          <Text size="sm" fw={600}>
            {t('ledger.unpaid_title')}
          </Text>
          {first.unpaid.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('ledger.unpaid_none')}
            </Text>
          ) : (
            first.unpaid.map((u) => (
              <Badge key={u.currency} size="lg" variant="light" color="blue">
                {t('ledger.unpaid_value', { count: fmt.number(u.count), amount: money(u.netMinor, u.currency) })}
              </Badge>
            ))
          )}
        </Group>
      ) : null}
      <Group gap="md" align="flex-end">
        <SegmentedControl
          value={state}
          onChange={(v) => setState(v)}
          data={[
            { value: 'issued', label: t('ledger.filter_issued') },
            { value: 'paid', label: t('ledger.state.paid') },
            { value: 'void', label: t('ledger.state.void') },
            { value: 'all', label: t('ledger.filter_all') },
          ]}
          data-testid="remittances-filter"
          w="fit-content"
        />
        <Select
          placeholder={t('ledger.filter_client')}
          aria-label={t('ledger.filter_client')}
          data={clientOptions}
          value={clientId === null ? null : String(clientId)}
          onChange={(v) => setClientId(v ? Number(v) : null)}
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          comboboxProps={{ withinPortal: true }}
          data-testid="remittances-client-filter"
          w={280}
        />
      </Group>
      <Card withBorder padding="md">
        {list.isPending ? <Loader /> : null}
        {list.isError ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
        {first ? (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('ledger.count', { n: fmt.number(first.total) })}
            </Text>
            {rows.length === 0 ? <Text c="dimmed">{t('ledger.no_remittances')}</Text> : <RemittancesTable rows={rows} canWrite={canWrite} showClient />}
            {list.hasNextPage ? (
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} w="fit-content">
                {t('ledger.more')}
              </Button>
            ) : null}
          </Stack>
        ) : null}
      </Card>
    </Stack>
  );
}
