// "Changed by someone else": the fields that differ, yours beside the current ones, and a reload that takes the current record.
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface StaleRow {
  label: string;
  mine: string;
  theirs: string;
}

export interface StaleDialogProps {
  opened: boolean;
  rows: StaleRow[];
  onReload: () => void;
  onClose: () => void;
}

export function StaleDialog({ opened, rows, onReload, onClose }: StaleDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('stale.title')} size="lg">
      <Stack gap="sm" data-testid="stale-dialog">
        <Alert color="orange">{t('stale.explain')}</Alert>
        {rows.length > 0 ? (
          <Table withTableBorder data-testid="stale-diff">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stale.field')}</Table.Th>
                <Table.Th>{t('stale.yours')}</Table.Th>
                <Table.Th>{t('stale.current')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.label}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{r.mine || '—'}</Table.Td>
                  <Table.Td>{r.theirs || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('stale.no_diff')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('stale.keep_mine')}
          </Button>
          <Button onClick={onReload} data-testid="stale-reload">
            {t('stale.reload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The top-level fields whose values differ between two records, as display text. */
export function diffRecords(
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  label: (field: string) => string,
): StaleRow[] {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
  };
  return Object.keys(mine)
    .filter((k) => k in theirs && show(mine[k]) !== show(theirs[k]))
    .map((k) => ({ label: label(k), mine: show(mine[k]), theirs: show(theirs[k]) }));
}
