// Growing delay after wrong passwords, per username (known or not) so the answer never reveals which exist.

export interface Throttle {
  /** Milliseconds to wait before another attempt for this name is accepted; 0 when allowed now. */
  waitMs(name: string, now: number): number;
  failed(name: string, now: number): void;
  succeeded(name: string): void;
}

/** Two free tries, then 1 s, 2 s, 4 s … capped at 5 minutes. */
export function delayAfter(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(1000 * 2 ** (failures - 3), 5 * 60_000);
}

export function createThrottle(): Throttle {
  const state = new Map<string, { failures: number; nextAt: number }>();
  const keyOf = (name: string): string => name.trim().toLowerCase();
  return {
    waitMs(name, now): number {
      const s = state.get(keyOf(name));
      return s ? Math.max(0, s.nextAt - now) : 0;
    },
    failed(name, now): void {
      const key = keyOf(name);
      const failures = (state.get(key)?.failures ?? 0) + 1;
      state.set(key, { failures, nextAt: now + delayAfter(failures) });
    },
    succeeded: (name) => void state.delete(keyOf(name)),
  };
}
