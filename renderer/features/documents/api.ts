// Query keys and hooks for documents; every write invalidates the whole 'documents' area.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import type { DocumentOwner } from '../../../electron/contract/procedures/documents';
import { call } from '../../api/client';

export const documentKeys = {
  all: ['documents'] as const,
};

export function useDocuments(owner: DocumentOwner, includeRemoved: boolean): UseQueryResult<OutputOf<'documents.list'>> {
  return useQuery({
    queryKey: [...documentKeys.all, 'list', owner, includeRemoved],
    queryFn: () => call('documents.list', { owner, includeRemoved }),
  });
}

/** The bytes for the preview: fetched when the preview opens, dropped from the cache as soon as it closes. */
export function useDocumentContent(id: number, enabled: boolean): UseQueryResult<OutputOf<'documents.content'>> {
  return useQuery({
    queryKey: [...documentKeys.all, 'content', id],
    queryFn: () => call('documents.content', { id }),
    enabled,
    gcTime: 0,
    staleTime: 0,
  });
}
