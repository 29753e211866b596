// Report charts with @mantine/charts in greys (they print the same in black and white), mirrored in Arabic.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ChartDatum {
  label: string;
  value: number;
  display: string;
}

function useRtl(): boolean {
  const { i18n } = useTranslation();
  return i18n.language !== 'en';
}

/** Horizontal bars (stages, age buckets, people): labels at the start side, bars growing from it. */
export function HBars({ title, data, testId }: { title: string; data: readonly ChartDatum[]; testId: string }): React.JSX.Element | null {
  const rtl = useRtl();
  if (data.length === 0) return null;
  const shown = new Map(data.map((d) => [d.label, d.display]));
  const rows = data.map((d) => ({ label: d.label, value: d.value }));
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      <BarChart
        h={Math.max(140, data.length * 34)}
        data={rows}
        dataKey="label"
        orientation="vertical"
        series={[{ name: 'value', label: title, color: 'gray.7' }]}
        withBarValueLabel
        valueFormatter={(v) => {
          // No label on an empty bar: it would sit on the axis labels (the table beside it shows the zero).
          if (v === 0) return '';
          const row = rows.find((r) => r.value === v);
          return row ? (shown.get(row.label) ?? String(v)) : String(v);
        }}
        xAxisProps={{ reversed: rtl, hide: true, domain: [0, (max: number) => Math.max(1, max) * 1.3] }}
        // Mirrored by hand in Arabic: bars grow from the right, the labels beside them with a gap.
        yAxisProps={{ orientation: rtl ? 'right' : 'left', width: 130, tickMargin: 10 }}
        gridAxis="none"
        withTooltip={false}
      />
    </Paper>
  );
}

/** Vertical columns over months: the first month at the start side. */
export function MonthColumns({ title, data, testId }: { title: string; data: readonly ChartDatum[]; testId: string }): React.JSX.Element | null {
  const rtl = useRtl();
  if (data.length === 0) return null;
  const rows = data.map((d) => ({ label: d.label, value: d.value, display: d.display }));
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      {/* Months run from the start side: reversed in Arabic, laid out left to right so the labels stay centred. */}
      <Box dir="ltr">
        <BarChart
        h={220}
        data={rows}
        dataKey="label"
        series={[{ name: 'value', label: title, color: 'gray.7' }]}
        valueFormatter={(v) => rows.find((r) => r.value === v)?.display ?? String(v)}
        xAxisProps={{ reversed: rtl }}
        yAxisProps={{ orientation: rtl ? 'right' : 'left', hide: true }}
        gridAxis="none"
      />
      </Box>
    </Paper>
  );
}
