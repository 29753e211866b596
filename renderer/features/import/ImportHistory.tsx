// The imports made (of one client or all): file, who, when, counts, and undo while nobody has worked on the cases.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../../electron/contract/procedures/imports';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';
import { areaKeys } from '../cases/api';

export const importKeys = { imports: ['imports'] as const };

export function ImportHistory({ clientId }: { clientId: number | null }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: [...importKeys.imports, clientId], queryFn: () => call('imports.list', { clientId }) });
  const [confirm, setConfirm] = useState<ImportRow | null>(null);
  const undo = useMutation({
    mutationFn: (id: number) => call('imports.undo', { id }),
    onSuccess: async () => {
      setConfirm(null);
      notifications.show({ color: 'green', message: t('imports.undone') });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.imports }),
        queryClient.invalidateQueries({ queryKey: areaKeys.cases }),
        queryClient.invalidateQueries({ queryKey: areaKeys.parties }),
      ]);
    },
  });
  const rows = list.data ?? [];
  return (
    <Stack gap="sm" data-testid="import-history">
      <Title order={3}>{t('imports.history_title')}</Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('imports.history_empty')}</Text>
      ) : (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.col_file')}</Table.Th>
              <Table.Th>{t('imports.col_client')}</Table.Th>
              <Table.Th>{t('imports.col_when')}</Table.Th>
              <Table.Th>{t('imports.col_by')}</Table.Th>
              <Table.Th>{t('imports.col_counts')}</Table.Th>
              <Table.Th>{t('imports.col_status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="import-history-row" data-status={r.status} data-file={r.fileName}>
                <Table.Td>{r.fileName}</Table.Td>
                <Table.Td>{r.clientName}</Table.Td>
                <Table.Td>{fmt.dateTime(r.createdAt)}</Table.Td>
                <Table.Td>{r.createdByName}</Table.Td>
                <Table.Td>
                  {fmt.number(r.casesCreated)} / {fmt.number(r.casesMatched)} · {fmt.number(r.debtorsCreated)}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'committed' ? 'green' : 'gray'} variant="light">
                    {t(`imports.statuses.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.status === 'committed' ? (
                    <Button size="xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => setConfirm(r)} data-testid="import-undo">
                      {t('imports.undo')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('imports.undo_title')} data-testid="import-undo-modal">
        <Stack gap="md">
          <Text>{t('imports.undo_confirm', { count: confirm?.casesCreated ?? 0 })}</Text>
          {undo.isError ? (
            <Alert color="red" data-testid="import-undo-error">
              {errorMessage(undo.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={undo.isPending} onClick={() => confirm && undo.mutate(confirm.id)} data-testid="import-undo-confirm">
              {t('imports.undo')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
