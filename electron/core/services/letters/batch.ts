// Batch printing: check which cases can get the letter, then a job renders them into one merged PDF and
// stores every letter on its case with its number, all in one transaction at the end (cancel = nothing).
import type { BatchCheck, BlockedCase, JobState, LetterInputs, TemplateKind } from '../../../contract/procedures/letters';
import { MAX_BATCH } from '../../../contract/procedures/letters';
import type { CaseFilter } from '../../../contract/procedures/cases';
import { TEMPLATE_KIND_INFO, usedFields, type TemplateLang } from '../../../domain/template';
import { isClosedStatus, type CaseStatus } from '../../../domain/ladder';
import type { Ctx, Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { escalationQueue, listCases } from '../../../../db/queries/cases';
import { getBlob, putBlob } from '../../../../db/queries/documents';
import { getBatch, insertBatch, insertBatchLetter, letterCase, nextOutgoing, peekOutgoing } from '../../../../db/queries/letters';
import { searchIds } from '../../../../db/queries/search';
import { renderLetters, type LetterContent } from '../../pdf';
import { letterDocumentOptions } from '../../letters/compose';
import { hardMissing, newVerifyCode, prepareLetter, templateBody } from '../../letters/produce';
import { withRegisterLock } from '../../letters/register-lock';
import { caseLetterValues, LetterSource } from '../../letters/values';
import { queryTerms } from '../search/index-text';
import { sha256Hex } from '../documents/handlers';
import { loadLadder } from '../cases/facts';
import { assertCaseKind, outgoingNumber } from './letters';
import { letterDigits, today } from './rows';
import { letterBreaches, packOf } from '../activity/rules';
import { loadSettings } from '../office/settings';
import type { PackRules } from '../../../domain/rule-pack';

type BatchHandlers = Pick<Handlers, 'letters.batchCheck' | 'letters.batchStart' | 'letters.batchPdf'>;

const NO_INPUTS: LetterInputs = { settlementAmountMinor: null, settlementDeadline: null, planCount: null, planFrequency: null, planFirstDate: null };

type Selection = { caseIds: number[] } | { filter: CaseFilter } | { queue: true };

/** The case ids a selection means, in the order their letters will be numbered and printed. */
function selectedIds(ctx: Ctx, selection: Selection): number[] {
  const { sqlite } = ctx.open();
  if ('caseIds' in selection) return [...new Set(selection.caseIds)];
  if ('queue' in selection) return escalationQueue(sqlite, { today: today(ctx), cursor: null, limit: MAX_BATCH }).rows.map((r) => r.id);
  const { query, ...filter } = selection.filter;
  const ids = query ? searchIds(sqlite, 'case', queryTerms(query), MAX_BATCH) : null;
  return listCases(sqlite, { filter: { ...filter, ids }, sort: 'reference', dir: 'asc', cursor: null, limit: MAX_BATCH }).rows.map((r) => r.id);
}

/**
 * Which cases can get this letter now, and why the others cannot. `quick` skips evaluating the template per case
 * (the job does that anyway while preparing each letter, and drops a case that turns out to lack a required value).
 */
export function checkBatch(ctx: Ctx, db: Db, ids: readonly number[], kind: TemplateKind, lang: TemplateLang, quick = false): BatchCheck {
  assertCaseKind(kind);
  const source = new LetterSource(db);
  const sqlite = db.$client;
  const body = templateBody(db, kind, lang);
  const ladder = loadLadder(db);
  const date = today(ctx);
  const check: BatchCheck = { ready: [], blocked: [] };
  const settings = loadSettings(db);
  const packs = new Map<number, PackRules>();
  const at = ctx.core.now().toISOString();
  for (const id of ids) {
    const k = letterCase(sqlite, id);
    if (!k) continue;
    const reasons: BlockedCase['reasons'] = [];
    if (k.stage === 'closed' || isClosedStatus(k.status as CaseStatus)) reasons.push({ code: 'closed', detail: k.status });
    if (!packs.has(k.clientId)) packs.set(k.clientId, packOf(db, k.clientId, settings));
    for (const b of letterBreaches(sqlite, packs.get(k.clientId) ?? null, id, kind, at)) reasons.push({ code: 'rule_pack', detail: b.code });
    const facts = caseLetterValues(source, id, { lang, today: date, outgoingNumber: '', verifyCode: '', deadlineDays: TEMPLATE_KIND_INFO[kind].deadlineDays, inputs: NO_INPUTS, ladder });
    if (facts) {
      const missing = hardMissing(kind, facts, quick ? [] : usedFields(body, facts.values));
      if (missing.includes('debtor.address')) reasons.push({ code: 'no_address', detail: 'debtor.address' });
      const others = missing.filter((m) => m !== 'debtor.address');
      if (others.length > 0) reasons.push({ code: 'missing_fields', detail: others.join(', ') });
    }
    if (reasons.length > 0) check.blocked.push({ caseId: id, reference: k.reference, debtorName: k.debtorName, reasons });
    else check.ready.push({ caseId: id, reference: k.reference, debtorName: k.debtorName });
  }
  return check;
}

/** What a printed letter's row needs, kept once its text has been drawn. */
interface PrintedLetter {
  caseId: number;
  verifyCode: string;
  partyId: number | null;
  deadlineOn: string | null;
  amountMinor: number | null;
  currency: string;
}

async function runBatch(
  ctx: Ctx,
  job: { signal: AbortSignal; progress: (done: number, total: number) => void },
  input: { caseIds: number[]; kind: TemplateKind; lang: TemplateLang; deadlineDays: number | null },
): Promise<JobState['result']> {
  return withRegisterLock(async () => {
    const db = ctx.db();
    const { sqlite } = ctx.open();
    const date = today(ctx);
    const year = Number(date.slice(0, 4));
    const digits = letterDigits(ctx);
    const body = templateBody(db, input.kind, input.lang);
    const ladder = loadLadder(db);
    const first = peekOutgoing(sqlite, year);
    const source = new LetterSource(db);
    // Each letter is prepared when the engine asks for it and drawn at once; only what its row needs is kept.
    const printed: PrintedLetter[] = [];
    const total = input.caseIds.length;
    let considered = 0;
    function* letters(): Generator<LetterContent> {
      for (const caseId of input.caseIds) {
        considered++;
        const verifyCode = newVerifyCode();
        // Numbers go to the letters that are printed, in order: a case dropped here takes none.
        const number = outgoingNumber(year, first + printed.length);
        const p = prepareLetter(source, caseId, { kind: input.kind, lang: input.lang, digits, body, today: date, outgoingNumber: number, verifyCode, deadlineDays: input.deadlineDays, inputs: NO_INPUTS, ladder });
        if (!p) throw new CoreError('not_found', 'A case of the batch no longer exists');
        if (hardMissing(input.kind, p.facts, p.missing).length > 0) continue;
        const deadline = p.values['letter.deadlineDate'];
        const balance = p.values['case.balance'];
        printed.push({
          caseId,
          verifyCode,
          partyId: p.facts.debtor?.id ?? null,
          deadlineOn: typeof deadline === 'string' ? deadline : null,
          amountMinor: typeof balance === 'object' && balance !== null ? balance.minor : null,
          currency: p.facts.case.currency,
        });
        yield p.content;
      }
      job.progress(total, total);
    }
    const merged = await renderLetters(letterDocumentOptions(source.getOffice(), input.lang, digits), letters(), {
      signal: job.signal,
      onLetter: () => job.progress(considered, total),
    });
    if (printed.length === 0) throw new CoreError('letters.no_cases', 'None of these cases can get this letter');
    job.signal.throwIfAborted();
    const sha = sha256Hex(merged.pdf);
    const now = ctx.core.now().toISOString();
    const userId = ctx.user?.id ?? null;
    return ctx.write((wdb) => {
      putBlob(wdb, sha, merged.pdf, now);
      const batchId = insertBatch(wdb, { kind: input.kind, lang: input.lang, count: printed.length, pdfSha256: sha, createdBy: userId, createdAt: now });
      const audit = [];
      for (let i = 0; i < printed.length; i++) {
        const { caseId, verifyCode, partyId, deadlineOn, amountMinor, currency } = printed[i] as PrintedLetter;
        const taken = nextOutgoing(wdb, year);
        if (taken.seq !== first + i) throw new Error(`outgoing number moved: printed ${outgoingNumber(year, first + i)}, register gave ${taken.number}`);
        const pages = merged.letters[i] ?? { firstPage: 1, pageCount: 1 };
        const letterId = insertBatchLetter(wdb, {
          number: taken.number,
          year,
          seq: taken.seq,
          caseId,
          partyId,
          kind: input.kind,
          lang: input.lang,
          letterDate: date,
          deadlineOn,
          amountMinor,
          currency,
          pdfSha256: sha,
          firstPage: pages.firstPage,
          pageCount: pages.pageCount,
          batchId,
          verifyCode,
          createdBy: userId,
          createdAt: now,
        });
        audit.push({ entity: 'letter', entityId: String(letterId), after: { number: taken.number, caseId, kind: input.kind, batchId } });
      }
      audit.push({ entity: 'letter_batch', entityId: String(batchId), after: { count: printed.length, kind: input.kind, lang: input.lang, sha256: sha } });
      return {
        result: { batchId, count: printed.length, firstNumber: outgoingNumber(year, first), lastNumber: outgoingNumber(year, first + printed.length - 1) },
        audit,
      };
    });
  });
}

export const batchHandlers: BatchHandlers = {
  'letters.batchCheck': (ctx, input) => checkBatch(ctx, ctx.db(), selectedIds(ctx, input.selection), input.kind, input.lang),

  'letters.batchStart': (ctx, input) => {
    const check = checkBatch(ctx, ctx.db(), [...new Set(input.caseIds)], input.kind, input.lang, true);
    if (check.ready.length === 0) throw new CoreError('letters.no_cases', 'None of these cases can get this letter', { blocked: check.blocked });
    const caseIds = check.ready.map((r) => r.caseId);
    const user = ctx.user;
    if (!user) throw new CoreError('auth.required', 'Sign in first');
    const job = ctx.core.jobs.start({
      kind: 'letters.batch',
      userId: user.id,
      total: caseIds.length,
      run: (control) => runBatch(ctx, control, { caseIds, kind: input.kind, lang: input.lang, deadlineDays: input.deadlineDays }),
    });
    // Starting is recorded even if the batch is later cancelled: who tried to print what, and when.
    ctx.write(() => ({ result: null, audit: { entity: 'letter_batch', entityId: null, after: { started: job.id, kind: input.kind, lang: input.lang, cases: caseIds.length, skipped: check.blocked.length } } }));
    return job;
  },

  'letters.batchPdf': (ctx, input) => {
    const db = ctx.db();
    const batch = getBatch(db, input.batchId);
    if (!batch) throw new CoreError('not_found', 'No such batch');
    const bytes = getBlob(db, batch.pdfSha256);
    if (!bytes) throw new CoreError('internal', 'The stored PDF is missing');
    return { fileName: `letters-batch-${batch.id}.pdf`, pdfBase64: bytes.toString('base64') };
  },
};

export const jobHandlers: Pick<Handlers, 'jobs.get' | 'jobs.cancel'> = {
  'jobs.get': (ctx, input) => ctx.core.jobs.get(input.id, ctx.user?.id ?? ''),
  'jobs.cancel': (ctx, input) => ctx.core.jobs.cancel(input.id, ctx.user?.id ?? ''),
};
