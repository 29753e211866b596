// Where the app stands with the core (set-up, vault error, signed out, locked, signed in), shared by the client and the UI.
import { useSyncExternalStore } from 'react';
import type { SessionInfo } from '../../electron/contract/procedures/auth';

export type VaultErrorCode = 'vault.keyring_missing' | 'vault.keyring_corrupt' | 'vault.database_missing';

export type AuthState =
  | { phase: 'loading' }
  | { phase: 'unreachable' }
  | { phase: 'setup' }
  | { phase: 'vaultError'; code: VaultErrorCode }
  | { phase: 'signedOut'; reason?: 'expired' | 'inactive' }
  | { phase: 'locked'; session: SessionInfo | null }
  | { phase: 'signedIn'; session: SessionInfo };

const SESSION_KEY = 'tahseel.session';

let state: AuthState = { phase: 'loading' };
const listeners = new Set<() => void>();

export function getAuthState(): AuthState {
  return state;
}

export function setAuthState(next: AuthState): void {
  state = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuthState(): AuthState {
  return useSyncExternalStore(subscribe, getAuthState);
}

export function getSessionToken(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}

export function setSessionToken(token: string | null): void {
  if (token) sessionStorage.setItem(SESSION_KEY, token);
  else sessionStorage.removeItem(SESSION_KEY);
}

/** The core said the session is gone: forget the token and go to the login screen. */
export function sessionEnded(reason: 'expired' | 'inactive' = 'expired'): void {
  setSessionToken(null);
  if (state.phase === 'signedIn' || state.phase === 'locked') setAuthState({ phase: 'signedOut', reason });
}

/** The core said the session is locked: show the lock screen (the route stays as it is). */
export function sessionLocked(): void {
  if (state.phase === 'signedIn') setAuthState({ phase: 'locked', session: state.session });
  else if (state.phase !== 'locked') setAuthState({ phase: 'locked', session: null });
}

/** Signed in (login, recovery, unlock, set-up): keep the token for this tab. */
export function signedIn(token: string | null, session: SessionInfo): void {
  if (token) setSessionToken(token);
  setAuthState({ phase: 'signedIn', session });
}

/** The session's data changed (profile, office name): update what the shell shows. */
export function sessionUpdated(session: SessionInfo): void {
  if (state.phase === 'signedIn') setAuthState({ phase: 'signedIn', session });
  else if (state.phase === 'locked') setAuthState({ phase: 'locked', session });
}
