// The in-app preview: a PDF in Chromium's viewer, an image from a blob: URL (revoked on close); other kinds offer an export.
import { Alert, Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentContent, DocumentRow } from '../../../electron/contract/procedures/documents';
import { base64ToBlob } from '../../api/bytes';
import { errorMessage } from '../../components/errorMessage';
import { PdfFrame } from '../../components/PdfFrame';
import { useDocumentContent } from './api';

export interface PreviewModalProps {
  row: DocumentRow;
  onClose: () => void;
  onExport: (row: DocumentRow) => void;
  exporting: boolean;
}

export function PreviewModal({ row, onClose, onExport, exporting }: PreviewModalProps): React.JSX.Element {
  const { t } = useTranslation();
  const content = useDocumentContent(row.id, row.canPreview);

  let body: React.JSX.Element;
  if (!row.canPreview) {
    body = (
      <Stack gap="md" align="center" py="xl" data-testid="preview-none">
        <Text>{t('documents.no_preview')}</Text>
        <Button leftSection={<IconDownload size={16} />} onClick={() => onExport(row)} loading={exporting} data-testid="preview-export">
          {t('documents.export')}
        </Button>
      </Stack>
    );
  } else if (content.isPending) {
    body = (
      <Center py="xl">
        <Loader />
      </Center>
    );
  } else if (content.isError) {
    body = <Alert color="red">{errorMessage(content.error, t)}</Alert>;
  } else if (content.data.kind === 'pdf') {
    body = <PdfFrame base64={content.data.contentBase64} title={row.fileName} height="75vh" />;
  } else {
    body = <ImagePreview content={content.data} alt={row.fileName} />;
  }

  return (
    <Modal opened onClose={onClose} size="90%" title={<bdi>{row.fileName}</bdi>}>
      <Stack gap="sm" data-testid="preview-dialog">
        {body}
        {row.canPreview ? (
          <Group justify="flex-end">
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => onExport(row)} loading={exporting}>
              {t('documents.export')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Modal>
  );
}

function ImagePreview({ content, alt }: { content: DocumentContent; alt: string }): React.JSX.Element {
  const img = useRef<HTMLImageElement>(null);
  // The blob: URL lives exactly as long as this image shows these bytes.
  useEffect(() => {
    const url = URL.createObjectURL(base64ToBlob(content.contentBase64, content.mime));
    if (img.current) img.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [content]);
  return (
    <Center>
      <img ref={img} alt={alt} data-testid="preview-image" style={{ maxInlineSize: '100%', maxBlockSize: '75vh', objectFit: 'contain' }} />
    </Center>
  );
}
