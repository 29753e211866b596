// Pipeline, aging, recovery/collections and fees on screen: one block per currency (never summed across), charts and tables.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgingReport, FeesReport, PipelineReport, RecoveryReport, RecoveryRow, ReportMeta } from '../../../electron/contract/procedures/reports';
import { AGING_BUCKET_FROM, AGING_BUCKETS, drillSpec, type AgingBucket } from '../../../electron/contract/procedures/reports';
import { useFormat } from '../../i18n/useFormat';
import { FigureTable, useFigureText, type Drilled } from './FigureTable';
import { HBars, MonthColumns } from './ReportCharts';

export interface ViewProps<R> {
  report: R;
  onDrill: (d: Drilled) => void;
}

/** Why a report is empty, in words. */
export function EmptyState({ meta }: { meta: ReportMeta }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (meta.empty === null) return null;
  const key = meta.empty === 'no_cases' && meta.scope === 'own' ? 'no_cases_own' : meta.empty;
  return (
    <Alert color="gray" data-testid="report-empty" data-reason={meta.empty}>
      {t(`reports.empty.${key}`)}
    </Alert>
  );
}

export function CurrencyTitle({ currency }: { currency: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Title order={4} data-testid="currency-section" data-currency={currency}>
      {t('reports.in_currency', { currency: t(`currencies.${currency}`, { defaultValue: currency }) })}
    </Title>
  );
}

export function useBucketLabel(): (b: AgingBucket) => string {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (b) => {
    const i = AGING_BUCKETS.indexOf(b);
    const next = AGING_BUCKETS[i + 1];
    if (next === undefined) return t('reports.bucket_over', { n: fmt.number(AGING_BUCKET_FROM[b] - 1) });
    return t('reports.bucket_range', { from: fmt.number(AGING_BUCKET_FROM[b]), to: fmt.number(AGING_BUCKET_FROM[next] - 1) });
  };
}

export function useMonthLabel(): (ym: string | null) => string {
  const fmt = useFormat();
  return (ym) => (ym ? fmt.gregorian(`${ym}-01`).slice(0, 7) : '');
}

