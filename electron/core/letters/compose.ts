// Draws a rendered template (the domain's neutral letter blocks) with the PDF engine, and builds the letterhead from the office profile.
import type { LetterBlock } from '../../domain/template';
import type { ContentBuilder, DocumentOptions, ImageSource, Letterhead, RichText } from '../pdf';
import type { LetterContent } from '../pdf';

/** Space a blank template line leaves, in mm (about half a body line: paragraph spacing, not an empty line). */
const BLANK_MM = 3;
/** Line heights (× font size): tight inside a block of lines, a little more in body paragraphs. */
const BLOCK_LEADING = 1.4;
const PARAGRAPH_LEADING = 1.55;

export interface ComposeOptions {
  /** Caption under the QR code; defaults to the one the template rendered in the letter's language. */
  qrLabel?: RichText;
}

// Headings and titles carry their own space above and below; a blank line beside them would double it.
const SPACED = new Set<LetterBlock['kind']>(['title', 'heading', 'qr']);

function drawBlock(doc: ContentBuilder, b: LetterBlock, prev: LetterBlock | undefined, next: LetterBlock | undefined, opts: ComposeOptions): void {
  switch (b.kind) {
    case 'title':
      doc.heading(b.spans, { level: 1, align: 'center' });
      return;
    case 'heading':
      doc.heading(b.spans, { level: 2, align: b.align ?? 'start' });
      return;
    case 'line': {
      // Lines of one block (an address, the reference and date, a signature) sit tight; a paragraph on its
      // own keeps the engine's reading leading. Unaligned lines are justified: the last line of a justified
      // paragraph stays ragged, so a one-line paragraph simply starts at the start edge.
      const inBlock = prev?.kind === 'line' || next?.kind === 'line';
      doc.paragraph(b.spans, { align: b.align ?? 'justify', spaceAfter: 0, lineHeight: inBlock ? BLOCK_LEADING : PARAGRAPH_LEADING });
      return;
    }
    case 'space':
      if ((prev && SPACED.has(prev.kind)) || (next && SPACED.has(next.kind))) return;
      doc.spacer(BLANK_MM * Math.min(b.lines ?? 1, 6));
      return;
    case 'rule':
      doc.rule();
      return;
    case 'qr': {
      if (!b.code) return; // no code, no box: a preview without a letter number
      const label = opts.qrLabel ?? b.label;
      doc.codeBox(b.code, label === undefined ? {} : { label });
      return;
    }
  }
}

/** The letter's drawing: title → centred level-1 heading, heading → level 2, lines → paragraphs, qr → the verification box. */
export function composeLetter(blocks: readonly LetterBlock[], opts: ComposeOptions = {}): LetterContent {
  return (doc) => {
    blocks.forEach((b, i) => drawBlock(doc, b, blocks[i - 1], blocks[i + 1], opts));
  };
}

/** The office profile fields the letterhead uses (a subset of the office record). */
export interface OfficeLetterhead {
  nameAr: string;
  nameEn: string;
  licenceNumber: string;
  crNumber: string;
  address: string;
  phone: string;
  email: string;
  /** Data URL (PNG or JPEG) or ''. */
  logo: string;
}

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/;

/** The logo data URL as engine image bytes; undefined when empty or not a PNG/JPEG data URL. */
export function logoImage(dataUrl: string): ImageSource | undefined {
  const m = DATA_URL.exec(dataUrl.trim());
  if (!m?.[2]) return undefined;
  const bytes = new Uint8Array(Buffer.from(m[2], 'base64'));
  return bytes.length > 0 ? { bytes, type: m[1] === 'png' ? 'png' : 'jpeg' } : undefined;
}

const ARABIC = /[\u0600-\u06ff]/;

/** Letterhead from the office profile: the one address goes on the side of its script. */
export function officeLetterhead(office: OfficeLetterhead): Letterhead {
  const address = office.address.trim();
  const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
  return {
    nameAr: office.nameAr,
    nameEn: office.nameEn,
    licence: optional(office.licenceNumber),
    cr: optional(office.crNumber),
    addressAr: address && ARABIC.test(address) ? address : undefined,
    addressEn: address && !ARABIC.test(address) ? address : undefined,
    phone: optional(office.phone),
    email: optional(office.email),
    logo: logoImage(office.logo),
  };
}

/** Document options for letters in `lang`: the office letterhead (none before the profile exists) and the digit style. */
export function letterDocumentOptions(
  office: OfficeLetterhead | undefined,
  lang: 'ar' | 'en',
  digits: 'western' | 'arabic',
  extra: { footer?: readonly RichText[]; title?: string } = {},
): DocumentOptions {
  return {
    lang,
    digits,
    ...(office ? { letterhead: officeLetterhead(office) } : {}),
    ...(extra.footer ? { footer: extra.footer } : {}),
    ...(extra.title ? { title: extra.title } : {}),
  };
}
