// Debtors and guarantors: a searchable windowed list; each row opens the party's page.
import { Alert, Badge, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PartyRow } from '../../../electron/contract/procedures/parties';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat } from '../../i18n/useFormat';
import { usePartyList } from '../cases/api';
import { call } from '../../api/client';
import { ExportMenu } from '../import/ExportMenu';

export function PartiesListPage({ canWrite }: { canWrite: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(query, 300);
  const list = usePartyList(debounced.trim());
  const rows = useMemo(() => (list.data?.pages ?? []).flatMap((p) => p.rows), [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const columns: Column<PartyRow, never>[] = [
    { id: 'name', label: t('parties.name'), width: 'minmax(200px, 2fr)', render: (r) => <PartyName name={r.name} /> },
    { id: 'kind', label: t('parties.kind'), width: '110px', render: (r) => <Badge variant="light" size="sm">{t(`parties.kind_${r.kind}`)}</Badge> },
    { id: 'id', label: t('parties.identifier'), width: '140px', render: (r) => <span className="nowrap-ltr">{r.nationalId || r.crNumber || '—'}</span> },
    { id: 'phone', label: t('parties.phone'), width: '150px', render: (r) => <span className="nowrap-ltr">{r.phone || '—'}</span> },
    { id: 'city', label: t('parties.address_city'), width: '120px', render: (r) => r.city || '—' },
    { id: 'cases', label: t('parties.case_count'), width: '90px', render: (r) => fmt.number(r.caseCount) },
  ];

  return (
    <Stack gap="md" data-testid="parties-page">
      <Group justify="space-between">
        <Title order={2}>{t('parties.title')}</Title>
        <Group gap="sm">
          <ExportMenu run={(format, lang) => call('exports.debtors', { format, lang, query: debounced.trim() })} testId="parties-export" />
          {canWrite ? (
            <Button component={Link} to="/debtors/new" leftSection={<IconPlus size={18} />} data-testid="parties-new">
              {t('parties.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('parties.search_placeholder')}
        aria-label={t('parties.search_placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setParams(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true });
        }}
        data-testid="parties-search"
      />
      {list.isError ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
      <VirtualTable
        testId="parties-table"
        label={t('parties.title')}
        height="calc(100vh - 230px)"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={(r) => `party-row-${r.id}`}
        onRowOpen={(r) => void navigate(`/debtors/${r.id}`)}
        onEndReached={loadMore}
        empty={list.isPending ? t('common.loading') : t('parties.empty')}
      />
    </Stack>
  );
}
