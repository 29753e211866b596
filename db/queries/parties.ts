// Reads and writes of clients, powers of attorney and parties (debtors, guarantors).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { clients, parties, powersOfAttorney } from '../schema';
import { decodeCursor, encodeCursor } from './pagination';
import { insertPlaceholders, insertShape, preparedOnce } from './statements';

export type ClientRecord = typeof clients.$inferSelect;
export type PartyRecord = typeof parties.$inferSelect;
export type PoaRecord = typeof powersOfAttorney.$inferSelect;

export function insertClient(db: Db, values: typeof clients.$inferInsert): number {
  return db.insert(clients).values(values).returning({ id: clients.id }).get().id;
}

/** Update only when the stored version is the one the user edited; returns whether it did. */
export function updateClientVersioned(db: Db, id: number, version: number, values: Partial<typeof clients.$inferInsert>): boolean {
  const r = db
    .update(clients)
    .set({ ...values, version: version + 1 })
    .where(and(eq(clients.id, id), eq(clients.version, version)))
    .run();
  return r.changes === 1;
}

export function getClient(db: Db, id: number): ClientRecord | undefined {
  return db.select().from(clients).where(eq(clients.id, id)).get();
}

export function deleteClient(db: Db, id: number): void {
  db.delete(clients).where(eq(clients.id, id)).run();
}

export function clientPoas(db: Db, clientId: number): PoaRecord[] {
  return db.select().from(powersOfAttorney).where(eq(powersOfAttorney.clientId, clientId)).all();
}

export function replaceClientPoas(db: Db, clientId: number, poas: Omit<typeof powersOfAttorney.$inferInsert, 'clientId'>[]): void {
  db.delete(powersOfAttorney).where(eq(powersOfAttorney.clientId, clientId)).run();
  for (const p of poas) db.insert(powersOfAttorney).values({ ...p, clientId }).run();
}

export function clientCaseCounts(sqlite: Sqlite, clientId: number): { total: number; open: number; litigation: number } {
  return sqlite
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(stage <> 'closed'), 0) AS open,
              coalesce(sum(stage IN ('litigation', 'enforcement') AND status NOT IN ('settled','closed_paid','closed_uncollectable','withdrawn')), 0) AS litigation
       FROM cases WHERE client_id = ?`,
    )
    .get(clientId) as { total: number; open: number; litigation: number };
}

export interface ClientListRow {
  id: number;
  kind: 'person' | 'company';
  nameAr: string;
  nameEn: string;
  crNumber: string;
  nationalId: string;
  rulePack: 'none' | 'sama';
  archived: number;
  openCases: number;
}

export function listClients(
  sqlite: Sqlite,
  opts: { cursor: string | null; limit: number; includeArchived: boolean; ids: number[] | null },
): { rows: ClientListRow[]; nextCursor: string | null } {
  const after = decodeCursor(opts.cursor);
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (!opts.includeArchived) where.push('c.archived = 0');
  if (opts.ids) add(`c.id IN (${opts.ids.map(() => '?').join(',') || 'NULL'})`, ...opts.ids);
  if (after) add('(c.name_ar, c.id) > (?, ?)', String(after[0]), after[1]);
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.kind, c.name_ar AS nameAr, c.name_en AS nameEn, c.cr_number AS crNumber, c.national_id AS nationalId,
              c.rule_pack AS rulePack, c.archived,
              (SELECT count(*) FROM cases k WHERE k.client_id = c.id AND k.stage <> 'closed') AS openCases
       FROM clients c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.name_ar, c.id LIMIT ?`,
    )
    .all(...params, opts.limit + 1) as ClientListRow[];
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([last.nameAr, last.id]) : null };
}

/** Insert a party and return its id (one statement prepared once per connection and shape of values). */
export function insertParty(db: Db, values: typeof parties.$inferInsert): number {
  const q = preparedOnce(db.$client, `insertParty ${insertShape(parties, values)}`, () =>
    db
      .insert(parties)
      .values(insertPlaceholders<typeof parties>(values))
      .returning({ id: parties.id })
      .prepare(),
  );
  return (q.get(values)).id;
}

export function updatePartyVersioned(db: Db, id: number, version: number, values: Partial<typeof parties.$inferInsert>): boolean {
  const r = db
    .update(parties)
    .set({ ...values, version: version + 1 })
    .where(and(eq(parties.id, id), eq(parties.version, version)))
    .run();
  return r.changes === 1;
}

export function getParty(db: Db, id: number): PartyRecord | undefined {
  return db.select().from(parties).where(eq(parties.id, id)).get();
}

/** Parties by id; up to 8 ids through a query prepared once per connection and count (a case's debtors), more built each time. */
export function getParties(db: Db, ids: number[]): PartyRecord[] {
  if (ids.length === 0) return [];
  if (ids.length > 8) return db.select().from(parties).where(sql`${parties.id} IN ${ids}`).all();
  const q = preparedOnce(db.$client, `getParties ${ids.length}`, () =>
    db
      .select()
      .from(parties)
      .where(inArray(parties.id, ids.map((_, i) => sql.placeholder(`id${i}`))))
      .prepare(),
  );
  return q.all(Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
}

export function findPartyByIdentifier(db: Db, ident: { nationalId: string; crNumber: string }): PartyRecord | undefined {
  if (ident.nationalId) return db.select().from(parties).where(eq(parties.nationalId, ident.nationalId)).get();
  if (ident.crNumber) return db.select().from(parties).where(eq(parties.crNumber, ident.crNumber)).get();
  return undefined;
}

export interface PartyListRow {
  id: number;
  kind: 'person' | 'company';
  name: string;
  nationalId: string;
  crNumber: string;
  phones: string;
  city: string;
  caseCount: number;
}

export function listParties(
  sqlite: Sqlite,
  opts: { cursor: string | null; limit: number; ids: number[] | null },
): { rows: PartyListRow[]; nextCursor: string | null } {
  const after = decodeCursor(opts.cursor);
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (opts.ids) add(`p.id IN (${opts.ids.map(() => '?').join(',') || 'NULL'})`, ...opts.ids);
  if (after) add('(p.name, p.id) > (?, ?)', String(after[0]), after[1]);
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.kind, p.name, p.national_id AS nationalId, p.cr_number AS crNumber, p.phones, p.city,
              (SELECT count(*) FROM case_parties cp WHERE cp.party_id = p.id) AS caseCount
       FROM parties p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY p.name, p.id LIMIT ?`,
    )
    .all(...params, opts.limit + 1) as PartyListRow[];
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([last.name, last.id]) : null };
}

export function partyCaseLinks(
  sqlite: Sqlite,
  partyId: number,
): { caseId: number; reference: string; clientName: string; role: 'debtor' | 'guarantor'; stage: string; status: string; currency: string; claimMinor: number }[] {
  return sqlite
    .prepare(
      `SELECT k.id AS caseId, k.reference, c.name_ar AS clientName, cp.role, k.stage, k.status, k.currency, k.claim_minor AS claimMinor
       FROM case_parties cp JOIN cases k ON k.id = cp.case_id JOIN clients c ON c.id = k.client_id
       WHERE cp.party_id = ? ORDER BY k.opened_on DESC, k.id DESC`,
    )
    .all(partyId) as ReturnType<typeof partyCaseLinks>;
}
