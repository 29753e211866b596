// Query hooks for a case's payments and balance; under the 'cases' area so every case write (and every posting) refreshes them.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';
import { areaKeys } from '../cases/api';

export function useCasePayments(caseId: number): UseQueryResult<OutputOf<'payments.forCase'>> {
  return useQuery({ queryKey: [...areaKeys.cases, 'payments', caseId], queryFn: () => call('payments.forCase', { caseId }) });
}
