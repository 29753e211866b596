// Query hooks for the partner reports, the drill-down behind a figure, and the exports.
import { useInfiniteQuery, useQuery, type InfiniteData, type UseInfiniteQueryResult, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../../electron/contract';
import type { ExportableReport } from '../../../electron/contract/procedures/report-exports';
import type { DrillSpec, ReportFilterInput } from '../../../electron/contract/procedures/reports';
import { call } from '../../api/client';

export const reportKeys = { all: ['reports'] as const };

type ReportProc = 'reports.pipeline' | 'reports.aging' | 'reports.recovery' | 'reports.performance' | 'reports.court' | 'reports.fees' | 'reports.statement';

export function useReport<N extends ReportProc>(name: N, filter: ReportFilterInput, enabled = true): UseQueryResult<OutputOf<N>> {
  return useQuery({
    queryKey: [...reportKeys.all, name, filter],
    queryFn: () => call(name, { filter } as never) as Promise<OutputOf<N>>,
    enabled,
    staleTime: 30_000,
    retry: false,
  });
}

export function useDrill(filter: ReportFilterInput, spec: DrillSpec | null): UseInfiniteQueryResult<InfiniteData<OutputOf<'reports.drill'>>> {
  return useInfiniteQuery({
    queryKey: [...reportKeys.all, 'drill', filter, spec],
    queryFn: ({ pageParam }) => call('reports.drill', { filter, spec: spec as DrillSpec, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: spec !== null,
    retry: false,
  });
}

export async function exportReport(format: 'pdf' | 'xlsx', report: ExportableReport, filter: ReportFilterInput, lang: 'ar' | 'en'): Promise<OutputOf<'reports.exportPdf'>> {
  return call(format === 'pdf' ? 'reports.exportPdf' : 'reports.exportXlsx', { report, filter, lang });
}
