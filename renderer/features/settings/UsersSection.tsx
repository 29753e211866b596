// Users: everyone with users.read sees the list; partners add users, change roles, deactivate/reactivate, reset passwords.
import { Alert, Badge, Button, Card, Group, Loader, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import type { UserRow } from '../../../electron/contract/procedures/office';
import { ROLES, type Role } from '../../../electron/contract/roles';
import { sessionUpdated } from '../../api/auth-store';
import { call } from '../../api/client';
import { queryKeys, useUsers } from '../../api/queries';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { AddUserModal } from './AddUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserLetterDetailsModal } from './UserLetterDetailsModal';

type Update = { id: string; role?: Role; active?: boolean };

export function UsersSection({ session, canEdit }: { session: SessionInfo; canEdit: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const users = useUsers(true);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reactivated, setReactivated] = useState(false);
  const [details, setDetails] = useState<UserRow | null>(null);

  const update = useMutation({
    mutationFn: (input: Update) => call('users.update', input),
    onMutate: () => setFailure(null),
    onSuccess: async (row, input) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      // My own role changed: the shell and the tabs must follow.
      if (input.id === session.user.id) sessionUpdated(await call('session.me', {}));
      // Deactivation removed the user's key: coming back needs a new password.
      if (input.active === true) {
        setResetting(row);
        setReactivated(true);
      }
    },
    onError: (e) => setFailure(errorMessage(e, t)),
  });

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const createdOn = (iso: string): string => fmt.dual(iso.slice(0, 10));

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('users.title')}</Title>
          {canEdit ? (
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => setAdding(true)} data-testid="users-add">
              {t('users.add')}
            </Button>
          ) : null}
        </Group>
        {failure ? (
          <Alert color="red" withCloseButton onClose={() => setFailure(null)} role="alert" data-testid="users-error">
            {failure}
          </Alert>
        ) : null}
        {users.isPending ? <Loader /> : null}
        {users.isError ? <Alert color="red">{errorMessage(users.error, t)}</Alert> : null}
        {users.data ? (
          <ScrollArea>
            <Table verticalSpacing="sm" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.display_name')}</Table.Th>
                  <Table.Th>{t('login.username')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.created')}</Table.Th>
                  {canEdit ? <Table.Th>{t('users.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((u) => {
                  const self = u.id === session.user.id;
                  return (
                    <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                      <Table.Td>
                        {u.displayName}
                        {self ? (
                          <Text span c="dimmed" size="xs" ms={6}>
                            {t('users.you')}
                          </Text>
                        ) : null}
                        {u.licenceNumber ? (
                          <Text size="xs" c="dimmed">
                            {t('users.licence_short')} <bdi>{u.licenceNumber}</bdi>
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td dir="ltr" ta="start">
                        {u.username}
                      </Table.Td>
                      <Table.Td>
                        {canEdit ? (
                          <Select
                            size="xs"
                            w={150}
                            data={roleOptions}
                            value={u.role}
                            allowDeselect={false}
                            aria-label={t('users.role')}
                            data-testid={`user-role-${u.username}`}
                            onChange={(v) => {
                              const role = ROLES.find((r) => r === v);
                              if (role && role !== u.role) update.mutate({ id: u.id, role });
                            }}
                          />
                        ) : (
                          t(`roles.${u.role}`)
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                          {u.active ? t('users.active') : t('users.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{createdOn(u.createdAt)}</Text>
                      </Table.Td>
                      {canEdit ? (
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            {self ? null : (
                              <Button
                                size="xs"
                                variant="light"
                                color={u.active ? 'red' : 'teal'}
                                onClick={() => update.mutate({ id: u.id, active: !u.active })}
                                data-testid={`user-toggle-${u.username}`}
                              >
                                {u.active ? t('users.deactivate') : t('users.reactivate')}
                              </Button>
                            )}
                            <Button size="xs" variant="subtle" onClick={() => setDetails(u)} data-testid={`user-details-${u.username}`}>
                              {t('users.letter_details')}
                            </Button>
                            {u.active ? (
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => {
                                  setReactivated(false);
                                  setResetting(u);
                                }}
                                data-testid={`user-reset-${u.username}`}
                              >
                                {t('users.reset_password')}
                              </Button>
                            ) : null}
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        ) : null}
      </Stack>
      {canEdit ? <AddUserModal opened={adding} onClose={() => setAdding(false)} /> : null}
      {canEdit && details ? <UserLetterDetailsModal user={details} onClose={() => setDetails(null)} /> : null}
      {canEdit && resetting ? (
        <ResetPasswordModal user={resetting} reactivated={reactivated} onClose={() => setResetting(null)} />
      ) : null}
    </Card>
  );
}
