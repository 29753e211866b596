// Query keys and hooks for the communication log; a log write invalidates 'activity' (and 'cases', whose pages show it).
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import type { BreachDetails } from '../../../electron/contract/procedures/activity';
import type { Breach } from '../../../electron/domain/rule-pack';
import { call, isApiCallError } from '../../api/client';

export const activityKeys = {
  all: ['activity'] as const,
};

export function useCaseLog(caseId: number): UseQueryResult<OutputOf<'activity.forCase'>> {
  return useQuery({ queryKey: [...activityKeys.all, 'log', caseId], queryFn: () => call('activity.forCase', { caseId }) });
}

export function useAllowance(caseId: number): UseQueryResult<OutputOf<'activity.allowance'>> {
  return useQuery({ queryKey: [...activityKeys.all, 'allowance', caseId], queryFn: () => call('activity.allowance', { caseId }) });
}

function isBreachDetails(v: unknown): v is BreachDetails {
  return typeof v === 'object' && v !== null && 'breaches' in v && Array.isArray(v.breaches);
}

/** The rules a `rules.breach` (or `rules.override_reason`) error names; empty for any other error. */
export function breachesOf(e: unknown): Breach[] {
  if (!isApiCallError(e) || (e.code !== 'rules.breach' && e.code !== 'rules.override_reason')) return [];
  return isBreachDetails(e.details) ? e.details.breaches : [];
}
