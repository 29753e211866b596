// Signed-in sessions, in memory only: a random token per login, locked after idle time.
import { randomBytes } from 'node:crypto';

export interface Session {
  readonly token: string;
  readonly userId: string;
  locked: boolean;
  lastSeen: number;
}

export interface Sessions {
  create(userId: string, now: number): Session;
  get(token: string | null): Session | undefined;
  end(token: string): void;
  endForUser(userId: string): void;
  /** Everyone signs in again (a restore replaced the database). */
  endAll(): void;
  /** Lock sessions idle for longer than `idleMs`; returns the ones newly locked. */
  lockIdle(now: number, idleMs: number): Session[];
  anyUnlocked(): boolean;
}

export function createSessions(): Sessions {
  const byToken = new Map<string, Session>();
  return {
    create(userId, now): Session {
      const session: Session = { token: randomBytes(32).toString('base64url'), userId, locked: false, lastSeen: now };
      byToken.set(session.token, session);
      return session;
    },
    get: (token) => (token ? byToken.get(token) : undefined),
    end: (token) => void byToken.delete(token),
    endForUser(userId): void {
      for (const [token, s] of byToken) if (s.userId === userId) byToken.delete(token);
    },
    endAll: () => byToken.clear(),
    lockIdle(now, idleMs): Session[] {
      const locked: Session[] = [];
      for (const s of byToken.values()) {
        if (!s.locked && now - s.lastSeen >= idleMs) {
          s.locked = true;
          locked.push(s);
        }
      }
      return locked;
    },
    anyUnlocked: () => [...byToken.values()].some((s) => !s.locked),
  };
}
