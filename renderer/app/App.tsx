// The gate: which world the user is in (loading, set-up, vault error, signed out, locked, signed in).
import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { useAuthState } from '../api/auth-store';
import { queryClient } from '../api/query-client';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupWizard } from '../features/setup/SetupWizard';
import { UnreachablePage, VaultErrorPage } from '../features/vault/VaultErrorPage';
import { FullPageLoader } from '../components/FullPageLoader';
import { bootstrap } from './bootstrap';
import { SignedInApp } from './SignedInApp';

export function App(): React.JSX.Element {
  const auth = useAuthState();

  useEffect(() => {
    void bootstrap();
  }, []);

  // Whatever was on screen stays out of memory while locked or signed out.
  useEffect(() => {
    if (auth.phase === 'locked' || auth.phase === 'signedOut') queryClient.clear();
  }, [auth.phase]);

  switch (auth.phase) {
    case 'loading':
      return <FullPageLoader />;
    case 'unreachable':
      return <UnreachablePage onRetry={() => void bootstrap()} />;
    case 'setup':
      return <SetupWizard />;
    case 'vaultError':
      return <VaultErrorPage code={auth.code} onRetry={() => void bootstrap()} />;
    case 'signedOut':
      return (
        <Routes>
          <Route path="/forgot" element={<ForgotPasswordPage />} />
          <Route path="*" element={<LoginPage reason={auth.reason} />} />
        </Routes>
      );
    case 'locked':
      return <LockScreen session={auth.session} />;
    case 'signedIn':
      return <SignedInApp session={auth.session} />;
  }
}
