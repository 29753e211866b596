// Query keys and hooks for PDPL erasure: the people past the retention period (keyset pages) and an erasure's preview.
import { useInfiniteQuery, useQuery, type InfiniteData, type UseInfiniteQueryResult, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';

export const privacyKeys = {
  all: ['privacy'] as const,
  due: ['privacy', 'due'] as const,
  preview: (partyId: number) => ['privacy', 'preview', partyId] as const,
};

/** Pages of 50, oldest closing first; "load more" asks for the next. */
export function useErasureDue(): UseInfiniteQueryResult<InfiniteData<OutputOf<'privacy.due'>>> {
  return useInfiniteQuery({
    queryKey: privacyKeys.due,
    queryFn: ({ pageParam }) => call('privacy.due', { cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useErasePreview(partyId: number): UseQueryResult<OutputOf<'privacy.erasePreview'>> {
  // Always fresh: what would be removed must be what is there now, not what was there when the dialog last opened.
  return useQuery({ queryKey: privacyKeys.preview(partyId), queryFn: () => call('privacy.erasePreview', { partyId }), staleTime: 0, gcTime: 0 });
}
