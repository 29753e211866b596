// Performance, court and deadlines, and the client statement on screen.
import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClientStatement, CourtReport, PerformanceReport } from '../../../electron/contract/procedures/reports';
import { drillSpec } from '../../../electron/contract/procedures/reports';
import { useMoney } from '../../components/useMoney';
import { PartyName } from '../../components/PartyName';
import { useFormat } from '../../i18n/useFormat';
import { FigureTable, type FigureColumn } from './FigureTable';
import { CurrencyTitle, EmptyState, type ViewProps } from './MoneyViews';
import { HBars } from './ReportCharts';

type PerfRow = PerformanceReport['rows'][number];

export function PerformanceView({ report, onDrill }: ViewProps<PerformanceReport>): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const currencies = [...new Set([...report.currencies, ...report.rows.flatMap((r) => r.collected.map((c) => c.currency))])].sort();
  const name = (r: PerfRow): string => (r.userId === null ? t('reports.no_person') : r.name);
  const count = (key: 'contacts' | 'promisesMade' | 'promisesKept' | 'lettersSent' | 'casesAdvanced', header: string): FigureColumn<PerfRow> => ({
    key,
    header,
    kind: 'int',
    value: (r) => r[key],
    drill: (r) => drillSpec(r.drill, key),
    total: 'sum',
    totalDrill: drillSpec(report.total.drill, key),
  });
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('reports.notes.performance')}
      </Text>
      <EmptyState meta={report} />
      {report.rows.length > 0 ? (
        <>
          <HBars title={t('reports.charts.performance')} testId="performance-chart" data={report.rows.map((r) => ({ label: name(r), value: r.contacts, display: fmt.number(r.contacts) }))} />
          <FigureTable
            testId="performance-table"
            rows={report.rows}
            rowKey={(r) => r.userId ?? 'none'}
            totalsLabel={t('reports.total')}
            onDrill={onDrill}
            rowLabel={name}
            columns={[
              { key: 'person', header: t('reports.col.person'), kind: 'text', value: name },
              { key: 'role', header: t('reports.col.role'), kind: 'text', value: (r) => (r.role ? t(`roles.${r.role}`) : '') },
              count('contacts', t('reports.col.contacts')),
              count('promisesMade', t('reports.col.promises_made')),
              count('promisesKept', t('reports.col.promises_kept')),
              count('lettersSent', t('reports.col.letters_sent')),
              count('casesAdvanced', t('reports.col.cases_advanced')),
              ...currencies.map(
                (cur): FigureColumn<PerfRow> => ({
                  key: `collected-${cur}`,
                  header: t('reports.col.collected_in', { currency: t(`currencies.${cur}`, { defaultValue: cur }) }),
                  kind: 'money',
                  currency: cur,
                  value: (r) => r.collected.find((c) => c.currency === cur)?.minor ?? 0,
                  drill: (r) => ({ ...drillSpec(r.drill, 'collected'), currency: cur }) as ReturnType<typeof drillSpec>,
                  total: 'sum',
                  totalDrill: { ...drillSpec(report.total.drill, 'collected'), currency: cur } as ReturnType<typeof drillSpec>,
                }),
              ),
            ]}
          />
        </>
      ) : null}
    </Stack>
  );
}

