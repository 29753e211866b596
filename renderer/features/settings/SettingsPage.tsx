// Settings: the tabs the user's role may see (office, users, the stage ladder, my preferences, security, audit), one per route.
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { roleHas, type Permission } from '../../../electron/contract/roles';
import { RulePackCard } from '../activity/RulePackCard';
import { PlanSettingsCard } from '../plans/PlanSettingsCard';
import { TemplatesSection } from '../templates/TemplatesSection';
import { BackupsSection } from '../backups/BackupsSection';
import { ErasureSection } from '../privacy/ErasureSection';
import { AuditSection } from './AuditSection';
import { LadderSection } from './LadderSection';
import { LetterSettingsCard } from './LetterSettingsCard';
import { OfficeSection } from './OfficeSection';
import { PreferencesSection } from './PreferencesSection';
import { SecuritySection } from './SecuritySection';
import { UsersSection } from './UsersSection';

const TABS = [
  { id: 'preferences', needs: null },
  { id: 'security', needs: null },
  { id: 'office', needs: 'office.read' },
  { id: 'users', needs: 'users.read' },
  { id: 'ladder', needs: 'settings.read' },
  { id: 'templates', needs: 'settings.read' },
  { id: 'audit', needs: 'audit.read' },
  { id: 'backups', needs: 'backups.manage' },
  { id: 'privacy', needs: 'privacy.manage' },
] as const satisfies readonly { id: string; needs: Permission | null }[];

type TabId = (typeof TABS)[number]['id'];

export function SettingsPage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const role = session.user.role;
  const can = (p: Permission): boolean => roleHas(role, p);
  const visible = TABS.filter((x) => x.needs === null || can(x.needs));
  const current = visible.find((x) => x.id === tab);
  if (!current) return <Navigate to="/settings/preferences" replace />;

  const panel = (id: TabId): React.JSX.Element => {
    switch (id) {
      case 'preferences':
        return <PreferencesSection session={session} />;
      case 'security':
        return <SecuritySection session={session} canEditIdle={can('settings.write')} />;
      case 'office':
        return <OfficeSection canEdit={can('office.write')} />;
      case 'users':
        return <UsersSection session={session} canEdit={can('users.write')} />;
      case 'ladder':
        return (
          <Stack gap="lg">
            <LadderSection canEdit={can('settings.write')} />
            <RulePackCard canEdit={can('settings.write')} />
            <PlanSettingsCard canEdit={can('settings.write')} />
          </Stack>
        );
      case 'templates':
        return <TemplatesSection canEdit={can('templates.write')} settings={<LetterSettingsCard canEdit={can('settings.write')} />} />;
      case 'audit':
        return <AuditSection />;
      case 'backups':
        return <BackupsSection />;
      case 'privacy':
        return <ErasureSection canEditRetention={can('settings.write')} />;
    }
  };

  return (
    <Stack gap="md" maw={current.id === 'templates' ? 1600 : 980} data-testid="settings-page">
      <Title order={2}>{t('settings.title')}</Title>
      <Tabs value={current.id} onChange={(v) => void navigate(`/settings/${v ?? 'preferences'}`)} keepMounted={false}>
        <Tabs.List>
          {visible.map((x) => (
            <Tabs.Tab key={x.id} value={x.id} data-testid={`settings-tab-${x.id}`}>
              {x.id === 'templates' ? t('templates.tab') : x.id === 'backups' ? t('backups.tab') : x.id === 'privacy' ? t('erasure.tab') : t(`settings.tab_${x.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={current.id} pt="lg">
          {panel(current.id)}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
