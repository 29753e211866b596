// A letter's PDF exactly as printed (letters.pdf) in a modal, with a download and, in browser mode, a new tab to print from.
import { Alert, Button, Group, Loader, Modal, Stack } from '@mantine/core';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { downloadBase64 } from '../../api/bytes';
import { errorMessage } from '../../components/errorMessage';
import { openPdf, PdfFrame } from '../../components/PdfFrame';
import { letterKeys } from './api';

/** The desktop app prints from the PDF viewer itself; a browser tab is the way to print in browser mode. */
export const isBrowserMode = (): boolean => !window.tahseel;

export function PdfActions({ base64, fileName }: { base64: string; fileName: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconDownload size={16} />}
        onClick={() => downloadBase64(base64, fileName, 'application/pdf')}
        data-testid="pdf-download"
      >
        {t('letters.download')}
      </Button>
      {isBrowserMode() ? (
        <Button variant="default" leftSection={<IconExternalLink size={16} />} onClick={() => openPdf(base64)} data-testid="pdf-new-tab">
          {t('letters.open_new_tab')}
        </Button>
      ) : null}
    </Group>
  );
}

export function LetterPdfModal({ letterId, title, onClose }: { letterId: number; title: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const pdf = useQuery({
    queryKey: [...letterKeys.letters, 'pdf', letterId],
    queryFn: () => call('letters.pdf', { id: letterId }),
    staleTime: Infinity,
    gcTime: 60_000,
  });
  return (
    <Modal opened onClose={onClose} title={title} size="xl" data-testid="letter-pdf-modal">
      <Stack gap="sm">
        {pdf.isPending ? <Loader /> : null}
        {pdf.isError ? <Alert color="red">{errorMessage(pdf.error, t)}</Alert> : null}
        {pdf.data ? (
          <>
            <PdfActions base64={pdf.data.pdfBase64} fileName={pdf.data.fileName} />
            <PdfFrame base64={pdf.data.pdfBase64} title={title} height="70vh" />
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