export function CourtView({ report, onDrill }: ViewProps<CourtReport>): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const currencies = [...new Set([...report.currencies, ...report.byCourt.flatMap((r) => r.outstanding.map((c) => c.currency))])].sort();
  const court = (c: string): string => (c === '' ? t('reports.no_court') : c);
  type CourtRow = CourtReport['byCourt'][number];
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('reports.notes.court')}
      </Text>
      <EmptyState meta={report} />
      <Text fw={600}>
        {t('reports.sections.hearings')} ({fmt.dual(report.ahead.from)} – {fmt.dual(report.ahead.to)})
      </Text>
      {report.hearings.length === 0 ? (
        <Text c="dimmed">{t('reports.empty.table')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder data-testid="court-hearings">
            <Table.Thead>
              <Table.Tr>
                {(['date', 'time', 'reference', 'debtor', 'client', 'court', 'circuit', 'type'] as const).map((k) => (
                  <Table.Th key={k}>{t(`reports.col.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.hearings.map((h) => (
                <Table.Tr key={h.hearingId}>
                  <Table.Td>{fmt.dual(h.onDate)}</Table.Td>
                  <Table.Td dir="ltr">{h.atTime ?? ''}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${h.caseId}`} dir="ltr">
                      {h.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td><PartyName name={h.debtorName} /></Table.Td>
                  <Table.Td>{h.clientName}</Table.Td>
                  <Table.Td>{h.court}</Table.Td>
                  <Table.Td>{h.circuit}</Table.Td>
                  <Table.Td>{t(`hearings.type.${h.type}`, { defaultValue: h.type })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text fw={600}>{t('reports.sections.deadlines')}</Text>
      {report.deadlines.length === 0 ? (
        <Text c="dimmed">{t('reports.empty.table')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder data-testid="court-deadlines">
            <Table.Thead>
              <Table.Tr>
                {(['due_on', 'deadline', 'reference', 'debtor', 'client'] as const).map((k) => (
                  <Table.Th key={k}>{t(`reports.col.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.deadlines.map((d, i) => (
                <Table.Tr key={`${d.code}-${d.caseId ?? ''}-${i}`}>
                  <Table.Td>{fmt.dual(d.dueOn)}</Table.Td>
                  <Table.Td>{t(`calendar.deadline.${d.code}`, d.params)}</Table.Td>
                  <Table.Td>
                    {d.caseId !== null ? (
                      <Anchor component={Link} to={`/cases/${d.caseId}`} dir="ltr">
                        {d.reference}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td><PartyName name={d.debtorName} /></Table.Td>
                  <Table.Td>{d.clientName ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text fw={600}>{t('reports.sections.by_court')}</Text>
      <HBars
        title={t('reports.charts.court')}
        testId="court-chart"
        data={report.byCourt.slice(0, 15).map((r) => ({ label: court(r.court), value: r.litigation + r.enforcement, display: fmt.number(r.litigation + r.enforcement) }))}
      />
      <FigureTable
        testId="court-table"
        rows={report.byCourt}
        rowKey={(r) => r.court}
        totalsLabel={t('reports.total')}
        onDrill={onDrill}
        columns={[
          { key: 'court', header: t('reports.col.court'), kind: 'text', value: (r) => court(r.court) },
          { key: 'litigation', header: t('reports.col.litigation'), kind: 'int', value: (r) => r.litigation, drill: (r) => drillSpec(r.drill, 'litigation'), total: 'sum', totalDrill: drillSpec(report.total.drill, 'litigation') },
          { key: 'enforcement', header: t('reports.col.enforcement'), kind: 'int', value: (r) => r.enforcement, drill: (r) => drillSpec(r.drill, 'enforcement'), total: 'sum', totalDrill: drillSpec(report.total.drill, 'enforcement') },
          ...currencies.map(
            (cur): FigureColumn<CourtRow> => ({
              key: `out-${cur}`,
              header: t('reports.col.outstanding_in', { currency: t(`currencies.${cur}`, { defaultValue: cur }) }),
              kind: 'money',
              currency: cur,
              value: (r) => r.outstanding.find((c) => c.currency === cur)?.minor ?? 0,
              drill: (r) => ({ ...drillSpec(r.drill, 'outstanding'), currency: cur }) as ReturnType<typeof drillSpec>,
              total: 'sum',
              totalDrill: { ...drillSpec(report.total.drill, 'outstanding'), currency: cur } as ReturnType<typeof drillSpec>,
            }),
          ),
        ]}
      />
    </Stack>
  );
}

export function StatementView({ report, onDrill }: ViewProps<ClientStatement>): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('reports.notes.statement')}
      </Text>
      <EmptyState meta={report} />
      {report.sections.map((s) => {
        type SummaryRow = { key: 'placed' | 'collected' | 'feesEarned' | 'remitted' | 'due' | 'balance'; label: string; cases: number | null; minor: number };
        const summary: SummaryRow[] = [
          { key: 'placed', label: t('reports.summary.placed'), cases: s.placedCases, minor: s.placedMinor },
          { key: 'collected', label: t('reports.summary.collected'), cases: null, minor: s.collectedMinor },
          { key: 'feesEarned', label: t('reports.summary.fees_earned'), cases: null, minor: s.feesEarnedMinor },
          { key: 'remitted', label: t('reports.summary.remitted'), cases: null, minor: s.remittedMinor },
          { key: 'due', label: t('reports.summary.due'), cases: null, minor: s.dueMinor },
          { key: 'balance', label: t('reports.summary.balance'), cases: s.stageTotal.cases, minor: s.balanceMinor },
        ];
        return (
          <Stack key={s.currency} gap="sm">
            <CurrencyTitle currency={s.currency} />
            <FigureTable
              testId="statement-summary"
              rows={summary}
              rowKey={(r) => r.key}
              onDrill={onDrill}
              columns={[
                { key: 'item', header: t('reports.col.item'), kind: 'text', value: (r) => r.label },
                { key: 'cases', header: t('reports.col.cases'), kind: 'int', value: (r) => r.cases },
                { key: 'amount', header: t('reports.col.amount'), kind: 'money', currency: s.currency, value: (r) => r.minor, drill: (r) => drillSpec(s.drills[r.key], r.key) },
              ]}
            />
            <FigureTable
              testId="statement-stages"
              rows={s.byStage}
              rowKey={(r, i) => `${r.stage ?? ''}-${i}`}
              totalsLabel={t('reports.total')}
              onDrill={onDrill}
              columns={[
                { key: 'stage', header: t('reports.col.stage'), kind: 'text', value: (r) => t(`stages.${r.stage}`) },
                { key: 'cases', header: t('reports.col.cases'), kind: 'int', value: (r) => r.cases, drill: (r) => drillSpec(r.drill, 'cases'), total: 'sum', totalDrill: drillSpec(s.stageTotal.drill, 'cases') },
                { key: 'outstanding', header: t('reports.col.outstanding'), kind: 'money', currency: s.currency, value: (r) => r.outstandingMinor, drill: (r) => drillSpec(r.drill, 'outstanding'), total: 'sum', totalDrill: drillSpec(s.stageTotal.drill, 'outstanding') },
              ]}
            />
            <Text fw={600}>{t('reports.sections.payments')}</Text>
            {s.payments.length === 0 ? (
              <Alert color="gray">{t('reports.empty.table')}</Alert>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped withTableBorder data-testid="statement-payments">
                  <Table.Thead>
                    <Table.Tr>
                      {(['date', 'reference', 'debtor', 'amount', 'method', 'receipt'] as const).map((k) => (
                        <Table.Th key={k}>{t(`reports.col.${k}`)}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.payments.map((p) => (
                      <Table.Tr key={p.paymentId}>
                        <Table.Td>{fmt.gregorian(p.onDate)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/cases/${p.caseId}`} dir="ltr">
                            {p.reference}
                          </Anchor>
                        </Table.Td>
                        <Table.Td><PartyName name={p.debtorName} /></Table.Td>
                        <Table.Td dir="ltr" style={{ textAlign: 'end' }}>
                          {money(p.amountMinor, s.currency)}
                        </Table.Td>
                        <Table.Td>{t(`payments.methods.${p.method}`)}</Table.Td>
                        <Table.Td dir="ltr">{p.receiptNumber ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
