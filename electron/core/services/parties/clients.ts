// Clients (creditors): create, edit with a version check, archive, delete only when they have no cases.
import type { z } from 'zod';
import type { ClientDetail, ClientRow, PoaWarning } from '../../../contract/procedures/parties';
import type { clientInput } from '../../../contract/procedures/parties';
import { diffDays, todayIso } from '../../../domain/dates';
import { parseAllocationOrder } from '../../../domain/allocation';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db, Sqlite } from '../../../../db/open';
import {
  clientCaseCounts,
  clientPoas,
  deleteClient,
  getClient,
  insertClient,
  listClients,
  replaceClientPoas,
  updateClientVersioned,
  type ClientRecord,
} from '../../../../db/queries/parties';
import { searchIds, unindexEntity } from '../../../../db/queries/search';
import { indexClient, queryTerms } from '../search/index-text';

type ClientValues = z.output<typeof clientInput>;

/** A power of attorney expiring within this many days is flagged on the client and its litigation cases. */
export const POA_WARN_DAYS = 30;

function columns(v: ClientValues, now: string): Omit<ClientRecord, 'id' | 'version' | 'archived' | 'createdAt'> {
  return {
    kind: v.kind,
    nameAr: v.nameAr,
    nameEn: v.nameEn,
    crNumber: v.crNumber,
    vatNumber: v.vatNumber,
    nationalId: v.nationalId,
    phone: v.phone,
    email: v.email,
    address: v.address,
    iban: v.iban,
    bankName: v.bankName,
    contacts: JSON.stringify(v.contacts),
    feePercentBp: v.fee.percentBp,
    feeFixedPerStage: JSON.stringify(v.fee.fixedPerStage),
    rulePack: v.rulePack,
    allocationOrder: v.allocationOrder.join(','),
    lateChargesAllowed: v.lateChargesAllowed,
    notes: v.notes,
    updatedAt: now,
  };
}

export function poaWarnings(db: Db, sqlite: Sqlite, clientId: number, today: string): PoaWarning[] {
  const poas = clientPoas(db, clientId);
  const warnings: PoaWarning[] = [];
  for (const p of poas) {
    if (!p.expiresOn) continue;
    const daysLeft = diffDays(today, p.expiresOn);
    if (daysLeft < 0) warnings.push({ code: 'poa_expired', number: p.number, expiresOn: p.expiresOn });
    else if (daysLeft <= POA_WARN_DAYS) warnings.push({ code: 'poa_expiring', number: p.number, expiresOn: p.expiresOn, daysLeft });
  }
  const valid = poas.some((p) => p.pleadingClause && (!p.expiresOn || p.expiresOn >= today));
  const { litigation } = clientCaseCounts(sqlite, clientId);
  if (!valid && litigation > 0) warnings.push({ code: 'poa_missing_for_litigation', cases: litigation });
  return warnings;
}

export function clientDetail(db: Db, sqlite: Sqlite, id: number, today: string): ClientDetail {
  const c = getClient(db, id);
  if (!c) throw new CoreError('not_found', 'No such client');
  return {
    id: c.id,
    version: c.version,
    archived: c.archived,
    kind: c.kind,
    nameAr: c.nameAr,
    nameEn: c.nameEn,
    crNumber: c.crNumber,
    vatNumber: c.vatNumber,
    nationalId: c.nationalId,
    phone: c.phone,
    email: c.email,
    address: c.address,
    iban: c.iban,
    bankName: c.bankName,
    contacts: JSON.parse(c.contacts) as ClientDetail['contacts'],
    fee: { percentBp: c.feePercentBp, fixedPerStage: JSON.parse(c.feeFixedPerStage) as ClientDetail['fee']['fixedPerStage'] },
    powersOfAttorney: clientPoas(db, id).map((p) => ({
      number: p.number,
      notary: p.notary,
      issuedOn: p.issuedOn,
      expiresOn: p.expiresOn,
      pleadingClause: p.pleadingClause,
    })),
    rulePack: c.rulePack,
    allocationOrder: parseAllocationOrder(c.allocationOrder),
    lateChargesAllowed: c.lateChargesAllowed,
    notes: c.notes,
    caseCount: clientCaseCounts(sqlite, id).total,
    warnings: poaWarnings(db, sqlite, id, today),
  };
}

export const clientHandlers: Pick<
  Handlers,
  'clients.list' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.archive' | 'clients.delete'
> = {
  'clients.list': (ctx, input) => {
    const { sqlite } = ctx.open();
    const ids = input.query ? searchIds(sqlite, 'client', queryTerms(input.query), 500) : null;
    const page = listClients(sqlite, { cursor: input.cursor, limit: input.limit, includeArchived: input.includeArchived, ids });
    return {
      rows: page.rows.map((r): ClientRow => ({ ...r, archived: r.archived === 1 })),
      nextCursor: page.nextCursor,
    };
  },

  'clients.get': (ctx, input) => clientDetail(ctx.db(), ctx.open().sqlite, input.id, todayIso(ctx.core.now())),

  'clients.create': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const id = insertClient(db, { ...columns(input, now), createdAt: now });
      replaceClientPoas(db, id, input.powersOfAttorney);
      indexClient(sqlite, { id, ...input });
      const after = clientDetail(db, sqlite, id, todayIso(ctx.core.now()));
      return { result: after, audit: { entity: 'client', entityId: String(id), after: input } };
    });
  },

  'clients.update': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    const today = todayIso(ctx.core.now());
    return ctx.write((db) => {
      const before = clientDetail(db, sqlite, input.id, today);
      if (!updateClientVersioned(db, input.id, input.version, columns(input.client, now))) {
        throw new CoreError('conflict.stale', 'The client was changed by someone else', before);
      }
      replaceClientPoas(db, input.id, input.client.powersOfAttorney);
      indexClient(sqlite, { id: input.id, ...input.client });
      const after = clientDetail(db, sqlite, input.id, today);
      return { result: after, audit: { entity: 'client', entityId: String(input.id), before, after: input.client } };
    });
  },

  'clients.archive': (ctx, input) => {
    const { sqlite } = ctx.open();
    const today = todayIso(ctx.core.now());
    return ctx.write((db) => {
      const before = clientDetail(db, sqlite, input.id, today);
      updateClientVersioned(db, input.id, before.version, { archived: input.archived, updatedAt: ctx.core.now().toISOString() });
      return {
        result: clientDetail(db, sqlite, input.id, today),
        audit: { entity: 'client', entityId: String(input.id), before: { archived: before.archived }, after: { archived: input.archived } },
      };
    });
  },

  'clients.delete': (ctx, input) => {
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const before = clientDetail(db, sqlite, input.id, todayIso(ctx.core.now()));
      if (before.caseCount > 0) {
        throw new CoreError('clients.has_cases', 'A client with cases cannot be deleted; archive it instead', { cases: before.caseCount });
      }
      deleteClient(db, input.id);
      unindexEntity(sqlite, 'client', input.id);
      return { result: null, audit: { entity: 'client', entityId: String(input.id), before } };
    });
  },
};
