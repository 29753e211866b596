// My preferences: language and digit style, remembered for me (profile.update), with a preview of how figures look.
import { Card, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { todayIso } from '../../../electron/domain/dates';
import { sessionUpdated } from '../../api/auth-store';
import { call } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import { switchLang } from '../../components/LanguageSwitch';
import { useFormat } from '../../i18n/useFormat';

export function PreferencesSection({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const fail = (e: unknown): void => {
    notifications.show({ color: 'red', message: errorMessage(e, t) });
  };

  return (
    <Card withBorder padding="lg" data-testid="preferences">
      <Stack gap="lg">
        <Stack gap={6}>
          <Text fw={600}>{t('preferences.language')}</Text>
          <SegmentedControl
            w="fit-content"
            value={i18n.language === 'en' ? 'en' : 'ar'}
            onChange={(v) => void switchLang(v === 'en' ? 'en' : 'ar').catch(fail)}
            data={[
              { value: 'ar', label: t('common.lang_ar') },
              { value: 'en', label: t('common.lang_en') },
            ]}
            data-testid="pref-lang"
          />
        </Stack>
        <Stack gap={6}>
          <Text fw={600}>{t('preferences.digits')}</Text>
          <SegmentedControl
            w="fit-content"
            value={session.user.digits}
            onChange={(v) => {
              const digits = v === 'arabic' ? 'arabic' : 'western';
              void call('profile.update', { digits }).then(sessionUpdated, fail);
            }}
            data={[
              { value: 'western', label: t('preferences.digits_western') },
              { value: 'arabic', label: t('preferences.digits_arabic') },
            ]}
            data-testid="pref-digits"
          />
          <Text size="sm" c="dimmed" data-testid="pref-preview">
            {t('preferences.preview', { number: fmt.number(1234567.5), date: fmt.dual(todayIso()) })}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}
