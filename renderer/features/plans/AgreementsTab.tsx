// The case's Agreements tab (الاتفاقات): what the debtor agreed to pay — the instalment plan (and the settlement beside it).
import { Stack } from '@mantine/core';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import { PlanPanel } from './PlanPanel';
import { SettlementPanel } from '../settlements/SettlementPanel';

export function AgreementsTab({ detail, canWrite, canPrint }: { detail: CaseDetail; canWrite: boolean; canPrint: boolean }): React.JSX.Element {
  return (
    <Stack gap="md" data-testid="agreements-tab">
      <PlanPanel detail={detail} canWrite={canWrite} canPrint={canPrint} />
      <SettlementPanel detail={detail} canWrite={canWrite} canPrint={canPrint} />
    </Stack>
  );
}
