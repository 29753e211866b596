// Query keys and hooks for cases, parties and clients; writes invalidate a whole area ('cases', 'parties', 'clients').
import { useInfiniteQuery, useQuery, type UseInfiniteQueryResult, type UseQueryResult, type InfiniteData } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';

export const areaKeys = {
  cases: ['cases'] as const,
  parties: ['parties'] as const,
  clients: ['clients'] as const,
};

export type CaseListInput = InputOf<'cases.list'>;
export type CaseListPage = OutputOf<'cases.list'>;

/** Keyset pages of 50, loaded as the table scrolls. */
export function useCaseList(input: Omit<CaseListInput, 'cursor' | 'limit'>): UseInfiniteQueryResult<InfiniteData<CaseListPage>> {
  return useInfiniteQuery({
    queryKey: [...areaKeys.cases, 'list', input],
    queryFn: ({ pageParam }) => call('cases.list', { ...input, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCase(id: number): UseQueryResult<OutputOf<'cases.get'>> {
  return useQuery({ queryKey: [...areaKeys.cases, 'get', id], queryFn: () => call('cases.get', { id }) });
}

export function useEscalationQueue(): UseInfiniteQueryResult<InfiniteData<OutputOf<'cases.escalationQueue'>>> {
  return useInfiniteQuery({
    queryKey: [...areaKeys.cases, 'queue'],
    queryFn: ({ pageParam }) => call('cases.escalationQueue', { cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useParty(id: number): UseQueryResult<OutputOf<'parties.get'>> {
  return useQuery({ queryKey: [...areaKeys.parties, 'get', id], queryFn: () => call('parties.get', { id }) });
}

export function usePartyList(query: string): UseInfiniteQueryResult<InfiniteData<OutputOf<'parties.list'>>> {
  return useInfiniteQuery({
    queryKey: [...areaKeys.parties, 'list', query],
    queryFn: ({ pageParam }) => call('parties.list', { query, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useClient(id: number): UseQueryResult<OutputOf<'clients.get'>> {
  return useQuery({ queryKey: [...areaKeys.clients, 'get', id], queryFn: () => call('clients.get', { id }), enabled: id !== 0 });
}

export function useClientList(
  query: string,
  includeArchived = false,
): UseInfiniteQueryResult<InfiniteData<OutputOf<'clients.list'>>> {
  return useInfiniteQuery({
    queryKey: [...areaKeys.clients, 'list', query, includeArchived],
    queryFn: ({ pageParam }) => call('clients.list', { query, includeArchived, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
