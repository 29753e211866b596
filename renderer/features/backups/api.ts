// Backups in the renderer: query keys and the status/list queries (partners only: backups.manage).
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BackupRow, BackupStatus } from '../../../electron/contract/procedures/backups';
import { call } from '../../api/client';

export const backupKeys = {
  status: ['backups', 'status'] as const,
  list: ['backups', 'list'] as const,
};

export function useBackupStatus(enabled = true): UseQueryResult<BackupStatus> {
  return useQuery({ queryKey: backupKeys.status, queryFn: () => call('backups.status', {}), enabled });
}

export function useBackupList(): UseQueryResult<BackupRow[]> {
  return useQuery({ queryKey: backupKeys.list, queryFn: () => call('backups.list', {}) });
}
