// Set-up step 3: the recovery code, shown once, printable on its own sheet; the user confirms it is saved before going on.
import { Alert, Button, Checkbox, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../electron/domain/dates';
import { useFormat } from '../../i18n/useFormat';

function printSheet(): void {
  document.body.classList.add('printing-sheet');
  const done = (): void => {
    document.body.classList.remove('printing-sheet');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export function RecoveryStep({ code, onContinue }: { code: string; onContinue: () => Promise<void> }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  return (
    <Stack gap="md" mt="md" data-testid="setup-recovery">
      <Alert color="yellow" className="no-print">
        {t('setup.recovery_warning')}
      </Alert>
      <Paper withBorder p="lg" className="print-sheet">
        <Stack gap="sm" align="center">
          <Title order={3} className="print-only">
            {t('common.app_name')}
          </Title>
          <Text fw={600}>{t('setup.recovery_label')}</Text>
          <Text className="recovery-code" dir="ltr" data-testid="recovery-code">
            {code}
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('setup.recovery_explain')}
          </Text>
          <Text size="sm" className="print-only">
            {t('setup.recovery_printed_on', { date: fmt.dual(todayIso()) })}
          </Text>
        </Stack>
      </Paper>
      <Group justify="center" className="no-print">
        <Button variant="light" leftSection={<IconPrinter size={18} />} onClick={printSheet} data-testid="recovery-print">
          {t('setup.print')}
        </Button>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button variant="subtle" leftSection={<IconCopy size={18} />} onClick={copy}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Checkbox
        className="no-print"
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
        label={t('setup.recovery_saved')}
        data-testid="recovery-saved"
      />
      <Group justify="flex-end" className="no-print">
        <Button
          disabled={!saved}
          loading={busy}
          data-testid="recovery-continue"
          onClick={() => {
            setBusy(true);
            void onContinue().finally(() => setBusy(false));
          }}
        >
          {t('setup.finish')}
        </Button>
      </Group>
    </Stack>
  );
}
