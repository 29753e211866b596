// An "Export" button for a list: XLSX or CSV of what the screen shows (same filters), saved through the browser's download.
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, ExportFormat } from '../../../electron/contract/procedures/imports';
import { downloadBase64 } from '../../api/bytes';
import { useAuthState } from '../../api/auth-store';
import { roleHas } from '../../../electron/contract/roles';
import { errorMessage } from '../../components/errorMessage';
import { useFormat } from '../../i18n/useFormat';

export interface ExportMenuProps {
  /** Calls the list's export procedure with the chosen format and the screen's language. */
  run: (format: ExportFormat, lang: 'ar' | 'en') => Promise<ExportedFile>;
  testId: string;
}

/** Shown only to roles with data.export (the router checks it again). */
export function ExportMenu({ run, testId }: ExportMenuProps): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const auth = useAuthState();
  const fmt = useFormat();
  const exp = useMutation({
    mutationFn: (format: ExportFormat) => run(format, i18n.language === 'en' ? 'en' : 'ar'),
    onSuccess: (f) => {
      downloadBase64(f.contentBase64, f.fileName, f.mime);
      notifications.show({ color: 'green', message: t('exports.done', { count: f.rows, formatted: fmt.number(f.rows) }) });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
  });
  if (auth.phase !== 'signedIn' || !roleHas(auth.session.user.role, 'data.export')) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={18} />} loading={exp.isPending} data-testid={testId}>
          {t('exports.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => exp.mutate('xlsx')} data-testid={`${testId}-xlsx`}>
          {t('exports.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => exp.mutate('csv')} data-testid={`${testId}-csv`}>
          {t('exports.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
