// The case's "Log" tab: the SAMA allowance, quick entry (keyboard-first) and the log with its corrections.
import { Alert, Card, Group, Loader, Modal, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunicationRow } from '../../../electron/contract/procedures/activity';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { errorMessage } from '../../components/errorMessage';
import { call } from '../../api/client';
import { ExportMenu } from '../import/ExportMenu';
import { AllowanceBanner } from './AllowanceBanner';
import { useCaseLog } from './api';
import { LogEntryForm } from './LogEntryForm';
import { LogList } from './LogList';

export interface CaseLogProps {
  detail: CaseDetail;
  canWrite: boolean;
  canOverride: boolean;
}

/** Keyed by case: going from one case to another starts a fresh form (its parties, its focus), never the last case's. */
export function CaseLog(props: CaseLogProps): React.JSX.Element {
  return <CaseLogBody key={props.detail.id} {...props} />;
}

function CaseLogBody({ detail, canWrite, canOverride }: CaseLogProps): React.JSX.Element {
  const { t } = useTranslation();
  const log = useCaseLog(detail.id);
  const [correcting, setCorrecting] = useState<CommunicationRow | null>(null);

  return (
    <Stack gap="md" data-testid="case-log">
      <AllowanceBanner caseId={detail.id} />
      {canWrite ? (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={4}>{t('activity.new')}</Title>
            <LogEntryForm detail={detail} canOverride={canOverride} />
          </Stack>
        </Card>
      ) : null}
      <Group justify="flex-end">
        <ExportMenu run={(format, lang) => call('exports.communications', { format, lang, caseId: detail.id })} testId="log-export" />
      </Group>
      {log.isPending ? <Loader /> : null}
      {log.isError ? <Alert color="red">{errorMessage(log.error, t)}</Alert> : null}
      {log.data ? <LogList groups={log.data} currency={detail.currency} canCorrect={canWrite} onCorrect={setCorrecting} /> : null}
      {correcting ? (
        <Modal opened onClose={() => setCorrecting(null)} title={t('activity.correction_title')} size="xl">
          <Stack gap="sm" data-testid="log-correct-dialog">
            <Alert color="orange" variant="light">
              {t('activity.correction_explain')}
            </Alert>
            <LogEntryForm detail={detail} canOverride={canOverride} correcting={correcting} onSaved={() => setCorrecting(null)} onCancel={() => setCorrecting(null)} />
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
