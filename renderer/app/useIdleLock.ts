// Idle lock: no mouse or keyboard for idleLockMinutes → auth.lock and the lock screen; activity touches the session at most once a minute.
import { useEffect } from 'react';
import { call } from '../api/client';
import { sessionLocked } from '../api/auth-store';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'pointerdown'] as const;
const TOUCH_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 15_000;

export function useIdleLock(idleLockMinutes: number): void {
  useEffect(() => {
    const idleMs = Math.max(1, idleLockMinutes) * 60_000;
    let lastActivity = Date.now();
    let lastTouch = Date.now();
    let locking = false;

    const lock = async (): Promise<void> => {
      if (locking) return;
      locking = true;
      try {
        await call('auth.lock', {});
      } catch {
        // Locked or signed out already: the lock screen is right either way.
      }
      sessionLocked();
    };

    const onActivity = (): void => {
      const now = Date.now();
      // A check that fired late (a sleeping laptop) must still lock before counting this as activity.
      if (now - lastActivity >= idleMs) {
        void lock();
        return;
      }
      lastActivity = now;
      if (now - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = now;
        call('session.touch', {}).catch(() => undefined);
      }
    };

    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= idleMs) void lock();
    }, CHECK_EVERY_MS);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    };
  }, [idleLockMinutes]);
}
