// The signed-in frame: header (office, user, language, lock, sign out) and the side navigation of the sections that exist.
import { AppShell, Badge, Burger, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { SessionInfo } from '../../electron/contract/procedures/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SessionButtons } from '../components/SessionButtons';
import { officeNameFor } from '../components/officeName';

const NAV = [
  { to: '/', label: 'nav.home', icon: IconHome, match: (p: string) => p === '/' },
  { to: '/settings', label: 'nav.settings', icon: IconSettings, match: (p: string) => p.startsWith('/settings') },
] as const;

export function Shell({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const office = officeNameFor(session, i18n.language);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={4} c="teal.8">
              {t('common.app_name')}
            </Title>
            <Text c="dimmed" truncate data-testid="shell-office-name">
              {office}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <Stack gap={0} visibleFrom="sm" data-testid="shell-user">
              <Text size="sm" fw={600} lh={1.2}>
                {session.user.displayName}
              </Text>
              <Badge size="xs" variant="light">
                {t(`roles.${session.user.role}`)}
              </Badge>
            </Stack>
            <SessionButtons />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} stroke={1.6} />}
            active={item.match(pathname)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
