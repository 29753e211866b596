// The office profile row and the settings key/value table.
import { eq } from 'drizzle-orm';
import type { Db } from '../open';
import { office, settings } from '../schema';

export type OfficeRecord = typeof office.$inferSelect;

export function getOffice(db: Db): OfficeRecord | undefined {
  return db.select().from(office).where(eq(office.id, 1)).get();
}

export function saveOffice(db: Db, values: Omit<typeof office.$inferInsert, 'id'>): void {
  db.insert(office)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: office.id, set: values })
    .run();
}

export function readSettings(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of db.select().from(settings).all()) out[row.key] = JSON.parse(row.value) as unknown;
  return out;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}
