// The signed-in frame: header (office, user, language, lock, sign out) and the side navigation of the sections that exist.
import { AppShell, Badge, Burger, Button, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconBuilding, IconCalendar, IconCash, IconChecklist, IconFileImport, IconFolders, IconHome, IconListCheck, IconMailForward, IconSearch, IconSettings, IconUsers } from '@tabler/icons-react';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { SessionInfo } from '../../electron/contract/procedures/auth';
import { roleHas, type Permission } from '../../electron/contract/roles';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SessionButtons } from '../components/SessionButtons';
import { officeNameFor } from '../components/officeName';

// Sections shown only to roles that may read them (needs: null = everyone signed in; a list: any of them).
const NAV: readonly { to: string; label: string; icon: typeof IconHome; needs: Permission | readonly Permission[] | null; match: (p: string) => boolean }[] = [
  { to: '/', label: 'nav.home', icon: IconHome, needs: null, match: (p) => p === '/' },
  { to: '/cases', label: 'nav.cases', icon: IconFolders, needs: 'cases.read', match: (p) => p.startsWith('/cases') },
  { to: '/queue', label: 'nav.queue', icon: IconListCheck, needs: 'cases.read', match: (p) => p.startsWith('/queue') },
  { to: '/calendar', label: 'calendar.nav', icon: IconCalendar, needs: 'cases.read', match: (p) => p.startsWith('/calendar') },
  { to: '/reports', label: 'reports.title', icon: IconReportAnalytics, needs: ['reports.office', 'reports.own', 'reports.money'], match: (p) => p.startsWith('/reports') },
  { to: '/tasks', label: 'tasks.nav', icon: IconChecklist, needs: 'cases.read', match: (p) => p.startsWith('/tasks') },
  { to: '/letters', label: 'letters.nav', icon: IconMailForward, needs: 'cases.read', match: (p) => p.startsWith('/letters') },
  { to: '/debtors', label: 'nav.debtors', icon: IconUsers, needs: 'cases.read', match: (p) => p.startsWith('/debtors') },
  { to: '/clients', label: 'nav.clients', icon: IconBuilding, needs: 'cases.read', match: (p) => p.startsWith('/clients') },
  { to: '/import', label: 'imports.nav', icon: IconFileImport, needs: 'data.import', match: (p) => p.startsWith('/import') },
  { to: '/remittances', label: 'ledger.nav', icon: IconCash, needs: 'ledger.read', match: (p) => p.startsWith('/remittances') },
  { to: '/settings', label: 'nav.settings', icon: IconSettings, needs: null, match: (p) => p.startsWith('/settings') },
];

export function Shell({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const office = officeNameFor(session, i18n.language);
  const canSearch = roleHas(session.user.role, 'cases.read');
  const nav = NAV.filter((item) => item.needs === null || [item.needs].flat().some((p) => roleHas(session.user.role, p)));

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
            {canSearch ? (
              <Button
                variant="default"
                leftSection={<IconSearch size={16} />}
                rightSection={<Kbd size="xs">{t('search.shortcut')}</Kbd>}
                onClick={() => spotlight.open()}
                visibleFrom="sm"
                data-testid="search-open"
              >
                {t('search.button')}
              </Button>
            ) : null}
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
        {nav.map((item) => (
          <NavLink
            key={item.to}
            data-testid={`nav-${item.to.slice(1) || 'home'}`}
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
      {canSearch ? <GlobalSearch /> : null}
    </AppShell>
  );
}
