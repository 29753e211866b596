// When no unlocked session is left, the database key is forgotten: close the vault.
import type { CoreState } from '../../api/context';

export function afterLock(core: CoreState): void {
  if (!core.sessions.anyUnlocked()) core.vault.close();
  core.emit({ type: 'session.locked' });
}
