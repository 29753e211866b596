// Pick debtors or guarantors: a searchable multi-select over parties.list, keeping the names of those already picked.
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyRow } from '../../../electron/contract/procedures/parties';
import { call } from '../../api/client';
import { areaKeys } from './api';

export interface PartyPickerProps {
  label: string;
  value: number[];
  onChange: (ids: number[]) => void;
  /** Parties already known (the case's, or one just created) so their names show. */
  known: PartyRow[];
  error?: string | undefined;
  testId: string;
  withAsterisk?: boolean;
}

const labelOf = (p: PartyRow): string => (p.nationalId || p.crNumber ? `${p.name} (${p.nationalId || p.crNumber})` : p.name);

export function PartyPicker({ label, value, onChange, known, error, testId, withAsterisk }: PartyPickerProps): React.JSX.Element {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [names, setNames] = useState<Map<number, string>>(() => new Map(known.map((p) => [p.id, labelOf(p)])));
  const found = useQuery({
    queryKey: [...areaKeys.parties, 'pick', debounced],
    queryFn: () => call('parties.list', { query: debounced, cursor: null, limit: 20 }),
  });

  // An erased person (PDPL: their name is empty) is never offered for a case.
  const rows = (found.data?.rows ?? []).filter((p) => p.name !== '');
  const shown = new Map(names);
  for (const p of [...known, ...rows]) shown.set(p.id, p.name ? labelOf(p) : t('erasure.erased_person'));
  const ids = new Set([...value, ...rows.map((p) => p.id)]);
  const data = [...ids].map((id) => ({ value: String(id), label: shown.get(id) ?? String(id) }));

  return (
    <MultiSelect
      label={label}
      withAsterisk={withAsterisk}
      data={data}
      value={value.map(String)}
      onChange={(v) => {
        setNames(shown); // Remember the names of those picked, for when the search moves on.
        onChange(v.map(Number));
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothing_found')}
      error={error}
      data-testid={testId}
    />
  );
}
