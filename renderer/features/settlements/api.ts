// Query hook for a case's settlements; under the 'cases' area so every case write (and every posting) refreshes them.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';
import { areaKeys } from '../cases/api';

export function useCaseSettlements(caseId: number): UseQueryResult<OutputOf<'settlements.forCase'>> {
  return useQuery({ queryKey: [...areaKeys.cases, 'settlements', caseId], queryFn: () => call('settlements.forCase', { caseId }) });
}
