// Whose work a partner looks at: their own, one person's, or the whole office's.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/queries';

export type PersonChoice = { kind: 'me' } | { kind: 'office' } | { kind: 'user'; userId: string };

export function PersonFilter({ value, onChange, testId }: { value: PersonChoice; onChange: (v: PersonChoice) => void; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const users = useUsers(true);
  const data = [
    { value: 'me', label: t('calendar.person_me') },
    { value: 'office', label: t('calendar.person_office') },
    ...(users.data ?? []).filter((u) => u.active).map((u) => ({ value: `user:${u.id}`, label: u.displayName })),
  ];
  const current = value.kind === 'user' ? `user:${value.userId}` : value.kind;
  return (
    <Select
      aria-label={t('calendar.person')}
      data={data}
      value={current}
      allowDeselect={false}
      searchable
      w={240}
      onChange={(v) => {
        if (v === 'me' || v === 'office') onChange({ kind: v });
        else if (v?.startsWith('user:')) onChange({ kind: 'user', userId: v.slice(5) });
      }}
      data-testid={testId}
    />
  );
}
