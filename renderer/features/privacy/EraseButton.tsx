// On a debtor's or guarantor's page, for partners: opens the erasure dialog (PDPL), next to the personal-data export.
import { Button } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EraseDialog } from './EraseDialog';

export function EraseButton({ partyId, name }: { partyId: number; name: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" color="red" leftSection={<IconEraser size={16} />} onClick={() => setOpen(true)} data-testid="party-erase">
        {t('erasure.erase')}
      </Button>
      {open ? <EraseDialog partyId={partyId} name={name} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
