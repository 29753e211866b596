// Placement imports: open a file, dry run, rejected rows, commit as one transaction in a job, the history, and undo.
import type { ImportFile, ImportRow } from '../../../contract/procedures/imports';
import type { ImportMapping } from '../../../domain/import-values';
import { guessMapping, IMPORT_FIELDS } from '../../../domain/import-values';
import { todayIso } from '../../../domain/dates';
import type { Ctx, Handlers } from '../../api/context';
import type { JobControl } from '../../jobs/jobs';
import { CoreError } from '../../errors';
import { readImportFile } from '../../imports/read';
import { problemText, reasonHeaders } from '../../imports/labels';
import { writeList, type ListCell } from '../../exports/list';
import { importMappingSchema } from '../../../contract/procedures/imports';
import { insertStageMove } from '../../../../db/queries/cases';
import { getClient, insertParty } from '../../../../db/queries/parties';
import { unindexEntity, withIndexDeferred } from '../../../../db/queries/search';
import {
  addImportItem,
  deleteImportedCase,
  deleteImportedPartyIfUnused,
  findStandingImportBySha,
  getImport,
  getSavedMapping,
  importCaseReferences,
  importItemIds,
  insertImport,
  listImports,
  markImportUndone,
  rewindReferenceCounter,
  saveMapping,
  setImportCounts,
  touchedImportCases,
  type ImportListRow,
} from '../../../../db/queries/imports';
import { sha256Hex } from '../documents/handlers';
import { withPageCache } from '../../../../db/open';
import { createCase } from '../cases/write';
import { loadLadder } from '../cases/facts';
import { partyColumns } from '../parties/parties';
import { indexParty } from '../search/index-text';
import { caseIdByClientReference, findExistingParty, planImport, type ImportPlan, type PlannedRow } from './plan';
import { heldFile, holdFile, releaseFile, type HeldFile } from './held';

type ImportHandlers = Pick<Handlers, 'imports.open' | 'imports.dryRun' | 'imports.rejected' | 'imports.commit' | 'imports.list' | 'imports.undo'>;

const PREVIEW_ROWS = 10;
/** The page cache while a commit's transaction runs (KiB); see withPageCache. */
const COMMIT_CACHE_KIB = 16 * 1024;

function importRow(r: ImportListRow): ImportRow {
  return {
    id: r.id,
    clientId: r.clientId,
    clientName: r.clientName,
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    fileKind: r.fileKind,
    encoding: r.encoding,
    rowsTotal: r.rowsTotal,
    rowsSkipped: r.rowsSkipped,
    casesCreated: r.casesCreated,
    casesMatched: r.casesMatched,
    debtorsCreated: r.debtorsCreated,
    debtorsMatched: r.debtorsMatched,
    status: r.status,
    createdByName: r.createdByName ?? '',
    createdAt: r.createdAt,
    undoneByName: r.undoneByName ?? '',
    undoneAt: r.undoneAt,
  };
}

function userId(ctx: Ctx): string {
  if (!ctx.user) throw new CoreError('auth.required', 'Sign in first');
  return ctx.user.id;
}

function requireClient(ctx: Ctx, clientId: number): void {
  const client = getClient(ctx.db(), clientId);
  if (!client) throw new CoreError('not_found', 'No such client');
  if (client.archived) throw new CoreError('input.invalid', 'The client is archived', [{ path: 'clientId', code: 'custom', message: 'validation.client_archived' }]);
}

function plan(ctx: Ctx, f: HeldFile, mapping: ImportMapping, tick?: (done: number) => void): ImportPlan {
  return planImport(ctx.open().sqlite, f.table, mapping, { clientId: f.clientId, today: todayIso(ctx.core.now()), tick });
}

/**
 * The client's saved mapping over a guess for this file: a saved field whose columns this file has keeps them; the others
 * (a column the client renamed or dropped) fall back to the guess from this file's headers.
 */
function savedMapping(ctx: Ctx, clientId: number, headers: string[]): ImportMapping | null {
  const raw = getSavedMapping(ctx.open().sqlite, clientId);
  if (!raw) return null;
  const parsed = importMappingSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) return null;
  const guess = guessMapping(headers);
  const columns: ImportMapping['columns'] = {};
  let used = 0;
  for (const f of IMPORT_FIELDS) {
    const saved = (parsed.data.columns[f] ?? []).filter((h) => headers.includes(h));
    if (saved.length > 0) used++;
    const chosen = saved.length > 0 ? saved : (guess.columns[f] ?? []);
    if (chosen.length > 0) columns[f] = chosen;
  }
  return used > 0 ? { ...parsed.data, columns } : null;
}

