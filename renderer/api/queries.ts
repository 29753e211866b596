// TanStack Query hooks over the typed client, one per read the screens use, with the keys writes invalidate.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '../../electron/contract';
import { call } from './client';

export const queryKeys = {
  office: ['office.get'] as const,
  settings: ['settings.get'] as const,
  users: ['users.list'] as const,
  audit: ['audit.list'] as const,
};

export function useOffice(): UseQueryResult<OutputOf<'office.get'>> {
  return useQuery({ queryKey: queryKeys.office, queryFn: () => call('office.get', {}) });
}

export function useSettings(): UseQueryResult<OutputOf<'settings.get'>> {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings.get', {}) });
}

export function useUsers(enabled: boolean): UseQueryResult<OutputOf<'users.list'>> {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => call('users.list', {}), enabled });
}

export function useAuditList(enabled: boolean): UseQueryResult<OutputOf<'audit.list'>> {
  return useQuery({ queryKey: queryKeys.audit, queryFn: () => call('audit.list', { limit: 50 }), enabled });
}
