// A debtor's or guarantor's name as shown anywhere: after a PDPL erasure the name is empty, and the screens say
// "Erased person" instead of showing a blank cell (the one place that decides how an erased name reads).
import { Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The name, or the translated placeholder when the person's data was erased (their name is then ''). */
export function useNameOrErased(): (name: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback((name) => (name ? name : name === '' ? t('erasure.erased_person') : ''), [t]);
}

/** The name in JSX: an erased person's placeholder is dimmed and italic so it never reads as a real name. */
export function PartyName({ name }: { name: string | null | undefined }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (name) return <>{name}</>;
  if (name !== '') return null;
  return (
    <Text span inherit c="dimmed" fs="italic" data-testid="erased-name">
      {t('erasure.erased_person')}
    </Text>
  );
}
