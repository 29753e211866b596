// Query hooks for a case's promises and flags; under the 'cases' area so every case write refreshes them.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';
import { areaKeys } from '../cases/api';

export function useCasePromises(caseId: number): UseQueryResult<OutputOf<'promises.forCase'>> {
  return useQuery({ queryKey: [...areaKeys.cases, 'promises', caseId], queryFn: () => call('promises.forCase', { caseId }) });
}

export function useCaseFlags(caseId: number): UseQueryResult<OutputOf<'cases.flags'>> {
  return useQuery({ queryKey: [...areaKeys.cases, 'flags', caseId], queryFn: () => call('cases.flags', { caseId }) });
}
