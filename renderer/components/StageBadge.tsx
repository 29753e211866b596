// A case's stage (and status) as a coloured badge, translated.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, Stage } from '../../electron/domain/ladder';

const STAGE_COLOR: Record<Stage, string> = {
  intake: 'gray',
  reminder: 'blue',
  follow_up: 'cyan',
  final_notice: 'yellow',
  demand: 'orange',
  litigation: 'red',
  enforcement: 'grape',
  closed: 'dark',
};

const STATUS_COLOR: Record<CaseStatus, string> = {
  active: 'teal',
  on_hold: 'yellow',
  disputed: 'orange',
  settled: 'blue',
  closed_paid: 'green',
  closed_uncollectable: 'gray',
  withdrawn: 'gray',
};

export function StageBadge({ stage, size = 'sm' }: { stage: Stage; size?: 'xs' | 'sm' | 'md' | 'lg' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLOR[stage] ?? 'gray'} variant="light" size={size} data-stage={stage}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: CaseStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="outline" size={size} data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
