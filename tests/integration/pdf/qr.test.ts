// The verification QR code on a real letter: qpdf accepts the file, and zbarimg reads the code back from a 300 dpi raster.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../../electron/core/pdf';
import { VERIFY_PREFIX } from '../../../electron/core/pdf/qr';
import { arabicOptions, demandLetter } from '../../fixtures/pdf/letters';
import { qpdfCheck, writePdf } from './tools';

const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;

/** Renders each page at `dpi` and returns what zbarimg reads on it (one entry per symbol). */
function decodePages(pdf: string, dpi: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tahseel-qr-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'page')]);
    return readdirSync(dir)
      .sort()
      .flatMap((png) => {
        const r = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, png)], { encoding: 'utf8' });
        return r.stdout.split('\n').filter(Boolean);
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('verification QR code on a letter', async () => {
  // The fixture letter ends with codeBox('V7K-92QX'); a second, longer code in a smaller box goes on the next page.
  const doc = createDocument(arabicOptions);
  demandLetter()(doc);
  doc.pageBreak().codeBox('K7Q2-M9XD-4TFA', { label: 'رمز التحقق', sizeMm: 18 });
  const path = writePdf(await doc.finish(), 'letter-qr');

  it('passes qpdf --check', () => {
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
  });

  it.skipIf(!hasZbar)('decodes to the prefixed verification code at 300 dpi (zbarimg)', () => {
    expect(decodePages(path, 300)).toEqual([`${VERIFY_PREFIX}V7K-92QX`, `${VERIFY_PREFIX}K7Q2-M9XD-4TFA`]);
  });

  it.skipIf(!hasZbar)('still decodes at 150 dpi, a fax or a quick office scan', () => {
    expect(decodePages(path, 150)).toEqual([`${VERIFY_PREFIX}V7K-92QX`, `${VERIFY_PREFIX}K7Q2-M9XD-4TFA`]);
  });
});
