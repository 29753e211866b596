// One case: overview (stage card with moves and guards, history, warnings, documents) and its letters in tabs; edit and status change.
import { Alert, Button, Grid, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconEdit, IconStatusChange } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { roleHas } from '../../../electron/contract/roles';
import { errorMessage } from '../../components/errorMessage';
import { useNameOrErased } from '../../components/PartyName';
import { StageBadge, StatusBadge } from '../../components/StageBadge';
import { StaleDialog } from '../../components/StaleDialog';
import { CaseWork } from '../calendar/CaseWork';
import { CaseLog } from '../activity/CaseLog';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { CaseLetters } from '../letters/CaseLetters';
import { FlagButtons, FlagHistory, OpenFlags } from '../promises/CaseFlags';
import { PromisesPanel } from '../promises/PromisesPanel';
import { PaymentsPanel } from '../payments/PaymentsPanel';
import { AgreementsTab } from '../plans/AgreementsTab';
import { areaKeys, useCase } from './api';
import { CaseHistory, CaseTimeline } from './CaseHistory';
import { CaseMoves } from './CaseMoves';
import { CaseOverview, CaseWarnings } from './CaseOverview';
import { CaseStatusModal } from './CaseStatusModal';

export function CasePage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t } = useTranslation();
  const nameOf = useNameOrErased();
  const id = Number(useParams().id);
  const detail = useCase(id);
  const queryClient = useQueryClient();
  const [statusOpen, setStatusOpen] = useState(false);
  const [stale, setStale] = useState(false);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab = tabParam === 'log' || tabParam === 'letters' || tabParam === 'documents' || tabParam === 'work' || tabParam === 'history' || tabParam === 'payments' || tabParam === 'agreements' ? tabParam : 'overview';
  const role = session.user.role;

  if (detail.isPending) return <Loader />;
  if (detail.isError) return <Alert color="red">{errorMessage(detail.error, t)}</Alert>;
  const c = detail.data;
  const canWrite = roleHas(role, 'cases.write') && c.stage !== 'closed';

  return (
    <Stack gap="md" data-testid="case-page" data-version={c.version}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} className="nowrap-ltr" data-testid="case-reference">
              {c.reference}
            </Title>
            <StageBadge stage={c.stage} size="lg" />
            <StatusBadge status={c.status} size="lg" />
          </Group>
          <Text c="dimmed">
            {c.clientName} — {c.debtors.map((d) => nameOf(d.name)).join('، ')}
          </Text>
        </Stack>
        <Group gap="xs">
          {roleHas(role, 'cases.write') ? (
            <Button variant="default" leftSection={<IconStatusChange size={16} />} onClick={() => setStatusOpen(true)} data-testid="case-status">
              {t('cases.change_status')}
            </Button>
          ) : null}
          {canWrite ? <FlagButtons detail={c} /> : null}
          {canWrite ? (
            <Button component={Link} to={`/cases/${c.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="case-edit">
              {t('cases.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <CaseWarnings detail={c} />
      <OpenFlags detail={c} canWrite={canWrite} />
      <Tabs value={tab} onChange={(v) => setParams(v === 'log' || v === 'letters' || v === 'documents' || v === 'work' || v === 'history' || v === 'payments' || v === 'agreements' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview" data-testid="case-tab-overview">
            {t('letters.overview_tab')}
          </Tabs.Tab>
          <Tabs.Tab value="log" data-testid="case-tab-log">
            {t('activity.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="work" data-testid="case-tab-work">
            {t('hearings.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="payments" data-testid="case-tab-payments">
            {t('payments.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="agreements" data-testid="case-tab-agreements">
            {t('plans.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="letters" data-testid="case-tab-letters">
            {t('letters.case_tab')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" data-testid="case-tab-documents">
            {t('documents.title')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="case-tab-history">
            {t('dashboard.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Stack gap="md">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Stack gap="md">
                  <CaseOverview detail={c} />
                  <PromisesPanel detail={c} canWrite={canWrite} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack gap="md">
                  <CaseMoves
                    detail={c}
                    canMove={roleHas(role, 'cases.move')}
                    canOverride={roleHas(role, 'stage.override')}
                    onStale={() => setStale(true)}
                  />
                  <CaseHistory history={c.history} />
                  <FlagHistory caseId={c.id} />
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="work">
          <CaseWork detail={c} session={session} onStale={() => setStale(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <CaseLog detail={c} canWrite={roleHas(role, 'cases.write')} canOverride={roleHas(role, 'rules.override')} />
        </Tabs.Panel>
        <Tabs.Panel value="payments">
          <PaymentsPanel detail={c} canWrite={roleHas(role, 'payments.write') && c.stage !== 'closed'} canClose={roleHas(role, 'cases.write')} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements">
          <AgreementsTab detail={c} canWrite={roleHas(role, 'payments.write') && c.stage !== 'closed'} canPrint={roleHas(role, 'letters.write')} />
        </Tabs.Panel>
        <Tabs.Panel value="letters">
          <CaseLetters detail={c} canWrite={roleHas(role, 'letters.write')} onStale={() => setStale(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsPanel owner={{ caseId: c.id }} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <CaseTimeline caseId={c.id} />
        </Tabs.Panel>
      </Tabs>
      {statusOpen ? <CaseStatusModal detail={c} opened onClose={() => setStatusOpen(false)} onStale={() => setStale(true)} /> : null}
      <StaleDialog
        opened={stale}
        rows={[]}
        onClose={() => setStale(false)}
        onReload={() => {
          setStale(false);
          void queryClient.invalidateQueries({ queryKey: areaKeys.cases });
        }}
      />
    </Stack>
  );
}
