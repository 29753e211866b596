// Listens to the core's events while signed in: `session.locked` (the core's own idle lock) shows the lock screen.
import { useEffect } from 'react';
import { sessionEnded } from '../api/auth-store';
import { call } from '../api/client';
import { subscribeEvents } from '../api/transport';

export function useCoreEvents(): void {
  useEffect(
    () =>
      subscribeEvents((e) => {
        // The event does not say whose session locked (another tab may be another user): ask about ours.
        // If ours is locked the answer is auth.locked, which the client turns into the lock screen.
        if (e.type === 'session.locked') void call('session.me', {}).catch(() => undefined);
        else if (e.type === 'session.ended') sessionEnded();
      }),
    [],
  );
}