/** The commit: plan again (the database may have moved since the dry run), then every row in one transaction. */
async function runCommit(ctx: Ctx, control: JobControl, f: HeldFile, mapping: ImportMapping, skipBadRows: boolean, byUser: string): Promise<null> {
  const total = f.table.rows.length * 2;
  const p = plan(ctx, f, mapping, (done) => control.progress(done, total));
  if (p.problemLines.size > 0 && !skipBadRows) throw new CoreError('imports.has_problems', 'Some rows fail', { problemRows: p.problemLines.size });
  if (p.summary.cases.create === 0) throw new CoreError('imports.nothing_to_import', 'Every row fails or matches an existing case');
  await new Promise((r) => setImmediate(r));
  control.signal.throwIfAborted();
  const { sqlite } = ctx.open();
  const now = ctx.core.now().toISOString();
  const today = todayIso(ctx.core.now());
  // A small page cache for this one large transaction: its changed pages go to the WAL rather than all staying in memory.
  withPageCache(sqlite, COMMIT_CACHE_KIB, () => ctx.write((db) => {
    const client = getClient(db, f.clientId);
    if (!client || client.archived) throw new CoreError('not_found', 'No such client');
    const ladder = loadLadder(db);
    const importId = insertImport(db, {
      clientId: f.clientId,
      fileName: f.fileName,
      fileSha256: f.sha256,
      fileKind: f.table.kind,
      encoding: f.table.encoding,
      mapping: JSON.stringify(mapping),
      rowsTotal: f.table.rows.length,
      rowsSkipped: p.problemLines.size,
      createdBy: byUser,
      createdAt: now,
    });
    const byIdentifier = new Map<string, number>();
    const counts = { casesCreated: 0, casesMatched: 0, debtorsCreated: 0, debtorsMatched: 0 };
    const matchedDebtors = new Set<number>();
    const writeRow = (row: PlannedRow, i: number): void => {
      control.progress(f.table.rows.length + i, total);
      if (control.signal.aborted) throw new CoreError('internal', 'cancelled');
      // Matched again inside the transaction: another user may have added the case or the debtor since the plan.
      if (row.caseValues.clientReference !== '' && caseIdByClientReference(sqlite, f.clientId, row.caseValues.clientReference) !== null) {
        counts.casesMatched++;
        return;
      }
      let partyId = row.identifier ? byIdentifier.get(row.identifier) : undefined;
      if (partyId === undefined) {
        const existing = findExistingParty(sqlite, row.party);
        if (existing !== null) {
          partyId = existing;
          if (!matchedDebtors.has(existing)) {
            matchedDebtors.add(existing);
            counts.debtorsMatched++;
          }
        } else {
          partyId = insertParty(db, { ...partyColumns(row.party, now), createdAt: now });
          indexParty(sqlite, { id: partyId, ...row.party });
          addImportItem(sqlite, importId, 'party', partyId);
          counts.debtorsCreated++;
        }
        if (row.identifier) byIdentifier.set(row.identifier, partyId);
      }
      const k = createCase(db, sqlite, { ...row.caseValues, debtorIds: [partyId] }, { now, today, ladder });
      insertStageMove(db, { caseId: k.id, fromStage: null, toStage: 'intake', on: today, at: now, byUserId: byUser, reason: '' });
      addImportItem(sqlite, importId, 'case', k.id);
      counts.casesCreated++;
    };
    // The search index is written in bulk as the rows go (see withIndexDeferred), in this same transaction. Each
    // planned row is let go once written, so a large file's plan does not stay in memory to the end.
    const planned: (PlannedRow | undefined)[] = p.rows;
    withIndexDeferred(sqlite, () => {
      for (let i = 0; i < planned.length; i++) {
        const row = planned[i];
        planned[i] = undefined;
        if (row) writeRow(row, i);
      }
    });
    setImportCounts(sqlite, importId, counts);
    saveMapping(sqlite, f.clientId, JSON.stringify(mapping), byUser, now);
    return {
      result: null,
      audit: {
        entity: 'import',
        entityId: String(importId),
        after: { clientId: f.clientId, fileName: f.fileName, sha256: f.sha256, rows: f.table.rows.length, skipped: p.problemLines.size, ...counts, mapping },
      },
    };
  }, byUser));
  control.progress(total, total);
  releaseFile(ctx.core, f.token);
  return null;
}

