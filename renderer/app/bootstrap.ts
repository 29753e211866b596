// Start-up: ask the core where things stand (set-up, vault error, session) and set the auth state from it.
import { isApiCallError, call } from '../api/client';
import { getSessionToken, setAuthState, setSessionToken, signedIn } from '../api/auth-store';
import { applyLang } from '../i18n';

export async function bootstrap(): Promise<void> {
  let status;
  try {
    status = await call('app.status', {});
  } catch {
    setAuthState({ phase: 'unreachable' });
    return;
  }
  if (status.state === 'setup') {
    setAuthState({ phase: 'setup' });
    return;
  }
  if (status.state === 'error') {
    setAuthState({ phase: 'vaultError', code: status.code });
    return;
  }
  if (!getSessionToken()) {
    setAuthState({ phase: 'signedOut' });
    return;
  }
  try {
    const session = await call('session.me', {});
    await applyLang(session.user.lang);
    signedIn(null, session);
  } catch (e) {
    if (isApiCallError(e) && e.code === 'auth.locked') {
      setAuthState({ phase: 'locked', session: null });
    } else {
      setSessionToken(null);
      setAuthState({ phase: 'signedOut' });
    }
  }
}
