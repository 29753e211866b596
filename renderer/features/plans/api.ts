// Query hooks for a case's instalment plans and a schedule's preview; under the 'cases' area so every case write (and every
// posting) refreshes them.
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';
import { areaKeys } from '../cases/api';

export function useCasePlans(caseId: number): UseQueryResult<OutputOf<'plans.forCase'>> {
  return useQuery({ queryKey: [...areaKeys.cases, 'plans', caseId], queryFn: () => call('plans.forCase', { caseId }) });
}

/** The schedule the terms give (or their problems), asked again as the terms change; the last answer stays while it loads. */
export function usePlanPreview(terms: InputOf<'plans.preview'>, enabled: boolean): UseQueryResult<OutputOf<'plans.preview'>> {
  return useQuery({
    queryKey: [...areaKeys.cases, 'plans', 'preview', terms],
    queryFn: () => call('plans.preview', terms),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