export const importHandlers: ImportHandlers = {
  'imports.open': async (ctx, input) => {
    const uid = userId(ctx);
    requireClient(ctx, input.clientId);
    const bytes = Buffer.from(input.contentBase64, 'base64');
    const table = await readImportFile(bytes, input.fileName, input.encoding);
    const sha256 = sha256Hex(bytes);
    const f = holdFile(ctx.core, { userId: uid, clientId: input.clientId, fileName: input.fileName, sha256, table });
    const saved = savedMapping(ctx, input.clientId, table.headers);
    const result: ImportFile = {
      token: f.token,
      fileName: input.fileName,
      kind: table.kind,
      encoding: table.encoding,
      detected: table.detected,
      sha256,
      headers: table.headers,
      preview: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells.map((c) => (c === null ? '' : typeof c === 'object' ? c.date : String(c)))),
      rowCount: table.rows.length,
      mapping: saved ?? guessMapping(table.headers),
      mappingSaved: saved !== null,
      previousImportId: findStandingImportBySha(ctx.open().sqlite, sha256),
    };
    return result;
  },

  'imports.dryRun': (ctx, input) => plan(ctx, heldFile(ctx.core, input.token, userId(ctx)), input.mapping).summary,

  'imports.rejected': async (ctx, input) => {
    const f = heldFile(ctx.core, input.token, userId(ctx));
    const p = plan(ctx, f, input.mapping);
    const reasons = new Map<number, string[]>();
    for (const pr of p.problems) reasons.set(pr.line, [...(reasons.get(pr.line) ?? []), problemText(pr, input.lang)]);
    const labels = reasonHeaders(input.lang);
    const rows = f.table.rows
      .filter((r) => reasons.has(r.line))
      .map((r): ListCell[] => [r.line, ...r.cells.map((c) => (c === null ? null : typeof c === 'object' ? c.date : c)), (reasons.get(r.line) ?? []).join('؛ ')]);
    const out = await writeList(
      { title: labels.reason, rtl: input.lang === 'ar', columns: [{ header: labels.line, type: 'int' }, ...f.table.headers.map((h) => ({ header: h, type: 'text' as const })), { header: labels.reason, type: 'text', width: 50 }], rows },
      input.format,
    );
    const base = f.fileName.replace(/\.[^.]+$/, '');
    return { fileName: `${base}-rejected.${input.format}`, mime: out.mime, contentBase64: out.bytes.toString('base64'), rows: out.rows };
  },

  'imports.commit': (ctx, input) => {
    const uid = userId(ctx);
    const f = heldFile(ctx.core, input.token, uid);
    requireClient(ctx, f.clientId);
    const job = ctx.core.jobs.start({
      kind: 'imports.commit',
      userId: uid,
      total: f.table.rows.length * 2,
      run: (control) => runCommit(ctx, control, f, input.mapping, input.skipBadRows, uid),
    });
    // Starting is recorded even if the import then fails: who tried to import which file, and when.
    ctx.write(() => ({ result: null, audit: { entity: 'import', entityId: null, after: { started: job.id, clientId: f.clientId, fileName: f.fileName, sha256: f.sha256, rows: f.table.rows.length } } }));
    return job;
  },

  'imports.list': (ctx, input) => listImports(ctx.open().sqlite, input.clientId, 200).map(importRow),

  'imports.undo': (ctx, input) => {
    const { sqlite } = ctx.open();
    const now = ctx.core.now().toISOString();
    return ctx.write(() => {
      const imp = getImport(sqlite, input.id);
      if (!imp) throw new CoreError('not_found', 'No such import');
      if (imp.status === 'undone') throw new CoreError('imports.already_undone', 'This import was undone already');
      const touched = touchedImportCases(sqlite, imp.id, 20);
      if (touched.count > 0) throw new CoreError('imports.undo_blocked', 'Later work touches cases of this import', { cases: touched.references, count: touched.count });
      const caseIds = importItemIds(sqlite, imp.id, 'case');
      const refs = importCaseReferences(sqlite, imp.id);
      for (const id of caseIds) {
        unindexEntity(sqlite, 'case', id);
        deleteImportedCase(sqlite, id);
      }
      let partiesRemoved = 0;
      for (const id of importItemIds(sqlite, imp.id, 'party')) {
        if (deleteImportedPartyIfUnused(sqlite, id)) {
          unindexEntity(sqlite, 'party', id);
          partiesRemoved++;
        }
      }
      // References stay gapless when nothing was numbered after the import's cases.
      const byYear = new Map<number, number>();
      for (const reference of refs) {
        const m = /^TH-(\d{4})-(\d+)$/.exec(reference);
        if (m) byYear.set(Number(m[1]), Math.max(byYear.get(Number(m[1])) ?? 0, Number(m[2])));
      }
      for (const [year, last] of byYear) rewindReferenceCounter(sqlite, year, last);
      markImportUndone(sqlite, imp.id, ctx.user?.id ?? null, now);
      const after = getImport(sqlite, imp.id);
      if (!after) throw new CoreError('internal', 'The import vanished');
      return {
        result: importRow(after),
        audit: { entity: 'import', entityId: String(imp.id), before: { status: 'committed' }, after: { status: 'undone', casesRemoved: caseIds.length, partiesRemoved, partiesKept: importItemIds(sqlite, imp.id, 'party').length - partiesRemoved } },
      };
    });
  },
};
