// A windowed table: only the rows in view (plus a few) are rendered; sortable headers; asks for more rows near the end.
import { UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface Column<T, S extends string> {
  id: string;
  label: string;
  /** A CSS grid track, e.g. 'minmax(120px, 1fr)'. */
  width: string;
  sort?: S;
  render: (row: T) => ReactNode;
}

export interface VirtualTableProps<T, S extends string> {
  rows: readonly T[];
  columns: readonly Column<T, S>[];
  rowKey: (row: T) => string | number;
  rowTestId?: (row: T) => string;
  onRowOpen?: (row: T) => void;
  sort?: S;
  dir?: 'asc' | 'desc';
  onSort?: (sort: S) => void;
  onEndReached?: () => void;
  rowHeight?: number;
  height: string;
  empty?: ReactNode;
  testId: string;
  label: string;
}

const OVERSCAN = 8;

export function VirtualTable<T, S extends string>(props: VirtualTableProps<T, S>): React.JSX.Element {
  const { rows, columns, rowKey, rowTestId, onRowOpen, sort, dir, onSort, onEndReached, height, empty, testId, label } = props;
  const rowHeight = props.rowHeight ?? 48;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setViewHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / rowHeight) + OVERSCAN);

  // Near the end (or the page does not fill the view yet): ask for the next page.
  useEffect(() => {
    if (onEndReached && rows.length > 0 && last >= rows.length - OVERSCAN) onEndReached();
  }, [last, rows.length, onEndReached]);

  const template = columns.map((c) => c.width).join(' ');
  // Every row (the header and the absolutely placed body rows) gets the same width — the sum of the columns' least
  // widths, or the view if wider — so `fr` tracks divide the same space and cells line up with their headers.
  const minWidth = columns.reduce((sum, c) => sum + leastWidth(c.width), 0);
  const sortIcon = (s: S | undefined): ReactNode => {
    if (!s) return null;
    if (s !== sort) return <IconArrowsSort size={14} opacity={0.4} />;
    return dir === 'asc' ? <IconSortAscending size={14} /> : <IconSortDescending size={14} />;
  };

  return (
    <div
      className="vtable"
      ref={viewport}
      style={{ blockSize: height, ['--vtable-min' as string]: `${minWidth}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid={testId}
    >
      <div className="vtable-row vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.id} role="columnheader" className="vtable-cell" aria-sort={c.sort && c.sort === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
            {c.sort && onSort ? (
              <UnstyledButton className="vtable-sort" onClick={() => c.sort && onSort(c.sort)} data-testid={`sort-${c.id}`}>
                {c.label} {sortIcon(c.sort)}
              </UnstyledButton>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
      {rows.length === 0 ? <div className="vtable-empty">{empty}</div> : null}
      <div className="vtable-body" style={{ blockSize: rows.length * rowHeight }}>
        {rows.slice(first, last).map((row, i) => (
          <div
            key={rowKey(row)}
            role="row"
            aria-rowindex={first + i + 2}
            tabIndex={0}
            className="vtable-row"
            style={{ gridTemplateColumns: template, insetBlockStart: (first + i) * rowHeight, blockSize: rowHeight }}
            onClick={() => onRowOpen?.(row)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onRowOpen?.(row);
            }}
            data-testid={rowTestId?.(row)}
          >
            {columns.map((c) => (
              <div key={c.id} role="cell" className="vtable-cell">
                {c.render(row)}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

/** The least width of a grid track in px: '150px' → 150, 'minmax(120px, 1fr)' → 120; anything else counts 100. */
export function leastWidth(track: string): number {
  const px = /(\d+(?:\.\d+)?)px/.exec(track);
  return px ? Number(px[1]) : 100;
}