export function PipelineView({ report, onDrill }: ViewProps<PipelineReport>): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('reports.notes.pipeline')}
      </Text>
      <EmptyState meta={report} />
      {report.sections.map((s) => (
        <Stack key={s.currency} gap="sm">
          <CurrencyTitle currency={s.currency} />
          <HBars
            title={t('reports.charts.funnel')}
            testId="pipeline-funnel"
            data={s.rows.filter((r) => r.stage !== 'closed').map((r) => ({ label: t(`stages.${r.stage}`), value: r.cases, display: fmt.number(r.cases) }))}
          />
          <FigureTable
            testId="pipeline-table"
            rows={s.rows}
            rowKey={(r) => r.stage}
            totalsLabel={t('reports.total')}
            onDrill={onDrill}
            columns={[
              { key: 'stage', header: t('reports.col.stage'), kind: 'text', value: (r) => t(`stages.${r.stage}`) },
              { key: 'cases', header: t('reports.col.cases'), kind: 'int', value: (r) => r.cases, drill: (r) => drillSpec(r.drill, 'cases'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'cases') },
              { key: 'outstanding', header: t('reports.col.outstanding'), kind: 'money', currency: s.currency, value: (r) => r.outstandingMinor, drill: (r) => drillSpec(r.drill, 'outstanding'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'outstanding') },
              { key: 'entered', header: t('reports.col.entered'), kind: 'int', value: (r) => r.entered, drill: (r) => drillSpec(r.drill, 'entered'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'entered') },
              { key: 'left', header: t('reports.col.left'), kind: 'int', value: (r) => r.left, drill: (r) => drillSpec(r.drill, 'left'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'left') },
              { key: 'avg', header: t('reports.col.avg_days'), kind: 'decimal', value: (r) => r.avgDaysInStage, total: { value: s.total.avgDaysInStage } },
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}

export function AgingView({ report, onDrill }: ViewProps<AgingReport>): React.JSX.Element {
  const { t } = useTranslation();
  const bucket = useBucketLabel();
  const text = useFigureText();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('reports.notes.aging')}
      </Text>
      <EmptyState meta={report} />
      {report.sections.map((s) => (
        <Stack key={s.currency} gap="sm">
          <CurrencyTitle currency={s.currency} />
          <HBars
            title={t('reports.charts.aging')}
            testId="aging-chart"
            data={AGING_BUCKETS.map((b) => ({ label: bucket(b), value: s.total.buckets[b].outstandingMinor, display: text('money', s.total.buckets[b].outstandingMinor, s.currency) }))}
          />
          <FigureTable
            testId="aging-table"
            rows={s.rows}
            rowKey={(r) => String(r.clientId)}
            totalsLabel={t('reports.total')}
            onDrill={onDrill}
            columns={[
              { key: 'client', header: t('reports.col.client'), kind: 'text', value: (r) => r.clientName },
              ...AGING_BUCKETS.map((b) => ({
                key: b,
                header: bucket(b),
                kind: 'money' as const,
                currency: s.currency,
                value: (r: (typeof s.rows)[number]) => r.buckets[b].outstandingMinor,
                drill: (r: (typeof s.rows)[number]) => drillSpec({ ...r.drill, bucket: b }, 'outstanding'),
                total: 'sum' as const,
                totalDrill: drillSpec({ ...s.total.drill, bucket: b }, 'outstanding'),
              })),
              { key: 'total', header: t('reports.col.total'), kind: 'money', currency: s.currency, value: (r) => r.total.outstandingMinor, drill: (r) => drillSpec(r.drill, 'outstanding'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'outstanding') },
              { key: 'cases', header: t('reports.col.cases'), kind: 'int', value: (r) => r.total.cases, drill: (r) => drillSpec(r.drill, 'cases'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'cases') },
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}

function RecoveryTable({ title, rows, total, currency, first, name, onDrill, testId }: { title: string; rows: RecoveryRow[]; total: RecoveryRow; currency: string; first: string; name: (r: RecoveryRow) => string; onDrill: (d: Drilled) => void; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      <FigureTable
        testId={testId}
        rows={rows}
        rowKey={(r, i) => `${r.clientId ?? ''}-${r.instrumentType ?? ''}-${r.month ?? ''}-${i}`}
        totalsLabel={t('reports.total')}
        onDrill={onDrill}
        columns={[
          { key: 'name', header: first, kind: 'text', value: name },
          { key: 'cases', header: t('reports.col.cases'), kind: 'int', value: (r) => r.cases, drill: (r) => drillSpec(r.drill, 'cases'), total: 'sum', totalDrill: drillSpec(total.drill, 'cases') },
          { key: 'placed', header: t('reports.col.placed'), kind: 'money', currency, value: (r) => r.placedMinor, drill: (r) => drillSpec(r.drill, 'placed'), total: 'sum', totalDrill: drillSpec(total.drill, 'placed') },
          { key: 'collected', header: t('reports.col.collected'), kind: 'money', currency, value: (r) => r.collectedMinor, drill: (r) => drillSpec(r.drill, 'collected'), total: 'sum', totalDrill: drillSpec(total.drill, 'collected') },
          { key: 'rate', header: t('reports.col.rate'), kind: 'percent', value: (r) => r.rateBp, total: { value: total.rateBp } },
        ]}
      />
    </Stack>
  );
}

export function RecoveryView({ report, onDrill }: ViewProps<RecoveryReport>): React.JSX.Element {
  const { t } = useTranslation();
  const month = useMonthLabel();
  const text = useFigureText();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('reports.notes.recovery')}
      </Text>
      <EmptyState meta={report} />
      {report.sections.map((s) => (
        <Stack key={s.currency} gap="sm">
          <CurrencyTitle currency={s.currency} />
          <RecoveryTable testId="recovery-client" title={t('reports.sections.by_client')} rows={s.byClient} total={s.total} currency={s.currency} first={t('reports.col.client')} name={(r) => r.clientName} onDrill={onDrill} />
          <RecoveryTable testId="recovery-instrument" title={t('reports.sections.by_instrument')} rows={s.byInstrument} total={s.total} currency={s.currency} first={t('reports.col.instrument')} name={(r) => (r.instrumentType ? t(`instruments.${r.instrumentType}`) : '')} onDrill={onDrill} />
          <RecoveryTable testId="recovery-month" title={t('reports.sections.by_month')} rows={s.byMonth} total={s.total} currency={s.currency} first={t('reports.col.month_placed')} name={(r) => month(r.month)} onDrill={onDrill} />
        </Stack>
      ))}
      {report.collections.map((s) => (
        <Stack key={`c-${s.currency}`} gap="sm">
          <Title order={4}>
            {t('reports.sections.collections')} — {t(`currencies.${s.currency}`, { defaultValue: s.currency })}
          </Title>
          <MonthColumns title={t('reports.charts.collections')} testId="collections-chart" data={s.rows.map((r) => ({ label: month(r.month), value: Math.max(0, r.collectedMinor), display: text('money', r.collectedMinor, s.currency) }))} />
          <FigureTable
            testId="collections-table"
            rows={s.rows}
            rowKey={(r) => r.month ?? ''}
            totalsLabel={t('reports.total')}
            onDrill={onDrill}
            columns={[
              { key: 'month', header: t('reports.col.month'), kind: 'text', value: (r) => month(r.month) },
              { key: 'payments', header: t('reports.col.payments'), kind: 'int', value: (r) => r.payments, drill: (r) => drillSpec(r.drill, 'payments'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'payments') },
              { key: 'collected', header: t('reports.col.collected'), kind: 'money', currency: s.currency, value: (r) => r.collectedMinor, drill: (r) => drillSpec(r.drill, 'collected'), total: 'sum', totalDrill: drillSpec(s.total.drill, 'collected') },
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}

export function FeesView({ report, onDrill }: ViewProps<FeesReport>): React.JSX.Element {
  const { t } = useTranslation();
  const text = useFigureText();
  const money = (key: 'collected' | 'officeCollected' | 'feesEarned' | 'remitted' | 'due', header: string, field: 'collectedMinor' | 'officeCollectedMinor' | 'feesEarnedMinor' | 'remittedMinor' | 'dueMinor', s: FeesReport['sections'][number]) => ({
    key,
    header,
    kind: 'money' as const,
    currency: s.currency,
    value: (r: FeesReport['sections'][number]['rows'][number]) => r[field],
    drill: (r: FeesReport['sections'][number]['rows'][number]) => drillSpec(r.drill, key),
    total: 'sum' as const,
    totalDrill: drillSpec(s.total.drill, key),
  });
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('reports.notes.fees')}
      </Text>
      <EmptyState meta={report} />
      {report.sections.map((s) => (
        <Stack key={s.currency} gap="sm">
          <CurrencyTitle currency={s.currency} />
          <HBars
            title={t('reports.charts.fees')}
            testId="fees-chart"
            data={s.rows.slice(0, 15).map((r) => ({ label: r.clientName, value: Math.max(0, r.feesEarnedMinor), display: text('money', r.feesEarnedMinor, s.currency) }))}
          />
          <FigureTable
            testId="fees-table"
            rows={s.rows}
            rowKey={(r) => String(r.clientId)}
            totalsLabel={t('reports.total')}
            onDrill={onDrill}
            columns={[
              { key: 'client', header: t('reports.col.client'), kind: 'text', value: (r) => r.clientName },
              money('collected', t('reports.col.collected'), 'collectedMinor', s),
              money('officeCollected', t('reports.col.office_collected'), 'officeCollectedMinor', s),
              money('feesEarned', t('reports.col.fees_earned'), 'feesEarnedMinor', s),
              money('remitted', t('reports.col.remitted'), 'remittedMinor', s),
              money('due', t('reports.col.due'), 'dueMinor', s),
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}
