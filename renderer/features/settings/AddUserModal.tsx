// Add a user: name, username, role, initial password (strength meter + confirmation), validated with the contract's userCreateInput.
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { userCreateInput } from '../../../electron/contract/procedures/office';
import { ROLES } from '../../../electron/contract/roles';
import { call, isApiCallError } from '../../api/client';
import { applyFieldIssues } from '../../api/form-errors';
import { queryKeys } from '../../api/queries';
import { errorMessage, fieldMessage } from '../../components/errorMessage';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { refineNewPassword } from '../../components/passwordForms';

const addUserForm = z
  .object({ ...userCreateInput.shape, confirm: z.string() })
  .superRefine((v, ctx) => refineNewPassword(v, ctx));
type AddUserForm = z.input<typeof addUserForm>;

const EMPTY: AddUserForm = { displayName: '', username: '', role: 'staff', password: '', confirm: '', lang: 'ar' };

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<AddUserForm, unknown, z.output<typeof addUserForm>>({
    resolver: zodResolver(addUserForm),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  const username = form.watch('username');

  const close = (): void => {
    form.reset(EMPTY);
    setFailure(null);
    onClose();
  };

  const onSubmit = form.handleSubmit(async ({ confirm: _confirm, ...input }) => {
    setFailure(null);
    try {
      await call('users.create', input);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      notifications.show({ color: 'teal', message: t('users.added', { name: input.displayName }) });
      close();
    } catch (e) {
      if (isApiCallError(e) && e.code === 'users.username_taken') {
        form.setError('username', { type: 'server', message: 'validation.username_taken' });
      } else if (applyFieldIssues(e, form.setError, ['displayName', 'username', 'role', 'password']) === 0) {
        setFailure(errorMessage(e, t));
      }
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t('users.add')} size="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="add-user">
        <Stack gap="sm">
          {failure ? <Alert color="red">{failure}</Alert> : null}
          <TextInput
            label={t('users.display_name')}
            withAsterisk
            data-testid="add-user-displayName"
            error={fieldMessage(errors.displayName?.message, t)}
            {...form.register('displayName')}
          />
          <TextInput
            label={t('login.username')}
            description={t('users.username_hint')}
            withAsterisk
            dir="ltr"
            autoComplete="off"
            data-testid="add-user-username"
            error={fieldMessage(errors.username?.message, t)}
            {...form.register('username')}
          />
          <Controller
            control={form.control}
            name="role"
            render={({ field, fieldState }) => (
              <Select
                label={t('users.role')}
                data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? 'staff')}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                error={fieldMessage(fieldState.error?.message, t)}
                data-testid="add-user-role"
              />
            )}
          />
          <NewPasswordFields
            form={form}
            passwordField="password"
            confirmField="confirm"
            username={username}
            testIdPrefix="add-user"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="add-user-submit">
              {t('users.add_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
