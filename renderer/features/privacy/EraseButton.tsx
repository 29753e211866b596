// On a debtor's or guarantor's page, for partners: opens the erasure dialog (PDPL), next to the personal-data export.
// Once the person is erased the button goes, but an open dialog stays to show what was done.
import { Button } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EraseDialog } from './EraseDialog';

export function EraseButton({ partyId, name, erased }: { partyId: number; name: string; erased: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  // The name when the dialog opened: the party is read again after the erasure, with its name gone.
  const [openedWith, setOpenedWith] = useState<string | null>(null);
  return (
    <>
      {erased ? null : (
        <Button variant="light" color="red" leftSection={<IconEraser size={16} />} onClick={() => setOpenedWith(name)} data-testid="party-erase">
          {t('erasure.erase')}
        </Button>
      )}
      {openedWith !== null ? <EraseDialog partyId={partyId} name={openedWith} onClose={() => setOpenedWith(null)} /> : null}
    </>
  );
}
