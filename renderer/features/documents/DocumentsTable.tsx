// The documents of one owner: type, name, detected kind, size, date, notes, who and when; preview, export, edit, remove.
import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconEdit, IconEye, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentRow } from '../../../electron/contract/procedures/documents';
import { useFormat } from '../../i18n/useFormat';
import { formatSize } from './documentText';

export interface DocumentsTableProps {
  rows: DocumentRow[];
  canWrite: boolean;
  exporting: number | null;
  onPreview: (row: DocumentRow) => void;
  onExport: (row: DocumentRow) => void;
  onEdit: (row: DocumentRow) => void;
  onRemove: (row: DocumentRow) => void;
}

export function DocumentsTable({ rows, canWrite, exporting, onPreview, onExport, onEdit, onRemove }: DocumentsTableProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.type')}</Table.Th>
            <Table.Th>{t('documents.file_name')}</Table.Th>
            <Table.Th>{t('documents.kind')}</Table.Th>
            <Table.Th>{t('documents.size')}</Table.Th>
            <Table.Th>{t('documents.date')}</Table.Th>
            <Table.Th>{t('documents.notes')}</Table.Th>
            <Table.Th>{t('documents.added')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('documents.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => {
            const removed = d.removedAt !== null;
            const struck = removed ? { textDecoration: 'line-through' } : undefined;
            return (
              <Table.Tr key={d.id} data-testid="document-row" data-file-name={d.fileName} data-kind={d.kind} data-removed={removed || undefined}>
                <Table.Td style={struck}>{t(`documents.types.${d.type}`)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" style={{ ...struck, overflowWrap: 'break-word' }} data-testid="document-name">
                      <bdi>{d.fileName}</bdi>
                    </Text>
                    {d.renamed ? (
                      <Tooltip label={t('documents.renamed_hint', { kind: t(`documents.kinds.${d.kind}`, { defaultValue: d.kind.toUpperCase() }) })}>
                        <Badge color="orange" variant="light" size="sm" style={{ flexShrink: 0 }} data-testid="document-renamed">
                          {t('documents.renamed')}
                        </Badge>
                      </Tooltip>
                    ) : null}
                  </Group>
                  {removed ? (
                    <Text size="xs" c="red" data-testid="document-removed-reason">
                      {t('documents.removed_because', { reason: d.removedReason })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ ...struck, whiteSpace: 'nowrap' }} data-testid="document-kind">
                  {t(`documents.kinds.${d.kind}`, { defaultValue: d.kind.toUpperCase() })}
                </Table.Td>
                <Table.Td style={{ ...struck, whiteSpace: 'nowrap' }}>{formatSize(d.size, fmt, t)}</Table.Td>
                <Table.Td style={struck}>
                  <Text size="sm" maw="10rem">
                    {d.documentDate ? fmt.dual(d.documentDate) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={struck}>
                  <Text size="sm" lineClamp={3} maw="12rem" title={d.notes || undefined}>
                    {d.notes || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    <bdi>{d.createdByName}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed" maw="10rem">
                    {fmt.dateTimeDual(d.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <RowAction label={t('documents.preview_of', { name: d.fileName })} tip={t('documents.preview')} onClick={() => onPreview(d)} testId="document-preview">
                      <IconEye size={16} />
                    </RowAction>
                    <RowAction
                      label={t('documents.export_of', { name: d.fileName })}
                      tip={t('documents.export')}
                      onClick={() => onExport(d)}
                      loading={exporting === d.id}
                      testId="document-export"
                    >
                      <IconDownload size={16} />
                    </RowAction>
                    {canWrite && !removed ? (
                      <>
                        <RowAction label={t('documents.edit_of', { name: d.fileName })} tip={t('documents.edit')} onClick={() => onEdit(d)} testId="document-edit">
                          <IconEdit size={16} />
                        </RowAction>
                        <RowAction
                          label={t('documents.remove_of', { name: d.fileName })}
                          tip={t('documents.remove')}
                          onClick={() => onRemove(d)}
                          color="red"
                          testId="document-remove"
                        >
                          <IconTrash size={16} />
                        </RowAction>
                      </>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RowActionProps {
  label: string;
  tip: string;
  onClick: () => void;
  testId: string;
  color?: string;
  loading?: boolean;
  children: React.ReactNode;
}

function RowAction({ label, tip, onClick, testId, color = 'gray', loading = false, children }: RowActionProps): React.JSX.Element {
  return (
    <Tooltip label={tip} withArrow>
      <ActionIcon variant="subtle" color={color} onClick={onClick} aria-label={label} loading={loading} data-testid={testId}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
