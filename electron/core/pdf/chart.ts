// Charts drawn as vector shapes in greys (they print the same on any printer): horizontal bars, a funnel, vertical columns.
import { MM, fillRect, fmt, hLine, strokeRect } from './flow';
import type { Flow } from './flow';
import { layoutParagraph } from './paragraph';
import type { LaidParagraph } from './paragraph';
import { drawParagraph } from './text-draw';
import type { Align, ChartItem, ChartOptions, RichText } from './types';

const LABEL_SIZE = 8.5;
const VALUE_SIZE = 8;
/** Bar fills from dark to light; a funnel runs down the list, the others alternate so neighbours differ in print. */
const FILLS = [0.3, 0.55, 0.42, 0.68];
const OUTLINE = 0.2;

function laid(flow: Flow, text: RichText, width: number, align: Align, size: number, bold = false): LaidParagraph {
  return layoutParagraph(flow.faces, text, { size, bold, align, lineHeight: 1.3, dir: flow.rtl ? 'rtl' : 'ltr' }, Math.max(1, width));
}

/** A figure as written (digits, separators, a currency code) keeps its own left-to-right order in Arabic pages. */
function figure(display: RichText): RichText {
  return typeof display === 'string' ? [{ text: display, isolate: 'ltr' }] : display;
}

function text(flow: Flow, para: LaidParagraph, x: number, top: number): void {
  drawParagraph(flow.ops(), flow.renderer, para, x, flow.pdfY(top));
}

/** Diagonal hatching over a bar (every other bar), so bars stay apart even when a printer flattens greys. */
function hatch(flow: Flow, x: number, top: number, w: number, h: number): void {
  if (w < 2 || h < 2) return;
  const ops = flow.ops();
  const y0 = flow.pdfY(top + h);
  const parts = [`q ${fmt(x)} ${fmt(y0)} ${fmt(w)} ${fmt(h)} re W n 1 G 0.6 w`];
  for (let d = -h; d < w; d += 4) parts.push(`${fmt(x + d)} ${fmt(y0)} m ${fmt(x + d + h)} ${fmt(y0 + h)} l`);
  parts.push('S Q');
  ops.push(parts.join(' '));
}

function bar(flow: Flow, x: number, top: number, w: number, h: number, i: number, funnel: boolean): void {
  if (w <= 0) return;
  const gray = funnel ? 0.25 + Math.min(0.5, (i * 0.5) / 8) : (FILLS[i % FILLS.length] ?? 0.5);
  fillRect(flow, x, top, w, h, gray);
  if (!funnel && i % 2 === 1) hatch(flow, x, top, w, h);
  strokeRect(flow, x, top, w, h, OUTLINE, 0.4);
}

function drawTitle(flow: Flow, title: RichText | undefined): void {
  if (title === undefined) return;
  const p = laid(flow, title, flow.width, 'start', 10, true);
  text(flow, p, flow.left, flow.y);
  flow.y += p.lines.length * p.lineHeight + 1.5 * MM;
}

/** Bars from the start edge (the right in Arabic) with the label before them and the figure after each bar. */
function horizontal(flow: Flow, items: readonly ChartItem[], funnel: boolean): void {
  const rowH = 7 * MM;
  const barH = 4.6 * MM;
  const labelW = flow.width * 0.28;
  const valueW = flow.width * 0.2;
  const areaW = flow.width - labelW - valueW - 4 * MM;
  const max = Math.max(1, ...items.map((it) => it.value));
  const rtl = flow.rtl;
  // Regions from the start edge: label | gap | bar area | gap | value.
  const labelX = rtl ? flow.left + flow.width - labelW : flow.left;
  const areaX = rtl ? flow.left + valueW + 2 * MM : flow.left + labelW + 2 * MM;
  const valueX = rtl ? flow.left : flow.left + flow.width - valueW;
  const top0 = flow.y;
  items.forEach((it, i) => {
    const top = top0 + i * rowH;
    const w = it.value > 0 ? Math.max(0.8, (it.value / max) * areaW) : 0;
    // A funnel's bars are centred; plain bars grow from the start edge.
    const x = funnel ? areaX + (areaW - w) / 2 : rtl ? areaX + areaW - w : areaX;
    bar(flow, x, top + (rowH - barH) / 2, w, barH, i, funnel);
    const label = laid(flow, it.label, labelW, 'start', LABEL_SIZE);
    text(flow, label, labelX, top + (rowH - label.lines.length * label.lineHeight) / 2);
    const value = laid(flow, figure(it.display), valueW, 'end', VALUE_SIZE, true);
    text(flow, value, valueX, top + (rowH - value.lineHeight) / 2);
  });
  // The axis the bars start from (not for a funnel, whose bars are centred).
  if (!funnel && items.length > 0) {
    const axisX = rtl ? areaX + areaW : areaX;
    flow.ops().push(`q ${fmt(0.35)} G 0.6 w ${fmt(axisX)} ${fmt(flow.pdfY(top0))} m ${fmt(axisX)} ${fmt(flow.pdfY(top0 + items.length * rowH))} l S Q`);
  }
  flow.y = top0 + items.length * rowH;
}

/** Vertical columns (months): the first item at the start edge, its figure above it and its label below. */
function vertical(flow: Flow, items: readonly ChartItem[]): void {
  const areaH = 42 * MM;
  const valueH = 4 * MM;
  const n = Math.max(1, items.length);
  const slot = flow.width / n;
  const colW = Math.min(16 * MM, slot * 0.62);
  const max = Math.max(1, ...items.map((it) => it.value));
  const top0 = flow.y;
  const base = top0 + valueH + areaH;
  items.forEach((it, i) => {
    const slotX = flow.rtl ? flow.left + flow.width - (i + 1) * slot : flow.left + i * slot;
    const h = it.value > 0 ? Math.max(0.8, (it.value / max) * areaH) : 0;
    bar(flow, slotX + (slot - colW) / 2, base - h, colW, h, i, false);
    const size = n > 12 ? 6 : 7;
    const value = laid(flow, figure(it.display), slot, 'center', size, true);
    text(flow, value, slotX, base - h - value.lineHeight - 0.5 * MM);
    const label = laid(flow, it.label, slot, 'center', size);
    text(flow, label, slotX, base + 1 * MM);
  });
  hLine(flow.ops(), flow.left, flow.left + flow.width, flow.pdfY(base), 0.35, 0.6);
  flow.y = base + 1 * MM + 2 * 7 * 1.3;
}

/** A chart block: kept on one page, with its title above it. */
export function drawChart(flow: Flow, items: readonly ChartItem[], opts: ChartOptions): void {
  const titleH = opts.title === undefined ? 0 : 8 * MM;
  const height = opts.kind === 'columns' ? 42 * MM + 16 * MM : items.length * 7 * MM;
  flow.ensure(titleH + height + 2 * MM);
  drawTitle(flow, opts.title);
  if (opts.kind === 'columns') vertical(flow, items);
  else horizontal(flow, items, opts.kind === 'funnel');
  flow.y += (opts.spaceAfter ?? 5) * MM;
}
