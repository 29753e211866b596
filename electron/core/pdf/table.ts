// Tables: weighted column widths and alignment, RTL column order, grey borders and zebra rows, header repeated on each
// page, and a totals row kept with the last row.
import { fillRect, fmt, hLine } from './flow';
import type { Flow } from './flow';
import { layoutParagraph } from './paragraph';
import type { LaidParagraph } from './paragraph';
import { drawParagraph } from './text-draw';
import type { RichText, TableColumn, TableOptions } from './types';

const PAD_X = 4;
const PAD_Y = 2.5;
const HEADER_GRAY = 0.86;
const ZEBRA_GRAY = 0.95;
const BORDER_GRAY = 0.55;

interface Row {
  cells: LaidParagraph[];
  height: number;
}

function layoutRow(flow: Flow, columns: readonly TableColumn[], widths: readonly number[], cells: readonly RichText[], size: number, bold: boolean): Row {
  const laid = columns.map((col, i) =>
    layoutParagraph(
      flow.faces,
      cells[i] ?? '',
      { size, bold, align: col.align ?? 'start', lineHeight: 1.45, dir: flow.rtl ? 'rtl' : 'ltr' },
      Math.max(1, (widths[i] ?? 0) - 2 * PAD_X),
    ),
  );
  const height = Math.max(...laid.map((p) => p.lines.length * p.lineHeight)) + 2 * PAD_Y;
  return { cells: laid, height };
}

export function drawTable(flow: Flow, columns: readonly TableColumn[], rows: readonly (readonly RichText[])[], opts: TableOptions = {}): void {
  const size = opts.size ?? 10;
  const zebra = opts.zebra ?? true;
  const borders = opts.borders ?? true;
  const repeatHeader = opts.repeatHeader ?? true;
  const total = columns.reduce((s, c) => s + Math.max(0, c.width), 0) || 1;
  const widths = columns.map((c) => (Math.max(0, c.width) / total) * flow.width);
  // Column i's left edge; in Arabic documents the first column sits at the right.
  const lefts: number[] = [];
  let acc = 0;
  for (const w of widths) {
    lefts.push(flow.rtl ? flow.left + flow.width - acc - w : flow.left + acc);
    acc += w;
  }
  const header = layoutRow(flow, columns, widths, columns.map((c) => c.header), size, true);
  const body = rows.map((cells) => layoutRow(flow, columns, widths, cells, size, false));

  const drawRow = (row: Row, shade: number | null): void => {
    const top = flow.y;
    if (shade !== null) fillRect(flow, flow.left, top, flow.width, row.height, shade);
    row.cells.forEach((cell, i) => {
      drawParagraph(flow.ops(), flow.renderer, cell, (lefts[i] ?? 0) + PAD_X, flow.pdfY(top + PAD_Y));
    });
    if (borders) {
      const ops = flow.ops();
      const yTop = flow.pdfY(top);
      const yBottom = flow.pdfY(top + row.height);
      hLine(ops, flow.left, flow.left + flow.width, yTop, BORDER_GRAY, 0.5);
      hLine(ops, flow.left, flow.left + flow.width, yBottom, BORDER_GRAY, 0.5);
      const xs = [...lefts, flow.left + flow.width, flow.left];
      for (const x of new Set(xs.map((v) => Math.round(v * 100) / 100))) {
        ops.push(`q ${fmt(BORDER_GRAY)} G 0.5 w ${fmt(x)} ${fmt(yTop)} m ${fmt(x)} ${fmt(yBottom)} l S Q`);
      }
    }
    flow.y += row.height;
  };

  // Keep the header with at least the first row.
  flow.ensure(header.height + (body[0]?.height ?? 0));
  drawRow(header, HEADER_GRAY);
  body.forEach((row, i) => {
    if (flow.ensure(row.height) && repeatHeader) {
      flow.ensure(header.height + row.height);
      drawRow(header, HEADER_GRAY);
    }
    drawRow(row, zebra && i % 2 === 1 ? ZEBRA_GRAY : null);
  });
  if (opts.totals) {
    // Bold on the header's shade; on a new page it comes under the repeated header, never alone.
    const totals = layoutRow(flow, columns, widths, opts.totals, size, true);
    if (flow.ensure(totals.height) && repeatHeader) {
      flow.ensure(header.height + totals.height);
      drawRow(header, HEADER_GRAY);
    }
    drawRow(totals, HEADER_GRAY);
  }
  flow.y += (opts.spaceAfter ?? 4) * (72 / 25.4);
}
