// Reset another user's password (partners): a new password with the strength meter, checked against that user's name.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { UserRow } from '../../../electron/contract/procedures/office';
import { newPasswordSchema } from '../../../electron/contract/procedures/auth';
import { call } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { errorMessage } from '../../components/errorMessage';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { refineNewPassword } from '../../components/passwordForms';

function schemaFor(username: string) {
  return z
    .object({ password: newPasswordSchema, confirm: z.string() })
    .superRefine((v, ctx) => refineNewPassword({ ...v, username }, ctx));
}
type ResetForm = z.input<ReturnType<typeof schemaFor>>;

export function ResetPasswordModal({
  user,
  reactivated = false,
  onClose,
}: {
  user: UserRow;
  /** Just reactivated: the old password no longer opens the vault, so a new one is needed now. */
  reactivated?: boolean;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ResetForm>({
    resolver: zodResolver(schemaFor(user.username)),
    defaultValues: { password: '', confirm: '' },
  });

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await call('users.resetPassword', { id: user.id, username: user.username, password });
      notifications.show({ color: 'teal', message: t('users.password_reset_done', { name: user.displayName }) });
      onClose();
    } catch (e) {
      if (applyFieldIssues(e, form.setError, ['password']) === 0) setFailure(errorMessage(e, t));
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('users.reset_password')} size="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="reset-password-form">
        <Stack gap="sm">
          {reactivated ? <Alert color="teal">{t('users.reactivated_needs_password', { name: user.displayName })}</Alert> : null}
          <Text size="sm">{t('users.reset_for', { name: user.displayName })}</Text>
          {failure ? <Alert color="red">{failure}</Alert> : null}
          <NewPasswordFields
            form={form}
            passwordField="password"
            confirmField="confirm"
            username={user.username}
            testIdPrefix="reset"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('users.reset_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
