// Letterhead, footer and "صفحة ١ من ٣" page numbers, drawn on every page once the page count is known.
import { toArabicIndicDigits } from '../../domain/digits';
import { A4, MM, PAGE, hLine } from './flow';
import type { FontFaces } from './fonts';
import { layoutParagraph } from './paragraph';
import type { LaidParagraph, LayoutStyle } from './paragraph';
import { drawParagraph } from './text-draw';
import type { TextRenderer } from './text-draw';
import type { Digits, Lang, Letterhead, RichText, Span } from './types';

export interface PlacedImage {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

export interface FurnitureContext {
  readonly faces: FontFaces;
  readonly renderer: TextRenderer;
  readonly lang: Lang;
  readonly digits: Digits;
  readonly letterhead: Letterhead | undefined;
  readonly footer: readonly RichText[];
  readonly pageNumbers: boolean;
  readonly logo: PlacedImage | undefined;
}

const LEFT = PAGE.side * MM;
const WIDTH = A4.width - 2 * PAGE.side * MM;
const LOGO_MAX_H = 16 * MM;
const LOGO_MAX_W = 32 * MM;

function style(size: number, bold: boolean, align: LayoutStyle['align'], dir: LayoutStyle['dir']): LayoutStyle {
  return { size, bold, align, lineHeight: 1.35, dir };
}

export function pageLabel(lang: Lang, digits: Digits, page: number, total: number): string {
  const text = lang === 'ar' ? `صفحة ${page} من ${total}` : `Page ${page} of ${total}`;
  return digits === 'arabic' ? toArabicIndicDigits(text) : text;
}

/** Office names shrink (down to 10 pt) before they wrap: a letterhead name reads as one line. */
function fitOneLine(ctx: FurnitureContext, text: string, size: number, dir: 'rtl' | 'ltr', width: number): LaidParagraph {
  let laid = layoutParagraph(ctx.faces, text, style(size, true, 'start', dir), width);
  for (let s = size - 0.5; laid.lines.length > 1 && s >= 10; s -= 0.5) {
    laid = layoutParagraph(ctx.faces, text, style(s, true, 'start', dir), width);
  }
  return laid;
}

function drawLetterhead(ctx: FurnitureContext, head: Letterhead, ops: string[]): void {
  const top = A4.height - PAGE.top * MM;
  const logoW = ctx.logo ? Math.min(LOGO_MAX_W, (ctx.logo.width / ctx.logo.height) * LOGO_MAX_H) : 0;
  const blockW = (WIDTH - logoW - 8 * MM) / 2;
  const sep = ' — ';
  const arDetails = [head.licence ? `ترخيص رقم ${head.licence}` : '', head.cr ? `سجل تجاري ${head.cr}` : ''].filter(Boolean).join(sep);
  const enDetails = [head.licence ? `Licence No. ${head.licence}` : '', head.cr ? `CR ${head.cr}` : ''].filter(Boolean).join(sep);
  // Arabic at the right, English at the left, whatever the document language: the office's identity.
  const ar = fitOneLine(ctx, head.nameAr, 14, 'rtl', blockW);
  const arSmall = layoutParagraph(ctx.faces, [arDetails, head.addressAr ?? ''].filter(Boolean).join('\n'), style(8.5, false, 'start', 'rtl'), blockW);
  const en = fitOneLine(ctx, head.nameEn, 12.5, 'ltr', blockW);
  const enSmall = layoutParagraph(ctx.faces, [enDetails, head.addressEn ?? ''].filter(Boolean).join('\n'), style(8.5, false, 'start', 'ltr'), blockW);
  const rightX = LEFT + WIDTH - blockW;
  drawParagraph(ops, ctx.renderer, ar, rightX, top);
  drawParagraph(ops, ctx.renderer, arSmall, rightX, top - ar.lines.length * ar.lineHeight);
  drawParagraph(ops, ctx.renderer, en, LEFT, top - 1.5);
  drawParagraph(ops, ctx.renderer, enSmall, LEFT, top - 1.5 - en.lines.length * en.lineHeight);
  if (ctx.logo) {
    const h = (logoW / ctx.logo.width) * ctx.logo.height;
    const x = LEFT + (WIDTH - logoW) / 2;
    ops.push(`q ${logoW.toFixed(2)} 0 0 ${h.toFixed(2)} ${x.toFixed(2)} ${(top - h).toFixed(2)} cm /${ctx.logo.name} Do Q`);
  }
  hLine(ops, LEFT, LEFT + WIDTH, A4.height - (PAGE.bodyTopWithLetterhead - 6) * MM, 0.45, 0.8);
}

function footerLines(ctx: FurnitureContext): readonly RichText[] {
  if (ctx.footer.length) return ctx.footer;
  const head = ctx.letterhead;
  if (!head) return [];
  const address = ctx.lang === 'ar' ? head.addressAr : head.addressEn;
  // Phone and e-mail are isolated so "+966 11 234 5678" keeps its groups in order in Arabic.
  const parts: Span[] = [];
  for (const [text, isolate] of [[address, false], [head.phone, true], [head.email, true]] as const) {
    if (!text) continue;
    if (parts.length) parts.push({ text: ' — ' });
    parts.push(isolate ? { text, isolate: 'ltr' } : { text });
  }
  return parts.length ? [parts] : [];
}

/** Draws the repeated parts of page `page` of `total` (1-based) into `ops`. */
export function drawFurniture(ctx: FurnitureContext, ops: string[], page: number, total: number): void {
  if (ctx.letterhead) drawLetterhead(ctx, ctx.letterhead, ops);
  const dir = ctx.lang === 'ar' ? 'rtl' : 'ltr';
  let bottom = PAGE.footerBaseline * MM;
  if (ctx.pageNumbers) {
    const label = layoutParagraph(ctx.faces, pageLabel(ctx.lang, ctx.digits, page, total), style(8.5, false, 'center', dir), WIDTH);
    drawParagraph(ops, ctx.renderer, label, LEFT, bottom + label.lineHeight);
    bottom += label.lineHeight;
  }
  const lines = footerLines(ctx);
  if (lines.length) {
    const laid = lines.map((line) => layoutParagraph(ctx.faces, line, style(8, false, 'center', dir), WIDTH));
    const height = laid.reduce((h, p) => h + p.lines.length * p.lineHeight, 0);
    let top = bottom + height;
    hLine(ops, LEFT, LEFT + WIDTH, top + 2, 0.6, 0.5);
    for (const p of laid) {
      ops.push('q 0.3 g');
      drawParagraph(ops, ctx.renderer, p, LEFT, top);
      ops.push('Q');
      top -= p.lines.length * p.lineHeight;
    }
  }
}
