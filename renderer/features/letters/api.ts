// Query keys and hooks for letters, the outgoing register and batch jobs; letter writes invalidate 'letters' (and 'cases').
import {
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { OutputOf } from '../../../electron/contract';
import {
  TEMPLATE_KINDS,
  type JobState,
  type LetterRow,
  type registerFilterSchema,
  type TemplateKind,
} from '../../../electron/contract/procedures/letters';
import { TEMPLATE_KIND_INFO } from '../../../electron/domain/template/kinds';
import { call } from '../../api/client';
import { subscribeEvents } from '../../api/transport';

export const letterKeys = {
  letters: ['letters'] as const,
};

export type RegisterFilter = z.output<typeof registerFilterSchema>;

/** Kinds a case's "New letter" offers: receipts and remittance statements come from payments. */
export const CASE_LETTER_KINDS: readonly TemplateKind[] = TEMPLATE_KINDS.filter(
  (k) => k !== 'payment_receipt' && k !== 'remittance_statement',
);

/** Kinds a batch may print: the postal letters (the agreements need per-case figures). */
export const BATCH_KINDS: readonly TemplateKind[] = TEMPLATE_KINDS.filter((k) => TEMPLATE_KIND_INFO[k].postal);

export function defaultDeadlineDays(kind: TemplateKind): number | null {
  return TEMPLATE_KIND_INFO[kind].deadlineDays;
}

export function useCaseLetters(caseId: number): UseQueryResult<LetterRow[]> {
  return useQuery({ queryKey: [...letterKeys.letters, 'case', caseId], queryFn: () => call('letters.forCase', { caseId }) });
}

/** Keyset pages of 50 of the outgoing register, loaded as the table scrolls. */
export function useRegister(filter: RegisterFilter): UseInfiniteQueryResult<InfiniteData<OutputOf<'letters.register'>>> {
  return useInfiniteQuery({
    queryKey: [...letterKeys.letters, 'register', filter],
    queryFn: ({ pageParam }) => call('letters.register', { filter, cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

const JOB_EVENTS = new Set(['job.progress', 'job.done', 'job.failed', 'job.cancelled']);

function isJobState(v: unknown): v is JobState {
  return typeof v === 'object' && v !== null && 'id' in v && typeof v.id === 'string' && 'status' in v && 'done' in v;
}

/**
 * A running job's state: pushed by the core's job events, and asked for every second as well (an event
 * can be missed while the event stream reconnects). Once it ends, letter lists are refreshed.
 */
export function useJob(initial: JobState | null): JobState | null {
  const queryClient = useQueryClient();
  const [job, setJob] = useState<JobState | null>(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setJob(initial);
  }
  const id = initial?.id ?? null;
  const running = job?.status === 'running';

  useEffect(() => {
    if (id === null || !running) return undefined;
    // Counts only grow: a late poll answer never moves the bar backwards or reopens an ended job.
    const take = (next: JobState): void =>
      setJob((prev) => {
        if (prev === null || prev.id !== next.id || prev.status !== 'running') return prev;
        return next.status === 'running' && next.done < prev.done ? prev : next;
      });
    const stop = subscribeEvents((e) => {
      if (JOB_EVENTS.has(e.type) && isJobState(e.job) && e.job.id === id) take(e.job);
    });
    const timer = setInterval(() => {
      call('jobs.get', { id })
        .then(take)
        .catch(() => undefined);
    }, 1000);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [id, running]);

  useEffect(() => {
    if (job && job.status !== 'running') void queryClient.invalidateQueries({ queryKey: letterKeys.letters });
  }, [job, queryClient]);

  return job;
}
