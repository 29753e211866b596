// What letters print under a lawyer's signature: licence number and direct phone (users.update).
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../electron/contract/procedures/office';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { errorMessage } from '../../components/errorMessage';

export function UserLetterDetailsModal({ user, onClose }: { user: UserRow; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [licence, setLicence] = useState(user.licenceNumber);
  const [phone, setPhone] = useState(user.phone);
  const save = useMutation({
    mutationFn: () => call('users.update', { id: user.id, licenceNumber: licence, phone }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('users.letter_details_title', { name: user.displayName })} data-testid="user-letter-details">
      <Stack>
        <TextInput
          label={t('users.licence_number')}
          description={t('users.licence_hint')}
          value={licence}
          onChange={(e) => setLicence(e.currentTarget.value)}
          dir="ltr"
          maxLength={30}
          data-testid="user-licence"
        />
        <TextInput label={t('users.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} dir="ltr" maxLength={30} data-testid="user-phone" />
        {save.isError ? <Alert color="red">{errorMessage(save.error, t)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="user-letter-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
