// Query keys and hooks for the calendar, hearings and tasks; their writes invalidate 'calendar' and 'tasks' (and the case area).
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../electron/contract';
import { call } from '../../api/client';
import { areaKeys } from '../cases/api';

export const calendarKeys = {
  calendar: ['calendar'] as const,
  tasks: ['tasks'] as const,
  hearings: ['hearings'] as const,
};

export function useCalendarRange(input: InputOf<'calendar.range'>): UseQueryResult<OutputOf<'calendar.range'>> {
  return useQuery({ queryKey: [...calendarKeys.calendar, input], queryFn: () => call('calendar.range', input) });
}

export function useTasks(input: InputOf<'tasks.list'>, enabled = true): UseQueryResult<OutputOf<'tasks.list'>> {
  return useQuery({ queryKey: [...calendarKeys.tasks, input], queryFn: () => call('tasks.list', input), enabled });
}

export function useCaseHearings(caseId: number): UseQueryResult<OutputOf<'hearings.forCase'>> {
  return useQuery({ queryKey: [...calendarKeys.hearings, caseId], queryFn: () => call('hearings.forCase', { caseId }) });
}

export function useLadderOffer(caseId: number, enabled: boolean): UseQueryResult<OutputOf<'tasks.ladderOffer'>> {
  return useQuery({ queryKey: [...calendarKeys.tasks, 'ladder', caseId], queryFn: () => call('tasks.ladderOffer', { caseId }), enabled });
}

/** After any task or hearing write: everything that shows them. */
export function useRefreshWork(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: calendarKeys.calendar }),
      queryClient.invalidateQueries({ queryKey: calendarKeys.tasks }),
      queryClient.invalidateQueries({ queryKey: calendarKeys.hearings }),
      queryClient.invalidateQueries({ queryKey: areaKeys.cases }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
  };
}
