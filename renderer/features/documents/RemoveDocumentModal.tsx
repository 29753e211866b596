// Remove (hide) a document with a reason; the record and the file stay, shown struck through under "show removed".
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRow } from '../../../electron/contract/procedures/documents';
import { call, isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { documentKeys } from './api';

export function RemoveDocumentModal({ row, onClose, onStale }: { row: DocumentRow; onClose: () => void; onStale: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = useMutation({
    mutationFn: () => call('documents.remove', { id: row.id, version: row.version, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentKeys.all });
      notifications.show({ color: 'teal', message: t('documents.removed_done') });
      onClose();
    },
    onError: (e) => {
      if (isApiCallError(e) && e.code === 'conflict.stale') {
        onClose();
        onStale();
      } else setFailure(errorMessage(e, t));
    },
  });

  const submit = (): void => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    remove.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('documents.remove_title', { name: row.fileName })}>
      <Stack gap="sm" data-testid="document-remove-dialog">
        <Text size="sm">{t('documents.remove_explain')}</Text>
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Textarea
          label={t('documents.remove_reason')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={missing ? t('validation.required') : undefined}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          data-autofocus
          data-testid="document-remove-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={submit} loading={remove.isPending} data-testid="document-remove-submit">
            {t('documents.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
