// Switch between Arabic and English at run time; remembered per user through profile.update when signed in.
import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../electron/contract/schemas';
import { getAuthState, sessionUpdated } from '../api/auth-store';
import { call } from '../api/client';
import { applyLang } from '../i18n';
import { errorMessage } from './errorMessage';

export async function switchLang(lang: Lang): Promise<void> {
  await applyLang(lang);
  if (getAuthState().phase !== 'signedIn') return;
  const session = await call('profile.update', { lang });
  sessionUpdated(session);
}

export function LanguageSwitch(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const value = i18n.language === 'en' ? 'en' : 'ar';
  return (
    <SegmentedControl
      size="xs"
      value={value}
      aria-label={t('common.language')}
      data-testid="language-switch"
      onChange={(v) => {
        void switchLang(v === 'en' ? 'en' : 'ar').catch((e: unknown) =>
          notifications.show({ color: 'red', message: errorMessage(e, t) }),
        );
      }}
      data={[
        { value: 'ar', label: t('common.lang_ar') },
        { value: 'en', label: t('common.lang_en') },
      ]}
    />
  );
}
