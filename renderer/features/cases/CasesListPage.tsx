// Cases: the windowed list (keyset pages of 50) with filters and sort kept in the URL query, and the total count;
// chosen cases, or all that match the filter, go to batch printing.
import { Alert, Badge, Button, Checkbox, Collapse, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconFilter, IconPlus, IconPrinter, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CaseRow } from '../../../electron/contract/procedures/cases';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { StageBadge, StatusBadge } from '../../components/StageBadge';
import { useMoney } from '../../components/useMoney';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat } from '../../i18n/useFormat';
import { batchPathForFilter, batchPathForIds } from '../letters/batchUrl';
import { useCaseList } from './api';
import { call } from '../../api/client';
import { ExportMenu } from '../import/ExportMenu';
import { CaseFilters } from './CaseFilters';
import { activeFilterCount, readListState, toFilter, writeListState, type CaseListState, type CaseSort } from './urlFilter';

export function CasesListPage({ canWrite, canPrint }: { canWrite: boolean; canPrint: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const [showFilters, setShowFilters] = useState(activeFilterCount(state) > 0);
  const [query, setQuery] = useState(state.query);
  const [debouncedQuery] = useDebouncedValue(query, 300);

  const update = useCallback(
    (next: CaseListState): void => setParams(writeListState(next), { replace: true }),
    [setParams],
  );
  useEffect(() => {
    if (debouncedQuery !== state.query) update({ ...state, query: debouncedQuery });
  }, [debouncedQuery, state, update]);

  const list = useCaseList({ filter: toFilter(state), sort: state.sort, dir: state.dir });
  const rows = useMemo(() => (list.data?.pages ?? []).flatMap((p) => p.rows), [list.data]);
  const total = list.data?.pages[0]?.total;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onSort = (sort: CaseSort): void =>
    update({ ...state, sort, dir: state.sort === sort && state.dir === 'asc' ? 'desc' : 'asc' });

  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number): void =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const select: Column<CaseRow, CaseSort> = {
    id: 'select',
    label: '',
    width: '44px',
    render: (r) => (
      <Checkbox
        checked={selected.has(r.id)}
        onChange={() => toggle(r.id)}
        onClick={(e) => e.stopPropagation()}
        aria-label={t('letters.select_case', { reference: r.reference })}
        data-testid={`case-select-${r.reference}`}
      />
    ),
  };

  const columns: Column<CaseRow, CaseSort>[] = [
    ...(canPrint ? [select] : []),
    { id: 'reference', label: t('cases.reference'), width: '150px', sort: 'reference', render: (r) => <span className="nowrap-ltr">{r.reference}</span> },
    { id: 'client', label: t('cases.client'), width: 'minmax(120px, 1fr)', sort: 'client', render: (r) => r.clientName },
    { id: 'debtor', label: t('cases.debtor'), width: 'minmax(120px, 1fr)', sort: 'debtor', render: (r) => <PartyName name={r.debtorName} /> },
    { id: 'stage', label: t('cases.stage'), width: '110px', sort: 'stage', render: (r) => <StageBadge stage={r.stage} /> },
    { id: 'status', label: t('cases.status'), width: '120px', sort: 'status', render: (r) => <StatusBadge status={r.status} /> },
    { id: 'claim', label: t('cases.claim'), width: '130px', sort: 'claim', render: (r) => money(r.claimMinor, r.currency) },
    {
      id: 'balance',
      label: t('cases.balance'),
      width: '130px',
      sort: 'balance',
      render: (r) => (
        <Text size="sm" c={r.balanceMinor > 0 ? undefined : 'teal'} data-testid={`case-balance-${r.reference}`}>
          {money(r.balanceMinor, r.currency)}
        </Text>
      ),
    },
    {
      id: 'nextAction',
      label: t('cases.next_action'),
      width: 'minmax(170px, 1fr)',
      sort: 'nextActionOn',
      render: (r) => (r.nextActionOn ? <Text size="xs">{fmt.dual(r.nextActionOn)}</Text> : '—'),
    },
    { id: 'lawyer', label: t('cases.lawyer'), width: '110px', render: (r) => r.lawyerName ?? '—' },
    {
      id: 'flags',
      label: t('cases.flags'),
      width: '90px',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.flags.map((f) => (
            <Tooltip key={f} label={t(`cases.flag_${f}`)}>
              <Badge size="xs" color="orange" variant="light" leftSection={<IconAlertTriangle size={10} />}>
                {t(`cases.flag_short_${f}`)}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      ),
    },
  ];

  const filters = activeFilterCount({ ...state, query: '' });
  return (
    <Stack gap="md" data-testid="cases-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('cases.title')}</Title>
          {total !== undefined ? (
            <Badge size="lg" variant="light" data-testid="cases-total">
              {t('cases.total', { n: fmt.number(total) })}
            </Badge>
          ) : null}
        </Group>
        <Group gap="sm">
          {canPrint && selected.size > 0 ? (
            <Button
              variant="light"
              leftSection={<IconPrinter size={18} />}
              onClick={() => void navigate(batchPathForIds([...selected]))}
              data-testid="cases-print-selected"
            >
              {t('letters.print_selected', { n: fmt.number(selected.size) })}
            </Button>
          ) : null}
          {canPrint && selected.size === 0 && total !== undefined && total > 0 ? (
            <Button
              variant="default"
              leftSection={<IconPrinter size={18} />}
              onClick={() => void navigate(batchPathForFilter(state))}
              data-testid="cases-print-matching"
            >
              {t('letters.print_matching', { n: fmt.number(total) })}
            </Button>
          ) : null}
          <ExportMenu run={(format, lang) => call('exports.cases', { format, lang, filter: toFilter(state), sort: state.sort, dir: state.dir })} testId="cases-export" />
          {canWrite ? (
            <Button component={Link} to="/cases/new" leftSection={<IconPlus size={18} />} data-testid="cases-new">
              {t('cases.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          flex={1}
          leftSection={<IconSearch size={16} />}
          placeholder={t('cases.search_placeholder')}
          aria-label={t('cases.search_placeholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="cases-search"
        />
        <Button
          variant={showFilters ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          onClick={() => setShowFilters((v) => !v)}
          data-testid="cases-filters-toggle"
        >
          {filters > 0 ? t('cases.filters_n', { n: fmt.number(filters) }) : t('cases.filters')}
        </Button>
      </Group>
      <Collapse expanded={showFilters}>
        <CaseFilters
          state={state}
          onChange={update}
          onClear={() => {
            setQuery('');
            update(readListState(new URLSearchParams()));
          }}
        />
      </Collapse>
      {list.isError ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
      <VirtualTable
        testId="cases-table"
        label={t('cases.title')}
        height="calc(100vh - 260px)"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={(r) => `case-row-${r.reference}`}
        onRowOpen={(r) => void navigate(`/cases/${r.id}`)}
        sort={state.sort}
        dir={state.dir}
        onSort={onSort}
        onEndReached={loadMore}
        empty={list.isPending ? t('common.loading') : t('cases.empty')}
      />
    </Stack>
  );
}
