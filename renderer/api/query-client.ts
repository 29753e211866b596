// The one QueryClient: no retries on refusals (a retry cannot fix a permission or a lock), no refetch storms.
import { QueryClient } from '@tanstack/react-query';
import { isApiCallError } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !isApiCallError(error) && count < 1,
    },
    mutations: { retry: false },
  },
});
