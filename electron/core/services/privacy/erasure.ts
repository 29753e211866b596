// PDPL erasure: once every case of a debtor or guarantor closed at least retentionYears ago (setting, default 10),
// their personal data is removed in one transaction — the party's details, the free text of their cases and of the
// rows that hang off them, their documents' content, the pages of their letters and receipts (replaced by a notice;
// a batch keeps the other debtors' pages), their name in remittance statements (re-issued), the search index, and
// the payloads of the audit entries about them — while the amounts, stages, statuses, dates and numbers stay, so the
// reports still add up. PDFs are read and redacted before the transaction (pdf-lib is async, SQLite transactions are
// not); inside it every stored pointer is checked to be the one that was redacted, else conflict.stale.
import type { ErasureBlock, ErasurePreview, ErasureResult } from '../../../contract/procedures/privacy';
import type { LedgerItemRow } from '../../../contract/procedures/ledger';
import { addDays, addYears, todayIso } from '../../../domain/dates';
import { figuresOf } from '../../../domain/ledger';
import type { Handlers, Ctx } from '../../api/context';
import { CoreError } from '../../errors';
import { withRegisterLock } from '../../letters/register-lock';
import { pdfPageCount, redactPages, type RedactionRange } from '../../pdf/redact';
import { loadSettings } from '../office/settings';
import { sha256Hex } from '../documents/handlers';
import { statementCases } from '../ledger/figures';
import { renderStatement } from '../ledger/statement';
import { letterDigits } from '../letters/rows';
import { indexCase } from '../search/index-text';
import type { Sqlite } from '../../../../db/open';
import { auditEntriesMentioning, countAuditPayloads, redactAuditEntries, redactAuditPayloads, type AuditTarget } from '../../../../db/queries/audit';
import {
  blobBytesOf,
  caseSearchFacts,
  countDueParties,
  debtorNameWithout,
  deleteBlobIfUnused,
  dueParties,
  eraseCaseTexts,
  eraseDocuments,
  erasePartyRow,
  erasureFacts,
  erasureLetters,
  erasureReceipts,
  erasureRemittances,
  erasureRowIds,
  partyCaseIds,
  partyIdentifiers,
  pdfPointers,
  searchSecureDelete,
  truncateWal,
  withSecureDelete,
  putBlobRow,
  recordRedaction,
  repointPdf,
  type ErasureFacts,
} from '../../../../db/queries/erasure';
import { remittanceItemRows } from '../../../../db/queries/ledger';
import { getClient } from '../../../../db/queries/parties';
import { unindexEntity } from '../../../../db/queries/search';
import { findUserById } from '../../../../db/queries/users';
import { decodeCursor, encodeCursor } from '../../../../db/queries/pagination';

type ErasureHandlers = Pick<Handlers, 'privacy.due' | 'privacy.erasePreview' | 'privacy.erase'>;

interface Retention {
  years: number;
  today: string;
  /** The last closing day that is due today: addYears(cutoff, years) <= today. */
  cutoff: string;
}

function retention(ctx: Ctx): Retention {
  const years = loadSettings(ctx.db()).retentionYears;
  const today = todayIso(ctx.core.now());
  let cutoff = addYears(today, -years);
  // 29 February closes due on 28 February of a common year: the cutoff moves forward while the next day is due too.
  while (addYears(addDays(cutoff, 1), years) <= today) cutoff = addDays(cutoff, 1);
  return { years, today, cutoff };
}

/** Why the party cannot be erased now (null: it can), and from when it can. */
function blockOf(f: ErasureFacts, r: Retention): { block: ErasureBlock | null; erasableFrom: string | null } {
  if (f.erasedAt !== null) return { block: 'already_erased', erasableFrom: null };
  if (f.openCases > 0) return { block: 'open_case', erasableFrom: null };
  if (f.cases === 0 || f.lastClosedOn === null) return { block: 'not_due', erasableFrom: null };
  const erasableFrom = addYears(f.lastClosedOn, r.years);
  return { block: erasableFrom <= r.today ? null : 'not_due', erasableFrom };
}

