// Why a case is in the escalation queue when it is not only the ladder's step: a promise not kept, a hold that ended.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../electron/contract/procedures/cases';

export function QueueReason({ row }: { row: Pick<QueueRow, 'reason' | 'promiseState' | 'reference'> }): React.JSX.Element {
  const { t } = useTranslation();
  const testId = `queue-reason-${row.reference}`;
  if (row.reason === 'hold_ended') {
    return (
      <Badge color="yellow" variant="light" data-testid={testId}>
        {t('promises.queue.hold_ended')}
      </Badge>
    );
  }
  if (row.reason === 'plan_defaulted') {
    return (
      <Badge color="red" variant="light" data-testid={testId}>
        {t('plans.queue_reason')}
      </Badge>
    );
  }
  if (row.reason === 'settlement_overdue') {
    return (
      <Badge color="red" variant="light" data-testid={testId}>
        {t('settlements.queue_reason')}
      </Badge>
    );
  }
  if (row.reason === 'promise_due') {
    const state = row.promiseState === 'partly_kept' ? 'partly_kept' : row.promiseState === 'open' ? 'open' : 'broken';
    return (
      <Badge color={state === 'partly_kept' ? 'orange' : 'red'} variant="light" data-testid={testId}>
        {t(`promises.queue.promise_${state}`)}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light" data-testid={testId}>
      {t('promises.queue.ladder')}
    </Badge>
  );
}
