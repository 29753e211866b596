// Reads and writes of the users table.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { users } from '../schema';

export type UserRecord = typeof users.$inferSelect;

export function findUserByUsername(db: Db, username: string): UserRecord | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function findUserById(db: Db, id: string): UserRecord | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): UserRecord[] {
  return db.select().from(users).orderBy(asc(users.displayName)).all();
}

export function insertUser(db: Db, user: typeof users.$inferInsert): void {
  db.insert(users).values(user).run();
}

export function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): void {
  db.update(users).set(patch).where(eq(users.id, id)).run();
}

export function countActivePartners(db: Db): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, 'partner'), eq(users.active, true)))
    .get();
  return row?.n ?? 0;
}
