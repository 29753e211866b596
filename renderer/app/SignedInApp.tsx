// The signed-in app: shell, routes, idle lock, core events, and the user's language.
import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../electron/contract/procedures/auth';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { applyLang } from '../i18n';
import { Shell } from './Shell';
import { useCoreEvents } from './useCoreEvents';
import { useIdleLock } from './useIdleLock';

export function SignedInApp({ session }: { session: SessionInfo }): React.JSX.Element {
  useIdleLock(session.idleLockMinutes);
  useCoreEvents();

  useEffect(() => {
    void applyLang(session.user.lang);
  }, [session.user.lang]);

  return (
    <Routes>
      <Route element={<Shell session={session} />}>
        <Route index element={<HomePage session={session} />} />
        <Route path="settings" element={<Navigate to="/settings/preferences" replace />} />
        <Route path="settings/:tab" element={<SettingsPage session={session} />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
