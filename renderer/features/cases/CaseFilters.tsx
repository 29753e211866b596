// The cases list's filter bar: stages, statuses, client, assignee, instrument, claim range, balance, next-action dates, tag.
import { Button, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BALANCE_FILTERS } from '../../../electron/contract/procedures/cases';
import { CASE_STATUSES, INSTRUMENT_TYPES, STAGES } from '../../../electron/domain/ladder';
import { useUsers } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { useClientList } from './api';
import type { CaseListState } from './urlFilter';

export interface CaseFiltersProps {
  state: CaseListState;
  onChange: (next: CaseListState) => void;
  onClear: () => void;
}

const pickAll = <T extends string>(values: string[], allowed: readonly T[]): T[] =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

export function CaseFilters({ state, onChange, onClear }: CaseFiltersProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const clients = useClientList('', true);
  const users = useUsers(true);
  const set = (patch: Partial<CaseListState>): void => onChange({ ...state, ...patch });
  const clientOptions = (clients.data?.pages ?? [])
    .flatMap((p) => p.rows)
    .map((c) => ({ value: String(c.id), label: i18n.language === 'en' && c.nameEn ? c.nameEn : c.nameAr }));
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="case-filters">
      <MultiSelect
        label={t('cases.stage')}
        data={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        value={state.stages}
        onChange={(v) => set({ stages: pickAll(v, STAGES) })}
        clearable
        searchable
        data-testid="filter-stage"
      />
      <MultiSelect
        label={t('cases.status')}
        data={CASE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        value={state.statuses}
        onChange={(v) => set({ statuses: pickAll(v, CASE_STATUSES) })}
        clearable
        searchable
        data-testid="filter-status"
      />
      <Select
        label={t('cases.client')}
        data={clientOptions}
        value={state.clientId === null ? null : String(state.clientId)}
        onChange={(v) => set({ clientId: v ? Number(v) : null })}
        searchable
        clearable
        data-testid="filter-client"
      />
      <Select
        label={t('cases.assignee')}
        data={userOptions}
        value={state.assigneeId}
        onChange={(v) => set({ assigneeId: v })}
        searchable
        clearable
        data-testid="filter-assignee"
      />
      <MultiSelect
        label={t('cases.instrument')}
        data={INSTRUMENT_TYPES.map((s) => ({ value: s, label: t(`instruments.${s}`) }))}
        value={state.instrumentTypes}
        onChange={(v) => set({ instrumentTypes: pickAll(v, INSTRUMENT_TYPES) })}
        clearable
        searchable
        data-testid="filter-instrument"
      />
      <Group grow gap="xs" align="flex-start">
        <TextInput
          label={t('cases.claim_min')}
          dir="ltr"
          inputMode="decimal"
          value={state.min}
          onChange={(e) => set({ min: e.currentTarget.value })}
          data-testid="filter-min"
        />
        <TextInput
          label={t('cases.claim_max')}
          dir="ltr"
          inputMode="decimal"
          value={state.max}
          onChange={(e) => set({ max: e.currentTarget.value })}
          data-testid="filter-max"
        />
      </Group>
      <Select
        label={t('cases.balance_filter')}
        data={BALANCE_FILTERS.map((b) => ({ value: b, label: t(`cases.balance_${b}`) }))}
        value={state.balance}
        onChange={(v) => set({ balance: pickAll(v ? [v] : [], BALANCE_FILTERS)[0] ?? null })}
        clearable
        data-testid="filter-balance"
      />
      <DateField label={t('cases.next_action_from')} value={state.from} onChange={(v) => set({ from: v })} testId="filter-from" />
      <DateField label={t('cases.next_action_to')} value={state.to} onChange={(v) => set({ to: v })} testId="filter-to" />
      <TextInput label={t('cases.tag')} value={state.tag} onChange={(e) => set({ tag: e.currentTarget.value })} data-testid="filter-tag" />
      <Group align="flex-end">
        <Button variant="subtle" onClick={onClear} data-testid="filter-clear">
          {t('cases.clear_filters')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
