// A PDF shown in the app from bytes in memory: a blob: URL in an iframe (Chromium's viewer), revoked on unmount.
import { useEffect, useRef } from 'react';
import { base64ToBlob } from '../api/bytes';

export function PdfFrame({ base64, title, height = 640 }: { base64: string; title: string; height?: number | string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  // The blob: URL lives exactly as long as this frame shows these bytes (StrictMode's double effect included).
  useEffect(() => {
    const url = URL.createObjectURL(base64ToBlob(base64, 'application/pdf'));
    // Chromium's viewer: no thumbnail sidebar, the page fitted to the frame's width.
    if (frame.current) frame.current.src = `${url}#navpanes=0&view=FitH`;
    return () => URL.revokeObjectURL(url);
  }, [base64]);
  return (
    <iframe
      ref={frame}
      title={title}
      data-testid="pdf-frame"
      style={{ inlineSize: '100%', blockSize: height, border: '1px solid var(--mantine-color-gray-4)' }}
    />
  );
}

/** Open a PDF in a new window/tab (browser mode) — the way to print it there. */
export function openPdf(base64: string): void {
  const url = URL.createObjectURL(base64ToBlob(base64, 'application/pdf'));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
