// Everything the screens rely on: direction (RTL for Arabic), Mantine theme, notifications, TanStack Query, i18n, router.
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { queryClient } from '../api/query-client';
import { directionOf, i18n } from '../i18n';
import { theme } from './theme';

/** Keeps Mantine's direction, `<html dir lang>` and the window title in step with the UI language. */
function DirectionSync(): null {
  const { i18n: instance, t } = useTranslation();
  const { setDirection } = useDirection();
  const lang = instance.language === 'en' ? 'en' : 'ar';
  useEffect(() => {
    setDirection(directionOf(lang));
    document.documentElement.lang = lang;
    document.documentElement.dir = directionOf(lang);
    document.title = t('common.app_name');
  }, [lang, setDirection, t]);
  return null;
}

export function Providers({ children }: { children: ReactNode }): React.JSX.Element {
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(i18n.language === 'en' ? 'en' : 'ar')} detectDirection={false}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <DirectionSync />
          <Notifications position="bottom-center" />
          <QueryClientProvider client={queryClient}>
            <HashRouter>{children}</HashRouter>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
