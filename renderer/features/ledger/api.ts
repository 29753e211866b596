// Query keys and hooks for the client ledger and remittances; every remittance write refreshes the 'ledger' area and
// the documents (an issued statement is a document on the client).
import { useInfiniteQuery, useQuery, useQueryClient, type UseInfiniteQueryResult, type InfiniteData, type UseQueryResult } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';
import { documentKeys } from '../documents/api';

export const ledgerKeys = {
  all: ['ledger'] as const,
};

export function useClientLedger(clientId: number): UseQueryResult<OutputOf<'ledger.forClient'>> {
  return useQuery({ queryKey: [...ledgerKeys.all, 'client', clientId], queryFn: () => call('ledger.forClient', { clientId }) });
}

export type RemittanceFilter = Pick<InputOf<'ledger.remittances'>, 'clientId' | 'state'>;

export function useRemittanceList(filter: RemittanceFilter): UseInfiniteQueryResult<InfiniteData<OutputOf<'ledger.remittances'>>> {
  return useInfiniteQuery({
    queryKey: [...ledgerKeys.all, 'list', filter],
    queryFn: ({ pageParam }) => call('ledger.remittances', { ...filter, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** After a remittance write: the ledger, the lists and the client's documents. */
export function useLedgerRefresh(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ledgerKeys.all }), queryClient.invalidateQueries({ queryKey: documentKeys.all })]);
  };
}