function refuse(block: ErasureBlock, erasableFrom: string | null): never {
  if (block === 'already_erased') throw new CoreError('privacy.already_erased', "This person's data was erased before");
  if (block === 'open_case') throw new CoreError('privacy.open_case', 'The person has a case that is not closed');
  throw new CoreError('privacy.not_due', 'The retention period has not passed', { erasableFrom });
}

function requireFacts(sqlite: Sqlite, partyId: number): ErasureFacts {
  const f = erasureFacts(sqlite, partyId);
  if (!f) throw new CoreError('not_found', 'No such debtor or guarantor');
  return f;
}

/** The audit entries about the party and every record of their cases, by the entity names the services log. */
function auditTargets(partyId: number, caseIds: readonly number[], rowIds: Record<string, number[]>): AuditTarget[] {
  return [
    { entity: 'party', entityIds: [String(partyId)] },
    { entity: 'case', entityIds: caseIds.map(String) },
    ...Object.entries(rowIds).map(([entity, ids]) => ({ entity, entityIds: ids.map(String) })),
  ].filter((t) => t.entityIds.length > 0);
}

/** Audit entries that name no record but may quote what someone typed: list exports' and report exports' filters, imports. */
const FREE_TEXT_ENTITIES = ['export', 'report', 'import'];

/**
 * The person's identifiers as someone would have typed them: names, ID/CR/VAT numbers, emails, and phones both as
 * stored (+9665…) and as dialled locally (05…). Short fragments are left out: they would match other people's text.
 */
