// A report's table: sortable columns, figures that open the cases behind them, and a totals row that is the sum of the rows.
import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillSpec } from '../../../electron/contract/procedures/reports';
import { formatMinorUnits } from '../../../electron/domain/format';
import { getCurrency, isCurrencyCode } from '../../../electron/domain/money';
import { useFormat } from '../../i18n/useFormat';

export type FigureKind = 'text' | 'int' | 'money' | 'percent' | 'decimal';

export interface FigureColumn<R> {
  key: string;
  header: string;
  kind: FigureKind;
  /** The cell's value: what is shown (formatted by kind) and sorted on. Percent: basis points. */
  value: (row: R) => number | string | null;
  /** Money columns: the currency of the amounts. */
  currency?: string;
  /** The figure's cases: a click opens them. */
  drill?: (row: R) => DrillSpec | null;
  /** The totals row: 'sum' adds the rows up (money and counts); a given cell for what is not a sum (rates, averages). */
  total?: 'sum' | { value: number | null; drill?: DrillSpec | null } | null;
  /** Drill of the summed total (the report's total row key with this column's measure). */
  totalDrill?: DrillSpec | null;
}

export interface Drilled {
  spec: DrillSpec;
  /** What the figure is, for the drawer's title. */
  label: string;
  display: string;
}

export interface FigureTableProps<R> {
  rows: readonly R[];
  columns: readonly FigureColumn<R>[];
  rowKey: (row: R, i: number) => string;
  totalsLabel?: string;
  onDrill: (d: Drilled) => void;
  testId: string;
  /** The label of a row in the drawer's title (its first column by default). */
  rowLabel?: (row: R) => string;
}

export function useFigureText(): (kind: FigureKind, v: number | string | null, currency?: string) => string {
  const fmt = useFormat();
  return (kind, v, currency) => {
    if (v === null) return '—';
    if (typeof v === 'string') return v;
    switch (kind) {
      case 'money': {
        const code = currency && isCurrencyCode(currency) ? currency : 'SAR';
        return formatMinorUnits(v, getCurrency(code).decimals, fmt.opts);
      }
      case 'percent':
        return `${fmt.number(Math.floor(v / 10) / 10)}%`;
      case 'decimal':
        return fmt.number(Math.round(v * 10) / 10);
      default:
        return fmt.number(v);
    }
  };
}

function FigureCell({ text, spec, onClick, testId }: { text: string; spec: DrillSpec | null | undefined; onClick: () => void; testId: string }): ReactNode {
  if (!spec) return <span dir="ltr">{text}</span>;
  return (
    <Anchor component="button" type="button" onClick={onClick} dir="ltr" fz="sm" data-testid={testId}>
      {text}
    </Anchor>
  );
}

export function FigureTable<R>({ rows, columns, rowKey, totalsLabel, onDrill, testId, rowLabel }: FigureTableProps<R>): React.JSX.Element {
  const { t } = useTranslation();
  const text = useFigureText();
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col) return rows;
    return [...rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sort.dir;
    });
  }, [rows, columns, sort]);
  const first = columns[0];
  const labelOf = (row: R): string => (rowLabel ? rowLabel(row) : first ? String(first.value(row) ?? '') : '');
  const numeric = (k: FigureKind): boolean => k !== 'text';

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder withColumnBorders highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const Icon = active ? (sort.dir === 1 ? IconArrowUp : IconArrowDown) : IconSelector;
              return (
                <Table.Th key={c.key} style={{ textAlign: numeric(c.kind) ? 'end' : 'start' }}>
                  <UnstyledButton
                    onClick={() => setSort(active && sort.dir === -1 ? null : { key: c.key, dir: active ? -1 : 1 })}
                    aria-label={t('reports.sort', { column: c.header })}
                    data-testid={`${testId}-sort-${c.key}`}
                  >
                    <Text fw={600} size="sm" span>
                      {c.header}
                    </Text>{' '}
                    <Icon size={12} />
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row, i) => (
            <Table.Tr key={rowKey(row, i)} data-testid={`${testId}-row`}>
              {columns.map((c) => {
                const v = c.value(row);
                const shown = text(c.kind, v, c.currency);
                const spec = c.drill?.(row);
                return (
                  <Table.Td key={c.key} style={{ textAlign: numeric(c.kind) ? 'end' : 'start' }} data-col={c.key}>
                    {numeric(c.kind) ? (
                      <FigureCell
                        text={shown}
                        spec={spec}
                        onClick={() => spec && onDrill({ spec, label: `${labelOf(row)} — ${c.header}`, display: shown })}
                        testId={`${testId}-fig-${c.key}`}
                      />
                    ) : (
                      shown
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {totalsLabel !== undefined && rows.length > 0 ? (
          <Table.Tfoot>
            <Table.Tr data-testid={`${testId}-total`} style={{ fontWeight: 700 }}>
              {columns.map((c, i) => {
                if (i === 0) return <Table.Td key={c.key}>{totalsLabel}</Table.Td>;
                let value: number | null = null;
                let spec: DrillSpec | null | undefined = null;
                if (c.total === 'sum') {
                  // Integer minor units and counts: the sum is exact.
                  value = rows.reduce((s, r) => {
                    const v = c.value(r);
                    return s + (typeof v === 'number' ? v : 0);
                  }, 0);
                  spec = c.totalDrill;
                } else if (c.total) {
                  value = c.total.value;
                  spec = c.total.drill;
                } else return <Table.Td key={c.key} />;
                const shown = text(c.kind, value, c.currency);
                return (
                  <Table.Td key={c.key} style={{ textAlign: 'end' }} data-col={c.key}>
                    <FigureCell
                      text={shown}
                      spec={spec}
                      onClick={() => spec && onDrill({ spec, label: `${totalsLabel} — ${c.header}`, display: shown })}
                      testId={`${testId}-total-${c.key}`}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          </Table.Tfoot>
        ) : null}
      </Table>
    </Table.ScrollContainer>
  );
}
