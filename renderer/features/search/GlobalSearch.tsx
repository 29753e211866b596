// Global search (Ctrl+K from anywhere): search.global with a short debounce, results grouped by cases, debtors, clients; Enter opens.
import '@mantine/spotlight/styles.css';
import { Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconBuilding, IconFolder, IconSearch, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { StageBadge } from '../../components/StageBadge';
import { PartyName } from '../../components/PartyName';

export function GlobalSearch(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const results = useQuery({
    queryKey: ['search.global', debounced],
    queryFn: () => call('search.global', { query: debounced }),
    enabled: debounced.length > 0,
    placeholderData: (prev) => prev,
  });
  const data = debounced.length > 0 ? results.data : undefined;
  const count = data ? data.cases.length + data.parties.length + data.clients.length : 0;
  const open = (path: string): void => void navigate(path);

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} scrollable maxHeight={480}>
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        leftSection={<IconSearch size={18} />}
        data-testid="search-input"
        onKeyDown={(e) => {
          // Results arrive after Spotlight selected "the first action" (there was none yet): Enter opens the first result.
          const list = document.querySelector('[data-testid="search-results"]');
          if (e.key === 'Enter' && list && !list.querySelector('[data-selected]')) {
            list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
          }
        }}
      />
      <Spotlight.ActionsList data-testid="search-results">
        {data && data.cases.length > 0 ? (
          <Spotlight.ActionsGroup label={t('search.cases')}>
            {data.cases.map((c) => (
              <Spotlight.Action key={`c${c.id}`} onClick={() => open(`/cases/${c.id}`)} data-testid={`search-case-${c.id}`}>
                <Group gap="sm" wrap="nowrap" w="100%">
                  <IconFolder size={18} />
                  <Text size="sm" fw={600} className="nowrap-ltr">{c.reference}</Text>
                  <Text size="sm" flex={1} truncate><PartyName name={c.debtorName} /></Text>
                  <StageBadge stage={c.stage} size="xs" />
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {data && data.parties.length > 0 ? (
          <Spotlight.ActionsGroup label={t('search.parties')}>
            {data.parties.map((p) => (
              <Spotlight.Action key={`p${p.id}`} onClick={() => open(`/debtors/${p.id}`)} data-testid={`search-party-${p.id}`}>
                <Group gap="sm" wrap="nowrap">
                  <IconUser size={18} />
                  <Text size="sm"><PartyName name={p.name} /></Text>
                  <Text size="xs" c="dimmed" className="nowrap-ltr">{p.nationalId || p.crNumber || p.phone}</Text>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {data && data.clients.length > 0 ? (
          <Spotlight.ActionsGroup label={t('search.clients')}>
            {data.clients.map((c) => (
              <Spotlight.Action key={`k${c.id}`} onClick={() => open(`/clients/${c.id}`)} data-testid={`search-client-${c.id}`}>
                <Group gap="sm" wrap="nowrap">
                  <IconBuilding size={18} />
                  <Text size="sm">{i18n.language === 'en' && c.nameEn ? c.nameEn : c.nameAr}</Text>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {debounced.length > 0 && data && count === 0 ? <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty> : null}
        {debounced.length === 0 ? <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty> : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
