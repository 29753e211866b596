// The office name in the UI language, falling back to the Arabic name when there is no English one.
import type { SessionInfo } from '../../electron/contract/procedures/auth';

export function officeNameFor(session: SessionInfo, lang: string): string {
  return lang === 'en' && session.officeName.en ? session.officeName.en : session.officeName.ar;
}
