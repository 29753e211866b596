// The in-app preview: a PDF in Chromium's viewer, an image from a blob: URL (revoked on close), plain text decoded as it is
// encoded (UTF-8, UTF-16 or Windows-1256 Arabic); other kinds offer an export.
import { Alert, Button, Center, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentContent, DocumentRow } from '../../../electron/contract/procedures/documents';
import { decodeTextDocument } from '../../../electron/domain/file-kind';
import { base64ToBlob, base64ToBytes } from '../../api/bytes';
import { useFormat } from '../../i18n/useFormat';
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
  } else if (content.data.kind === 'txt') {
    body = <TextPreview content={content.data} />;
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

/** Characters of a text file shown at once: a long export is cut (and says so) rather than freezing the window. */
const MAX_TEXT_CHARS = 200_000;

function TextPreview({ content }: { content: DocumentContent }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  // The stored bytes are unchanged evidence; only what is shown is decoded, with the encoding detected from them.
  const text = useMemo(() => decodeTextDocument(base64ToBytes(content.contentBase64)), [content]);
  if (text === null) return <Text data-testid="preview-none">{t('documents.no_preview')}</Text>;
  const cut = text.length > MAX_TEXT_CHARS;
  return (
    <Stack gap="xs">
      {cut ? (
        <Alert color="yellow" data-testid="preview-text-cut">
          {t('documents.preview_text_cut', { shown: fmt.number(MAX_TEXT_CHARS), total: fmt.number(text.length) })}
        </Alert>
      ) : null}
      <ScrollArea.Autosize mah="70vh" offsetScrollbars>
        <Text component="pre" dir="auto" data-testid="preview-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: 'inherit' }}>
          {cut ? text.slice(0, MAX_TEXT_CHARS) : text}
        </Text>
      </ScrollArea.Autosize>
    </Stack>
  );
}
