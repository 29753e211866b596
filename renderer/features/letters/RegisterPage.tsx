// The outgoing register (سجل الصادر): every numbered letter, voided ones too, in keyset pages; filters in the URL; verify a code.
import { Alert, Badge, Button, Collapse, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPrinter, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { TEMPLATE_KINDS, type LetterRow } from '../../../electron/contract/procedures/letters';
import { todayIso } from '../../../electron/domain/dates';
import { errorMessage } from '../../components/errorMessage';
import { PartyName } from '../../components/PartyName';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat } from '../../i18n/useFormat';
import { useRegister, type RegisterFilter } from './api';
import { LetterStateBadge } from './LetterBits';
import { readRegisterFilter, REGISTER_STATES, writeRegisterFilter } from './registerUrl';
import { VerifyBox } from './VerifyBox';
import { call } from '../../api/client';
import { ExportMenu } from '../import/ExportMenu';

/** Cell text that never widens its row (each row is its own grid): cut with an ellipsis instead. */
function Clip({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <div style={{ contain: 'inline-size', overflow: 'hidden', textOverflow: 'ellipsis' }}>{children}</div>;
}

export function RegisterPage({ canPrint }: { canPrint: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readRegisterFilter(params), [params]);
  const [query, setQuery] = useState(filter.query);
  const [debouncedQuery] = useDebouncedValue(query, 300);
  const [verifying, setVerifying] = useState(false);

  const update = useCallback((next: RegisterFilter): void => setParams(writeRegisterFilter(next), { replace: true }), [setParams]);
  useEffect(() => {
    if (debouncedQuery.trim() !== filter.query.trim()) update({ ...filter, query: debouncedQuery });
  }, [debouncedQuery, filter, update]);

  const register = useRegister(filter);
  const rows = useMemo(() => (register.data?.pages ?? []).flatMap((p) => p.rows), [register.data]);
  const total = register.data?.pages[0]?.total;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = register;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const thisYear = Number(todayIso().slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i));

  const struck = (r: LetterRow): 'line-through' | undefined => (r.voidedAt ? 'line-through' : undefined);
  const columns: Column<LetterRow, never>[] = [
    {
      id: 'number',
      label: t('letters.number'),
      width: '140px',
      render: (r) => (
        <Text size="sm" fw={600} className="nowrap-ltr" td={struck(r)} c={r.voidedAt ? 'dimmed' : undefined} span>
          {r.number}
        </Text>
      ),
    },
    {
      id: 'date',
      label: t('letters.date'),
      width: 'minmax(160px, 1.3fr)',
      render: (r) => (
        <Clip>
          <Text size="xs" lh={1.3}>
            {fmt.gregorian(r.letterDate)}
          </Text>
          <Text size="xs" lh={1.3} c="dimmed">
            {fmt.hijri(r.letterDate)}
          </Text>
        </Clip>
      ),
    },
    {
      id: 'kind',
      label: t('letters.kind'),
      width: 'minmax(120px, 1fr)',
      render: (r) => (
        <Clip>
          <Text size="sm" td={struck(r)} span>
            {t(`templates.kinds.${r.kind}`)}
          </Text>
        </Clip>
      ),
    },
    { id: 'case', label: t('letters.case'), width: '140px', render: (r) => <span className="nowrap-ltr">{r.caseReference}</span> },
    { id: 'debtor', label: t('letters.debtor'), width: 'minmax(130px, 1fr)', render: (r) => <Clip><PartyName name={r.debtorName} /></Clip> },
    { id: 'deadline', label: t('letters.deadline'), width: '100px', render: (r) => (r.deadlineOn ? <Text size="xs">{fmt.gregorian(r.deadlineOn)}</Text> : '—') },
    {
      id: 'state',
      label: t('letters.state'),
      width: '130px',
      render: (r) => (
        <Clip>
          <LetterStateBadge letter={r} />
          {r.dispatchMethod ? (
            <Text size="xs" c="dimmed" lh={1.3}>
              {t(`letters.methods.${r.dispatchMethod}`)}
            </Text>
          ) : null}
        </Clip>
      ),
    },
  ];

  return (
    <Stack gap="md" data-testid="register-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('letters.register_title')}</Title>
          {total !== undefined ? (
            <Badge size="lg" variant="light" data-testid="register-total">
              {t('letters.register_total', { n: fmt.number(total) })}
            </Badge>
          ) : null}
        </Group>
        <Group gap="sm">
          <Button
            variant={verifying ? 'light' : 'default'}
            leftSection={<IconShieldCheck size={18} />}
            onClick={() => setVerifying((v) => !v)}
            data-testid="register-verify-toggle"
          >
            {t('letters.verify_title')}
          </Button>
          <ExportMenu run={(format, lang) => call('exports.register', { format, lang, filter })} testId="register-export" />
          {canPrint ? (
            <Button component={Link} to="/letters/batch?source=queue" variant="light" leftSection={<IconPrinter size={18} />} data-testid="register-batch">
              {t('letters.batch_from_queue')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Collapse expanded={verifying}>
        <VerifyBox />
      </Collapse>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          flex={1}
          miw={200}
          leftSection={<IconSearch size={16} />}
          placeholder={t('letters.register_search')}
          aria-label={t('letters.register_search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="register-search"
        />
        <Select
          w={110}
          aria-label={t('letters.year')}
          placeholder={t('letters.all_years')}
          data={years}
          value={filter.year === null ? null : String(filter.year)}
          clearable
          onChange={(v) => update({ ...filter, year: v ? Number(v) : null })}
          data-testid="register-year"
        />
        <Select
          w={210}
          aria-label={t('letters.kind')}
          placeholder={t('letters.all_kinds')}
          data={TEMPLATE_KINDS.map((k) => ({ value: k, label: t(`templates.kinds.${k}`) }))}
          value={filter.kind}
          clearable
          onChange={(v) => update({ ...filter, kind: TEMPLATE_KINDS.find((k) => k === v) ?? null })}
          data-testid="register-kind"
        />
        <Select
          w={160}
          aria-label={t('letters.state')}
          placeholder={t('letters.all_states')}
          data={REGISTER_STATES.map((s) => ({ value: s, label: t(`letters.states.${s}`) }))}
          value={filter.state}
          clearable
          onChange={(v) => update({ ...filter, state: REGISTER_STATES.find((s) => s === v) ?? null })}
          data-testid="register-state"
        />
      </Group>
      {register.isError ? <Alert color="red">{errorMessage(register.error, t)}</Alert> : null}
      <VirtualTable
        testId="register-table"
        label={t('letters.register_title')}
        height="calc(100vh - 230px)"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={(r) => `register-row-${r.number}`}
        onRowOpen={(r) => void navigate(`/cases/${r.caseId}?tab=letters`)}
        onEndReached={loadMore}
        empty={register.isPending ? t('common.loading') : t('letters.register_empty')}
      />
    </Stack>
  );
}
