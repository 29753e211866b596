// Clients: a searchable windowed list (archived ones on request); each row opens the client's page.
import { Alert, Badge, Button, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ClientRow } from '../../../electron/contract/procedures/parties';
import { errorMessage } from '../../components/errorMessage';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat } from '../../i18n/useFormat';
import { useClientList } from '../cases/api';

export function ClientsListPage({ canWrite }: { canWrite: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState(false);
  const [debounced] = useDebouncedValue(query, 300);
  const list = useClientList(debounced.trim(), archived);
  const rows = useMemo(() => (list.data?.pages ?? []).flatMap((p) => p.rows), [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const columns: Column<ClientRow, never>[] = [
    { id: 'nameAr', label: t('clients.nameAr'), width: 'minmax(200px, 2fr)', render: (r) => r.nameAr },
    { id: 'nameEn', label: t('clients.nameEn'), width: 'minmax(160px, 1fr)', render: (r) => <span dir="ltr">{r.nameEn || '—'}</span> },
    { id: 'kind', label: t('parties.kind'), width: '110px', render: (r) => <Badge variant="light" size="sm">{t(`parties.kind_${r.kind}`)}</Badge> },
    { id: 'id', label: t('parties.identifier'), width: '130px', render: (r) => <span className="nowrap-ltr">{r.crNumber || r.nationalId}</span> },
    { id: 'pack', label: t('clients.rulePack'), width: '120px', render: (r) => t(`clients.rule_pack_${r.rulePack}`) },
    { id: 'open', label: t('clients.open_cases'), width: '100px', render: (r) => fmt.number(r.openCases) },
    { id: 'archived', label: t('clients.archived'), width: '100px', render: (r) => (r.archived ? <Badge color="gray" size="sm">{t('clients.archived')}</Badge> : null) },
  ];

  return (
    <Stack gap="md" data-testid="clients-page">
      <Group justify="space-between">
        <Title order={2}>{t('clients.title')}</Title>
        {canWrite ? (
          <Button component={Link} to="/clients/new" leftSection={<IconPlus size={18} />} data-testid="clients-new">
            {t('clients.new')}
          </Button>
        ) : null}
      </Group>
      <Group>
        <TextInput
          flex={1}
          leftSection={<IconSearch size={16} />}
          placeholder={t('clients.search_placeholder')}
          aria-label={t('clients.search_placeholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="clients-search"
        />
        <Switch label={t('clients.show_archived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      </Group>
      {list.isError ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
      <VirtualTable
        testId="clients-table"
        label={t('clients.title')}
        height="calc(100vh - 230px)"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={(r) => `client-row-${r.id}`}
        onRowOpen={(r) => void navigate(`/clients/${r.id}`)}
        onEndReached={loadMore}
        empty={list.isPending ? t('common.loading') : t('clients.empty')}
      />
    </Stack>
  );
}
