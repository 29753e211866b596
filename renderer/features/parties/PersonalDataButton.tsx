// A personal-data request (PDPL), for partners: everything the office holds about this person as a PDF report plus the
// original files, saved as one ZIP where the user chooses.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileZip } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../../api/bytes';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';

export function PersonalDataButton({ partyId }: { partyId: number }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const run = useMutation({
    mutationFn: () => call('privacy.export', { partyId, lang: i18n.language === 'en' ? 'en' : 'ar' }),
    onSuccess: (file) => {
      downloadBase64(file.contentBase64, file.fileName, file.mime);
      notifications.show({ color: 'teal', message: t('privacy.exported', { n: file.files }) });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });
  return (
    <Button variant="light" leftSection={<IconFileZip size={16} />} loading={run.isPending} onClick={() => run.mutate()} data-testid="party-personal-data">
      {t('privacy.export_button')}
    </Button>
  );
}
