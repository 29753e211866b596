// Debtors and guarantors: one party per national ID or CR, found before a duplicate is made.
import type { z } from 'zod';
import type { PartyDetail, PartyRow, partyInput } from '../../../contract/procedures/parties';
import type { Address } from '../../../contract/fields';
import type { Stage } from '../../../domain/ladder';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db, Sqlite } from '../../../../db/open';
import {
  findPartyByIdentifier,
  getParty,
  insertParty,
  listParties,
  partyCaseLinks,
  updatePartyVersioned,
  type PartyListRow,
  type PartyRecord,
} from '../../../../db/queries/parties';
import { searchIds } from '../../../../db/queries/search';
import { indexParty, queryTerms } from '../search/index-text';

type PartyValues = z.output<typeof partyInput>;

export function partyColumns(v: PartyValues, now: string): Omit<PartyRecord, 'id' | 'version' | 'createdAt' | 'erasedAt' | 'erasedBy'> {
  return {
    kind: v.kind,
    name: v.name,
    nameEn: v.nameEn,
    nationalId: v.nationalId,
    crNumber: v.crNumber,
    vatNumber: v.vatNumber,
    phones: JSON.stringify(v.phones),
    emails: JSON.stringify(v.emails),
    address: JSON.stringify(v.address),
    city: v.address.city,
    employer: v.employer,
    notes: v.notes,
    updatedAt: now,
  };
}

export function partyRow(r: PartyListRow | PartyRecord, caseCount?: number): PartyRow {
  const phones = JSON.parse(r.phones) as string[];
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    nationalId: r.nationalId,
    crNumber: r.crNumber,
    phone: phones[0] ?? '',
    city: r.city,
    caseCount: 'caseCount' in r ? r.caseCount : (caseCount ?? 0),
  };
}

function partyDetail(db: Db, sqlite: Sqlite, id: number): PartyDetail {
  const p = getParty(db, id);
  if (!p) throw new CoreError('not_found', 'No such debtor or guarantor');
  return {
    id: p.id,
    version: p.version,
    kind: p.kind,
    name: p.name,
    nameEn: p.nameEn,
    nationalId: p.nationalId,
    crNumber: p.crNumber,
    vatNumber: p.vatNumber,
    phones: JSON.parse(p.phones) as string[],
    emails: JSON.parse(p.emails) as string[],
    address: JSON.parse(p.address) as Address,
    employer: p.employer,
    notes: p.notes,
    cases: partyCaseLinks(sqlite, id).map((c) => ({ ...c, stage: c.stage as Stage })),
    erasedAt: p.erasedAt,
  };
}

/** Refuse a second party with the same identifier: the caller is told which one exists. */
function refuseDuplicate(db: Db, v: PartyValues, exceptId?: number): void {
  const existing = findPartyByIdentifier(db, v);
  if (existing && existing.id !== exceptId) {
    throw new CoreError('parties.duplicate', 'A debtor with this ID already exists', { id: existing.id, name: existing.name });
  }
}

export const partyHandlers: Pick<
  Handlers,
  'parties.list' | 'parties.get' | 'parties.findByIdentifier' | 'parties.create' | 'parties.update'
> = {
  'parties.list': (ctx, input) => {
    const { sqlite } = ctx.open();
    const ids = input.query ? searchIds(sqlite, 'party', queryTerms(input.query), 500) : null;
    const page = listParties(sqlite, { cursor: input.cursor, limit: input.limit, ids });
    return { rows: page.rows.map((r) => partyRow(r)), nextCursor: page.nextCursor };
  },

  'parties.get': (ctx, input) => partyDetail(ctx.db(), ctx.open().sqlite, input.id),

  'parties.findByIdentifier': (ctx, input) => {
    const found = findPartyByIdentifier(ctx.db(), input);
    return found ? partyRow(found, partyCaseLinks(ctx.open().sqlite, found.id).length) : null;
  },

  'parties.create': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      refuseDuplicate(db, input);
      const id = insertParty(db, { ...partyColumns(input, now), createdAt: now });
      indexParty(sqlite, { id, ...input });
      return { result: partyDetail(db, sqlite, id), audit: { entity: 'party', entityId: String(id), after: input } };
    });
  },

  'parties.update': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const before = partyDetail(db, sqlite, input.id);
      // An erased person's record stays empty (PDPL): someone they owe again is a new debtor.
      if (before.erasedAt) throw new CoreError('privacy.already_erased', "This person's data was erased");
      refuseDuplicate(db, input.party, input.id);
      if (!updatePartyVersioned(db, input.id, input.version, partyColumns(input.party, now))) {
        throw new CoreError('conflict.stale', 'This debtor was changed by someone else', before);
      }
      indexParty(sqlite, { id: input.id, ...input.party });
      return {
        result: partyDetail(db, sqlite, input.id),
        audit: { entity: 'party', entityId: String(input.id), before, after: input.party },
      };
    });
  },
};
