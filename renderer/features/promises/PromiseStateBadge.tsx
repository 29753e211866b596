// A promise's state as a coloured badge (cancelled shown as such).
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PromiseState } from '../../../electron/domain/promise';

const COLORS: Record<PromiseState | 'cancelled', string> = { open: 'blue', kept: 'teal', partly_kept: 'orange', broken: 'red', cancelled: 'gray' };

export function PromiseStateBadge({ state, testId }: { state: PromiseState | 'cancelled'; testId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }} data-testid={testId} data-state={state}>
      {t(`promises.states.${state}`)}
    </Badge>
  );
}
