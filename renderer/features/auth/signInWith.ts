// After a successful login, recovery or set-up: the user's language first, then the signed-in app.
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import { signedIn } from '../../api/auth-store';
import { applyLang } from '../../i18n';

export async function signInWith(token: string | null, session: SessionInfo): Promise<void> {
  await applyLang(session.user.lang);
  signedIn(token, session);
}
