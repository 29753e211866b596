// The filter every report shares: period (with quick periods), client, lawyer/paralegal, instrument, stage, status, currency.
import { Button, Group, MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../electron/contract/procedures/reports';
import { CURRENCY_CODES } from '../../../electron/domain/money';
import { addDays, addMonths, todayIso } from '../../../electron/domain/dates';
import { CASE_STATUSES, INSTRUMENT_TYPES, STAGES } from '../../../electron/domain/ladder';
import { useUsers } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { useClientList } from '../cases/api';

export type ReportFilterState = ReportFilter;

const PRESETS = ['this_month', 'last_month', 'this_quarter', 'this_year', 'last_12_months'] as const;
type Preset = (typeof PRESETS)[number];

export function presetPeriod(p: Preset, today = todayIso()): { from: string; to: string } {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  const monthStart = `${today.slice(0, 7)}-01`;
  switch (p) {
    case 'this_month':
      return { from: monthStart, to: today };
    case 'last_month': {
      const from = addMonths(monthStart, -1);
      return { from, to: addDays(monthStart, -1) };
    }
    case 'this_quarter': {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: `${y}-${String(q).padStart(2, '0')}-01`, to: today };
    }
    case 'this_year':
      return { from: `${y}-01-01`, to: today };
    case 'last_12_months':
      return { from: addDays(addMonths(today, -12), 1), to: today };
  }
}

export function defaultFilter(): ReportFilterState {
  return { ...presetPeriod('last_12_months'), clientId: null, assigneeId: null, instrumentTypes: [], stages: [], statuses: [], currency: null };
}

const pickAll = <T extends string>(values: string[], allowed: readonly T[]): T[] => values.filter((v): v is T => (allowed as readonly string[]).includes(v));

export interface FilterBarProps {
  value: ReportFilterState;
  onChange: (next: ReportFilterState) => void;
  /** The statement needs a client; the others may leave it empty. */
  clientRequired?: boolean;
  /** Lawyers and paralegals see only their own cases: no one else to choose. */
  canChoosePerson: boolean;
}

export function FilterBar({ value, onChange, clientRequired, canChoosePerson }: FilterBarProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const clients = useClientList('', true);
  const users = useUsers(canChoosePerson);
  const set = (patch: Partial<ReportFilterState>): void => onChange({ ...value, ...patch });
  const clientOptions = (clients.data?.pages ?? [])
    .flatMap((p) => p.rows)
    .map((c) => ({ value: String(c.id), label: i18n.language === 'en' && c.nameEn ? c.nameEn : c.nameAr }));
  const userOptions = (users.data ?? [])
    .filter((u) => u.role === 'lawyer' || u.role === 'paralegal' || u.role === 'partner')
    .map((u) => ({ value: u.id, label: u.displayName }));
  const reversed = value.from !== '' && value.to !== '' && value.to < value.from;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="report-filters">
      <Select
        label={t('reports.filter.preset')}
        data={PRESETS.map((p) => ({ value: p, label: t(`reports.filter.presets.${p}`) }))}
        value={PRESETS.find((p) => {
          const r = presetPeriod(p);
          return r.from === value.from && r.to === value.to;
        }) ?? null}
        onChange={(p) => {
          if (p) set(presetPeriod(p));
        }}
        data-testid="report-preset"
      />
      <DateField label={t('reports.filter.from')} value={value.from} onChange={(from) => set({ from })} testId="report-from" />
      <DateField
        label={t('reports.filter.to')}
        value={value.to}
        onChange={(to) => set({ to })}
        testId="report-to"
        error={reversed ? t('validation.period_reversed') : undefined}
      />
      <Select
        label={t('reports.filter.client')}
        placeholder={t('reports.filter.all_clients')}
        data={clientOptions}
        value={value.clientId === null ? null : String(value.clientId)}
        onChange={(v) => set({ clientId: v ? Number(v) : null })}
        searchable
        clearable={!clientRequired}
        withAsterisk={clientRequired}
        data-testid="report-client"
      />
      {canChoosePerson ? (
        <Select
          label={t('reports.filter.assignee')}
          placeholder={t('reports.filter.everyone')}
          data={userOptions}
          value={value.assigneeId}
          onChange={(v) => set({ assigneeId: v })}
          searchable
          clearable
          data-testid="report-assignee"
        />
      ) : null}
      <MultiSelect
        label={t('reports.filter.instrument')}
        placeholder={t('reports.filter.all')}
        data={INSTRUMENT_TYPES.map((s) => ({ value: s, label: t(`instruments.${s}`) }))}
        value={value.instrumentTypes}
        onChange={(v) => set({ instrumentTypes: pickAll(v, INSTRUMENT_TYPES) })}
        clearable
        data-testid="report-instrument"
      />
      <MultiSelect
        label={t('reports.filter.stage')}
        placeholder={t('reports.filter.all')}
        data={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        value={value.stages}
        onChange={(v) => set({ stages: pickAll(v, STAGES) })}
        clearable
        data-testid="report-stage"
      />
      <MultiSelect
        label={t('reports.filter.status')}
        placeholder={t('reports.filter.all')}
        data={CASE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        value={value.statuses}
        onChange={(v) => set({ statuses: pickAll(v, CASE_STATUSES) })}
        clearable
        data-testid="report-status"
      />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Select
          label={t('reports.filter.currency')}
          placeholder={t('reports.filter.all_currencies')}
          data={CURRENCY_CODES.map((c) => ({ value: c, label: t(`currencies.${c}`) }))}
          value={value.currency}
          onChange={(v) => set({ currency: v })}
          clearable
          style={{ flex: 1 }}
          data-testid="report-currency"
        />
        <Button variant="subtle" onClick={() => onChange({ ...defaultFilter(), clientId: clientRequired ? value.clientId : null })} data-testid="report-reset">
          {t('reports.filter.reset')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