function typedIdentifiers(sqlite: Sqlite, partyId: number): string[] {
  const p = partyIdentifiers(sqlite, partyId);
  if (!p) return [];
  const list = (json: string): string[] => {
    try {
      const v: unknown = JSON.parse(json);
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  };
  const phones = list(p.phones).flatMap((ph) => (ph.startsWith('+966') ? [ph, ph.slice(1), `0${ph.slice(4)}`] : [ph]));
  const terms = [p.name, p.nameEn, p.nationalId, p.crNumber, p.vatNumber, ...phones, ...list(p.emails)].map((t) => t.trim());
  return [...new Set(terms.filter((t) => t.length >= 5))];
}

function preview(sqlite: Sqlite, f: ErasureFacts, r: Retention): ErasurePreview {
  const { block, erasableFrom } = blockOf(f, r);
  const caseIds = partyCaseIds(sqlite, f.id);
  const rowIds = erasureRowIds(sqlite, f.id, caseIds);
  const letters = erasureLetters(sqlite, f.id, caseIds);
  return {
    partyId: f.id,
    name: f.name,
    version: f.version,
    block,
    erasableFrom: block === 'not_due' || block === null ? erasableFrom : null,
    cases: caseIds.length,
    communications: rowIds.communication?.length ?? 0,
    documents: rowIds.document?.length ?? 0,
    letters: letters.length,
    batchLetters: letters.filter((l) => l.batchId !== null).length,
    receipts: erasureReceipts(sqlite, caseIds).length,
    statements: erasureRemittances(sqlite, caseIds).length,
    auditEntries:
      countAuditPayloads(sqlite, auditTargets(f.id, caseIds, rowIds)) + auditEntriesMentioning(sqlite, FREE_TEXT_ENTITIES, typedIdentifiers(sqlite, f.id)).length,
  };
}

/** A stored PDF and what replaces it. */
interface Redaction {
  original: string;
  bytes: Uint8Array;
  sha256: string;
}

interface Plan {
  caseIds: number[];
  /** The stored pointers the redactions were made from; the transaction checks they have not moved. */
  pointers: string;
  redactions: Redaction[];
  letters: number;
  receipts: number;
  statements: number;
}

async function redactWhole(pdf: Uint8Array, reference: string, erasedOn: string): Promise<Uint8Array> {
  return redactPages(pdf, [{ firstPage: 1, pageCount: await pdfPageCount(pdf), reference }], { erasedOn });
}

function remittancePointers(sqlite: Sqlite, caseIds: readonly number[]): string {
  return erasureRemittances(sqlite, caseIds)
    .map((r) => `r${r.id}:${r.statementSha256}`)
    .join(',');
}

/** Read and redact every stored PDF that carries the person (async, before the transaction). */
async function planRedactions(ctx: Ctx, partyId: number, today: string): Promise<Plan> {
  const db = ctx.db();
  const sqlite = db.$client;
  const caseIds = partyCaseIds(sqlite, partyId);
  const pointers = `${pdfPointers(sqlite, partyId, caseIds)}|${remittancePointers(sqlite, caseIds)}`;
  const redactions: Redaction[] = [];
  const add = (original: string, bytes: Uint8Array): void => {
    redactions.push({ original, bytes, sha256: sha256Hex(bytes) });
  };
  const stored = (sha: string): Uint8Array => {
    const bytes = blobBytesOf(sqlite, sha);
    if (!bytes) throw new CoreError('internal', 'A stored PDF is missing');
    return new Uint8Array(bytes);
  };
  // Letters: per stored file, the person's pages (a single letter is its whole file; a batch keeps the other pages).
  const letters = erasureLetters(sqlite, partyId, caseIds);
  const byPdf = new Map<string, RedactionRange[]>();
  for (const l of letters) byPdf.set(l.pdfSha256, [...(byPdf.get(l.pdfSha256) ?? []), { firstPage: l.firstPage, pageCount: l.pageCount, reference: l.number }]);
  for (const [sha, ranges] of byPdf) add(sha, await redactPages(stored(sha), ranges, { erasedOn: today }));
  // Receipts: every page.
  const receipts = erasureReceipts(sqlite, caseIds);
  for (const p of receipts) add(p.receiptSha256, await redactWhole(stored(p.receiptSha256), p.receiptNumber, today));
  // Remittance statements: issued again from the database with the person's name gone from the schedule (a voided
  // remittance lost the items its schedule was made from: its statement is replaced whole).
  const remittances = erasureRemittances(sqlite, caseIds);
  const inScope = new Set(caseIds);
  for (const r of remittances) {
    const client = getClient(db, r.clientId);
    if (r.state === 'void' || !client) {
      add(r.statementSha256, await redactWhole(stored(r.statementSha256), r.number, today));
      continue;
    }
    const items: LedgerItemRow[] = remittanceItemRows(sqlite, r.id).map((it) => ({
      ...it,
      debtorName: inScope.has(it.caseId) ? debtorNameWithout(sqlite, it.caseId, partyId) : it.debtorName,
      onDate: '',
      reversal: it.amountMinor < 0,
      receiptNumber: null,
    }));
    const pdf = await renderStatement(db, client, {
      number: r.number,
      today: todayIso(new Date(r.createdAt)),
      lang: r.lang,
      digits: letterDigits(ctx),
      currency: r.currency,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      figures: figuresOf(items),
      cases: statementCases(items),
      issuer: r.createdBy ? (findUserById(db, r.createdBy) ?? null) : null,
    });
    add(r.statementSha256, pdf);
  }
  return { caseIds, pointers, redactions, letters: letters.length, receipts: receipts.length, statements: remittances.length };
}

export const erasureHandlers: ErasureHandlers = {
  'privacy.due': (ctx, input) => {
    const sqlite = ctx.db().$client;
    const r = retention(ctx);
    const cursor = decodeCursor(input.cursor);
    const after: [string, number] | null = cursor && typeof cursor[0] === 'string' ? [cursor[0], cursor[1]] : null;
    const rows = dueParties(sqlite, r.cutoff, after, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      rows: page.map((p) => ({ ...p, erasableFrom: addYears(p.lastClosedOn, r.years) })),
      nextCursor: rows.length > input.limit && last ? encodeCursor([last.lastClosedOn, last.partyId]) : null,
      total: countDueParties(sqlite, r.cutoff),
      retentionYears: r.years,
    };
  },

  'privacy.erasePreview': (ctx, input) => {
    const sqlite = ctx.db().$client;
    return preview(sqlite, requireFacts(sqlite, input.partyId), retention(ctx));
  },

  // Under the register lock, like letters and remittances: nothing prints a letter or a statement of these cases
  // (from the data as it was) between the redactions and the commit.
  'privacy.erase': (ctx, input) => withRegisterLock(async () => {
    const r = retention(ctx);
    const checked = (sqlite: Sqlite): ErasureFacts => {
      const f = requireFacts(sqlite, input.partyId);
      const { block, erasableFrom } = blockOf(f, r);
      if (block) refuse(block, erasableFrom);
      if (f.version !== input.version) throw new CoreError('conflict.stale', 'This person was changed by someone else', preview(sqlite, f, r));
      return f;
    };
    checked(ctx.db().$client);
    const plan = await planRedactions(ctx, input.partyId, r.today);
    const at = ctx.core.now().toISOString();
    const by = ctx.user?.id ?? null;
    const erased = withSecureDelete(ctx.db().$client, () => ctx.write((db) => {
      const sqlite = db.$client;
      checked(sqlite);
      const caseIds = partyCaseIds(sqlite, input.partyId);
      // The PDFs were redacted from these pointers: if a letter, receipt or statement moved meanwhile, start again.
      if (caseIds.join(',') !== plan.caseIds.join(',') || `${pdfPointers(sqlite, input.partyId, caseIds)}|${remittancePointers(sqlite, caseIds)}` !== plan.pointers) {
        throw new CoreError('conflict.stale', "The person's letters or receipts changed during the erasure", preview(sqlite, requireFacts(sqlite, input.partyId), r));
      }
      const rowIds = erasureRowIds(sqlite, input.partyId, caseIds);
      const targets = auditTargets(input.partyId, caseIds, rowIds);
      const mentions = auditEntriesMentioning(sqlite, FREE_TEXT_ENTITIES, typedIdentifiers(sqlite, input.partyId));
      if (!erasePartyRow(sqlite, input.partyId, input.version, { at, by })) throw new Error('the party changed inside the erasure transaction');
      eraseCaseTexts(sqlite, input.partyId, caseIds);
      const unused = new Set(eraseDocuments(sqlite, rowIds.document ?? [], { at, by }));
      for (const x of plan.redactions) {
        putBlobRow(sqlite, x.sha256, x.bytes, at);
        recordRedaction(sqlite, x.original, x.sha256, { at, by });
        repointPdf(sqlite, x.original, x.sha256, x.bytes.length);
        unused.add(x.original);
      }
      let blobsDeleted = 0;
      for (const sha of unused) if (deleteBlobIfUnused(sqlite, sha)) blobsDeleted++;
      // The search index: the person is gone, and their cases are found by reference only (or a co-debtor's name).
      searchSecureDelete(sqlite, true);
      unindexEntity(sqlite, 'party', input.partyId);
      for (const id of caseIds) {
        const k = caseSearchFacts(sqlite, id);
        if (k) indexCase(sqlite, k);
      }
      searchSecureDelete(sqlite, false);
      const byRecord = redactAuditPayloads(sqlite, targets, at);
      const byMention = redactAuditEntries(sqlite, mentions, at);
      const audit = { redacted: byRecord.redacted + byMention.redacted, legacy: [...byRecord.legacy, ...byMention.legacy].sort((a, b) => a.seq - b.seq) };
      const result: ErasureResult = {
        partyId: input.partyId,
        erasedAt: at,
        cases: caseIds.length,
        communications: rowIds.communication?.length ?? 0,
        documents: rowIds.document?.length ?? 0,
        letters: plan.letters,
        receipts: plan.receipts,
        statements: plan.statements,
        auditEntries: audit.redacted,
      };
      const { partyId: _p, erasedAt: _e, ...counts } = result;
      return {
        result,
        // The act and its counts, never the data; the old-format entries whose content can no longer be re-checked.
        audit: { entity: 'party', entityId: String(input.partyId), after: { erased: true, retentionYears: r.years, ...counts, blobsDeleted, legacyAuditEntries: audit.legacy } },
      };
    }));
    truncateWal(ctx.db().$client);
    return erased;
  }),
};
