// Change a case's status (on hold, disputed, settled, closed…) with a reason, through cases.setStatus.
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { CASE_STATUSES, type CaseStatus } from '../../../electron/domain/ladder';
import { call, isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { areaKeys } from './api';

export interface CaseStatusModalProps {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
  onStale: (current: unknown) => void;
}

export function CaseStatusModal({ detail, opened, onClose, onStale }: CaseStatusModalProps): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CaseStatus>(detail.status);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: () => call('cases.setStatus', { id: detail.id, version: detail.version, status, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: areaKeys.cases });
      notifications.show({ color: 'teal', message: t('common.saved') });
      setReason('');
      onClose();
    },
    onError: (e) => {
      if (isApiCallError(e) && e.code === 'conflict.stale') {
        onClose();
        onStale(e.details);
      } else setFailure(errorMessage(e, t));
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.change_status')}>
      <Stack gap="sm" data-testid="status-dialog">
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Select
          label={t('cases.status')}
          // Disputed and on hold are opened with their reason from the case page (cases.dispute / cases.hold).
          data={CASE_STATUSES.filter((s) => s === detail.status || (s !== 'disputed' && s !== 'on_hold')).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={status}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setStatus(CASE_STATUSES.find((s) => s === v) ?? detail.status)}
          data-testid="status-select"
        />
        <Textarea
          label={t('cases.status_reason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="status-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={status === detail.status} data-testid="status-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
