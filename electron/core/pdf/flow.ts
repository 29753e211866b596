// Page geometry and the flow cursor that blocks (paragraphs, tables, signatures) draw through.
import type { FontFaces } from './fonts';
import type { TextRenderer } from './text-draw';
import type { Digits, Lang } from './types';

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * Margins in mm. 20 mm at the sides is what postal sorting and most office printers accept;
 * the top leaves room for the letterhead, the bottom for the footer and page number.
 */
export const PAGE = {
  side: 20,
  top: 12,
  bodyTopWithLetterhead: 44,
  bodyTopPlain: 20,
  bottom: 26,
  footerBaseline: 10,
} as const;

export interface Flow {
  readonly faces: FontFaces;
  readonly renderer: TextRenderer;
  readonly lang: Lang;
  readonly digits: Digits;
  readonly rtl: boolean;
  /** Left edge and width of the text column, in pt. */
  readonly left: number;
  readonly width: number;
  /** Cursor: distance from the page top, in pt. */
  y: number;
  /** Page-bottom limit for content, from the page top, in pt. */
  readonly bottom: number;
  /** Operators of the current page. */
  ops(): string[];
  /** Starts a new page when `height` doesn't fit below the cursor; true if it did. */
  ensure(height: number): boolean;
  newPage(): void;
  /** Converts a distance from the page top to a PDF y coordinate. */
  pdfY(top: number): number;
}

export const fmt = (n: number): string => (Math.round(n * 100) / 100).toString();

/** Fills a rectangle given by its top-left corner in page-top coordinates. */
export function fillRect(flow: Flow, x: number, top: number, w: number, h: number, gray: number): void {
  flow.ops().push(`q ${fmt(gray)} g ${fmt(x)} ${fmt(flow.pdfY(top + h))} ${fmt(w)} ${fmt(h)} re f Q`);
}

export function strokeRect(flow: Flow, x: number, top: number, w: number, h: number, gray: number, lineWidth: number): void {
  flow.ops().push(`q ${fmt(gray)} G ${fmt(lineWidth)} w ${fmt(x)} ${fmt(flow.pdfY(top + h))} ${fmt(w)} ${fmt(h)} re S Q`);
}

export function hLine(ops: string[], x1: number, x2: number, y: number, gray: number, lineWidth: number): void {
  ops.push(`q ${fmt(gray)} G ${fmt(lineWidth)} w ${fmt(x1)} ${fmt(y)} m ${fmt(x2)} ${fmt(y)} l S Q`);
}
