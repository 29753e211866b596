// Listens to the core's events while signed in: `session.locked` (the core's own idle lock) shows the lock screen.
import { useEffect } from 'react';
import { sessionEnded, sessionLocked } from '../api/auth-store';
import { subscribeEvents } from '../api/transport';

export function useCoreEvents(): void {
  useEffect(
    () =>
      subscribeEvents((e) => {
        if (e.type === 'session.locked') sessionLocked();
        else if (e.type === 'session.ended') sessionEnded();
      }),
    [],
  );
}
