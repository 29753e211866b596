// Documents of a case, a debtor/guarantor or a client: upload (for documents.write), the list, preview, export, edit, remove.
import { Alert, Card, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentOwner, DocumentRow } from '../../../electron/contract/procedures/documents';
import { roleHas } from '../../../electron/contract/roles';
import { useAuthState } from '../../api/auth-store';
import { downloadBase64 } from '../../api/bytes';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { StaleDialog } from '../../components/StaleDialog';
import { useFormat } from '../../i18n/useFormat';
import { documentKeys, useDocuments } from './api';
import { DocumentsTable } from './DocumentsTable';
import { EditDocumentModal } from './EditDocumentModal';
import { PreviewModal } from './PreviewModal';
import { RemoveDocumentModal } from './RemoveDocumentModal';
import { UploadQueue } from './UploadQueue';

type Open = { what: 'preview' | 'edit' | 'remove'; row: DocumentRow } | null;

export function DocumentsPanel({ owner }: { owner: DocumentOwner }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const auth = useAuthState();
  const queryClient = useQueryClient();
  const [showRemoved, setShowRemoved] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [stale, setStale] = useState(false);
  const list = useDocuments(owner, showRemoved);
  const canWrite = auth.phase === 'signedIn' && roleHas(auth.session.user.role, 'documents.write');

  // Export is audited (the file leaves the encrypted store); the browser's download shows the Save dialog in Electron.
  const exporter = useMutation({
    mutationFn: (row: DocumentRow) => call('documents.export', { id: row.id }),
    onSuccess: (content) => downloadBase64(content.contentBase64, content.fileName, content.mime),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });
  const exporting = exporter.isPending ? (exporter.variables?.id ?? null) : null;
  const rows = list.data ?? [];
  const removedCount = rows.filter((r) => r.removedAt !== null).length;

  return (
    <Card withBorder padding="lg" data-testid="documents-panel">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('documents.title')}
            {list.data ? (
              <Text span c="dimmed" size="sm" ms="xs" data-testid="documents-count">
                ({fmt.number(rows.length - removedCount)})
              </Text>
            ) : null}
          </Title>
          <Switch
            label={t('documents.show_removed')}
            checked={showRemoved}
            onChange={(e) => setShowRemoved(e.currentTarget.checked)}
            data-testid="documents-show-removed"
          />
        </Group>
        {canWrite ? <UploadQueue owner={owner} /> : null}
        {list.isPending ? <Loader size="sm" /> : null}
        {list.isError ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
        {list.data && rows.length === 0 ? (
          <Text c="dimmed" data-testid="documents-empty">
            {canWrite ? t('documents.empty_write') : t('documents.empty')}
          </Text>
        ) : null}
        {rows.length > 0 ? (
          <DocumentsTable
            rows={rows}
            canWrite={canWrite}
            exporting={exporting}
            onPreview={(row) => setOpen({ what: 'preview', row })}
            onExport={(row) => exporter.mutate(row)}
            onEdit={(row) => setOpen({ what: 'edit', row })}
            onRemove={(row) => setOpen({ what: 'remove', row })}
          />
        ) : null}
      </Stack>
      {open?.what === 'preview' ? (
        <PreviewModal row={open.row} onClose={() => setOpen(null)} onExport={(row) => exporter.mutate(row)} exporting={exporting === open.row.id} />
      ) : null}
      {open?.what === 'edit' ? <EditDocumentModal row={open.row} onClose={() => setOpen(null)} /> : null}
      {open?.what === 'remove' ? <RemoveDocumentModal row={open.row} onClose={() => setOpen(null)} onStale={() => setStale(true)} /> : null}
      <StaleDialog
        opened={stale}
        rows={[]}
        onClose={() => setStale(false)}
        onReload={() => {
          setStale(false);
          void queryClient.invalidateQueries({ queryKey: documentKeys.all });
        }}
      />
    </Card>
  );
}
