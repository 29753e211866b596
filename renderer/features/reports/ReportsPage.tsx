// The Reports page: a tab per report the role may see, the shared filter bar, the figures with their drill-down, and exports.
import { Alert, Button, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import type { ExportableReport } from '../../../electron/contract/procedures/report-exports';
import { roleHas } from '../../../electron/contract/roles';
import { isIsoDate } from '../../../electron/domain/dates';
import { downloadBase64 } from '../../api/bytes';
import { errorMessage } from '../../components/errorMessage';
import { exportReport, useReport } from './api';
import { DrillDrawer } from './DrillDrawer';
import { defaultFilter, FilterBar, type ReportFilterState } from './FilterBar';
import type { Drilled } from './FigureTable';
import { AgingView, FeesView, PipelineView, RecoveryView } from './MoneyViews';
import { CourtView, PerformanceView, StatementView } from './PeopleViews';

const OWN: readonly ExportableReport[] = ['pipeline', 'aging', 'recovery', 'performance', 'court'];
const MONEY: readonly ExportableReport[] = ['recovery', 'fees', 'statement'];
const ORDER: readonly ExportableReport[] = ['pipeline', 'aging', 'recovery', 'performance', 'court', 'fees', 'statement'];

/** The reports a role may open: partners all, lawyers and paralegals their own figures, accountants the money ones. */
export function visibleReports(role: SessionInfo['user']['role']): ExportableReport[] {
  if (roleHas(role, 'reports.office')) return [...ORDER];
  const allowed = new Set<ExportableReport>([...(roleHas(role, 'reports.own') ? OWN : []), ...(roleHas(role, 'reports.money') ? MONEY : [])]);
  return ORDER.filter((r) => allowed.has(r));
}

function ReportBody({ tab, filter, onDrill }: { tab: ExportableReport; filter: ReportFilterState; onDrill: (d: Drilled) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const valid = isIsoDate(filter.from) && isIsoDate(filter.to) && filter.from <= filter.to;
  const needsClient = tab === 'statement' && filter.clientId === null;
  const enabled = valid && !needsClient;
  const pipeline = useReport('reports.pipeline', filter, enabled && tab === 'pipeline');
  const aging = useReport('reports.aging', filter, enabled && tab === 'aging');
  const recovery = useReport('reports.recovery', filter, enabled && tab === 'recovery');
  const performance = useReport('reports.performance', filter, enabled && tab === 'performance');
  const court = useReport('reports.court', filter, enabled && tab === 'court');
  const fees = useReport('reports.fees', filter, enabled && tab === 'fees');
  const statement = useReport('reports.statement', filter, enabled && tab === 'statement');
  if (needsClient) return <Alert color="gray" data-testid="statement-choose">{t('reports.statement.choose_client')}</Alert>;
  if (!valid) return <Alert color="yellow">{t('validation.period_reversed')}</Alert>;
  const q = { pipeline, aging, recovery, performance, court, fees, statement }[tab];
  if (q.isPending) return <Loader data-testid="report-loading" />;
  if (q.isError) return <Alert color="red" data-testid="report-error">{errorMessage(q.error, t)}</Alert>;
  switch (tab) {
    case 'pipeline':
      return pipeline.data ? <PipelineView report={pipeline.data} onDrill={onDrill} /> : <Loader />;
    case 'aging':
      return aging.data ? <AgingView report={aging.data} onDrill={onDrill} /> : <Loader />;
    case 'recovery':
      return recovery.data ? <RecoveryView report={recovery.data} onDrill={onDrill} /> : <Loader />;
    case 'performance':
      return performance.data ? <PerformanceView report={performance.data} onDrill={onDrill} /> : <Loader />;
    case 'court':
      return court.data ? <CourtView report={court.data} onDrill={onDrill} /> : <Loader />;
    case 'fees':
      return fees.data ? <FeesView report={fees.data} onDrill={onDrill} /> : <Loader />;
    case 'statement':
      return statement.data ? <StatementView report={statement.data} onDrill={onDrill} /> : <Loader />;
  }
}

function ExportButtons({ tab, filter }: { tab: ExportableReport; filter: ReportFilterState }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const disabled = (tab === 'statement' && filter.clientId === null) || filter.to < filter.from;
  const run = async (format: 'pdf' | 'xlsx'): Promise<void> => {
    setBusy(format);
    setError(null);
    try {
      const file = await exportReport(format, tab, filter, i18n.language === 'en' ? 'en' : 'ar');
      downloadBase64(file.contentBase64, file.fileName, file.mime);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={busy === 'pdf'} disabled={disabled} onClick={() => void run('pdf')} data-testid="export-pdf">
          {t('reports.export.pdf')}
        </Button>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy === 'xlsx'} disabled={disabled} onClick={() => void run('xlsx')} data-testid="export-xlsx">
          {t('reports.export.xlsx')}
        </Button>
      </Group>
      {error ? (
        <Alert color="red" data-testid="export-error">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

export function ReportsPage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const reports = visibleReports(session.user.role);
  const [filter, setFilter] = useState<ReportFilterState>(defaultFilter);
  const [drilled, setDrilled] = useState<Drilled | null>(null);
  const current = reports.find((r) => r === tab);
  if (!current) return <Navigate to={`/reports/${reports[0] ?? 'pipeline'}`} replace />;
  const office = roleHas(session.user.role, 'reports.office');

  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{t('reports.title')}</Title>
        <ExportButtons tab={current} filter={filter} />
      </Group>
      <Tabs value={current} onChange={(v) => v && void navigate(`/reports/${v}`)} keepMounted={false}>
        <Tabs.List>
          {reports.map((r) => (
            <Tabs.Tab key={r} value={r} data-testid={`report-tab-${r}`}>
              {t(`reports.tabs.${r}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {!office && !roleHas(session.user.role, 'reports.money') ? (
        <Alert color="blue" variant="light" data-testid="report-scope-own">
          {t('reports.filter.scope_own')}
        </Alert>
      ) : null}
      <FilterBar value={filter} onChange={setFilter} clientRequired={current === 'statement'} canChoosePerson={office || roleHas(session.user.role, 'reports.money')} />
      <ReportBody tab={current} filter={filter} onDrill={setDrilled} />
      <DrillDrawer filter={filter} drilled={drilled} onClose={() => setDrilled(null)} />
    </Stack>
  );
}
