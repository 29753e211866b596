// The log's quick entry in a modal, for lists (the escalation queue): the same form as the case's Log tab.
import { Alert, Loader, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/errorMessage';
import { useCase } from '../cases/api';
import { AllowanceBanner } from './AllowanceBanner';
import { LogEntryForm } from './LogEntryForm';

export interface QuickLogModalProps {
  caseId: number;
  reference: string;
  canOverride: boolean;
  onClose: () => void;
}

export function QuickLogModal({ caseId, reference, canOverride, onClose }: QuickLogModalProps): React.JSX.Element {
  const { t } = useTranslation();
  const detail = useCase(caseId);
  return (
    <Modal opened onClose={onClose} title={t('activity.quick_title', { reference })} size="xl">
      <Stack gap="sm" data-testid="quick-log">
        {detail.isPending ? <Loader /> : null}
        {detail.isError ? <Alert color="red">{errorMessage(detail.error, t)}</Alert> : null}
        {detail.data ? (
          <>
            <AllowanceBanner caseId={caseId} />
            <LogEntryForm detail={detail.data} canOverride={canOverride} onSaved={onClose} onCancel={onClose} />
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
