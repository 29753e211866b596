// Letters and the outgoing register: generate (numbered, stored exactly as printed, logged), dispatch, void, verify.
import type { LetterInputs, TemplateKind } from '../../../contract/procedures/letters';
import { TEMPLATE_KIND_INFO, type TemplateLang } from '../../../domain/template';
import { isClosedStatus, type CaseStatus } from '../../../domain/ladder';
import type { Ctx, Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getCase, setDerivedColumns, updateCaseVersioned, type CaseRecord } from '../../../../db/queries/cases';
import { getBlob, getDocument, putBlob } from '../../../../db/queries/documents';
import {
  findLetterByCode,
  getLetter,
  insertCommunication,
  insertLetter,
  lettersForCase,
  listRegister,
  nextOutgoing,
  peekOutgoing,
  updateLetterVersioned,
  type LetterRecord,
} from '../../../../db/queries/letters';
import { getOffice } from '../../../../db/queries/office';
import { extractPages, renderLetters } from '../../pdf';
import { letterDocumentOptions } from '../../letters/compose';
import { hardMissing, newVerifyCode, normaliseVerifyCode, prepareLetter, templateBody } from '../../letters/produce';
import { withRegisterLock } from '../../letters/register-lock';
import { LetterSource } from '../../letters/values';
import { sha256Hex } from '../documents/handlers';
import { loadLadder } from '../cases/facts';
import { caseEscalation } from '../promises/standing';
import { letterDigits, letterRow, requireLetterRow, today } from './rows';
import { enforce, letterBreaches, packOf } from '../activity/rules';

type LetterHandlers = Pick<
  Handlers,
  'letters.generate' | 'letters.forCase' | 'letters.register' | 'letters.pdf' | 'letters.dispatch' | 'letters.void' | 'letters.verify'
>;

/** Receipts and remittance statements come from payments and remittances (the money screens), not from a case. */
export function assertCaseKind(kind: TemplateKind): void {
  if (kind === 'payment_receipt' || kind === 'remittance_statement') {
    throw new CoreError('letters.kind_not_for_case', 'This document is produced from a payment or a remittance');
  }
}

export function assertOpen(k: CaseRecord): void {
  if (k.stage === 'closed' || isClosedStatus(k.status as CaseStatus)) throw new CoreError('cases.closed', 'A closed case gets no letters');
}

export function outgoingNumber(year: number, seq: number): string {
  return `OUT-${year}-${String(seq).padStart(6, '0')}`;
}

/** The letter's own record in the communication log (the office's evidence of what was sent when). */
export function logLetter(db: Db, l: Pick<LetterRecord, 'id' | 'caseId' | 'partyId' | 'number'>, userId: string | null, at: string, outcome: string, notes: string): void {
  insertCommunication(db, { caseId: l.caseId, partyId: l.partyId, channel: 'letter', direction: 'out', occurredAt: at, userId, outcome, notes: notes || l.number, letterId: l.id, createdAt: at });
}

function requireLetter(db: Db, id: number): LetterRecord {
  const l = getLetter(db, id);
  if (!l) throw new CoreError('not_found', 'No such letter');
  return l;
}

async function generate(ctx: Ctx, input: { caseId: number; kind: TemplateKind; lang: TemplateLang; deadlineDays: number | null; inputs: LetterInputs }) {
  assertCaseKind(input.kind);
  const db = ctx.db();
  const { sqlite } = ctx.open();
  const k = getCase(db, input.caseId);
  if (!k) throw new CoreError('not_found', 'No such case');
  assertOpen(k);
  // A SAMA client's case with an open objection gets no reminder, final notice or demand.
  enforce(letterBreaches(sqlite, packOf(db, k.clientId), k.id, input.kind, ctx.core.now().toISOString()), ctx.user, false, '');
  const date = today(ctx);
  const year = Number(date.slice(0, 4));
  const digits = letterDigits(ctx);
  const office = getOffice(db);
  return withRegisterLock(async () => {
    const seq = peekOutgoing(sqlite, year);
    const number = outgoingNumber(year, seq);
    const verifyCode = newVerifyCode();
    const prepared = prepareLetter(new LetterSource(db), input.caseId, {
      kind: input.kind,
      lang: input.lang,
      digits,
      body: templateBody(db, input.kind, input.lang),
      today: date,
      outgoingNumber: number,
      verifyCode,
      deadlineDays: input.deadlineDays,
      inputs: input.inputs,
      ladder: loadLadder(db),
    });
    if (!prepared) throw new CoreError('not_found', 'No such case');
    const missing = hardMissing(input.kind, prepared.facts, prepared.missing);
    if (missing.length > 0) throw new CoreError('letters.missing_fields', 'The case lacks what this letter must print', { fields: missing });
    const merged = await renderLetters(letterDocumentOptions(office, input.lang, digits), [prepared.content]);
    const pdf = merged.pdf;
    const sha = sha256Hex(pdf);
    const now = ctx.core.now().toISOString();
    const deadline = prepared.values['letter.deadlineDate'];
    const balance = prepared.values['case.balance'];
    return ctx.write((wdb) => {
      const taken = nextOutgoing(wdb, year);
      // Under the lock nothing else numbers letters; if the counter moved anyway, refuse rather than misprint.
      if (taken.number !== number) throw new Error(`outgoing number moved: printed ${number}, register gave ${taken.number}`);
      putBlob(wdb, sha, pdf, now);
      const letter = insertLetter(wdb, {
        number,
        year,
        seq: taken.seq,
        caseId: input.caseId,
        partyId: prepared.facts.debtor?.id ?? null,
        kind: input.kind,
        lang: input.lang,
        letterDate: date,
        deadlineOn: typeof deadline === 'string' ? deadline : null,
        amountMinor: typeof balance === 'object' && balance !== null ? balance.minor : null,
        currency: k.currency,
        pdfSha256: sha,
        firstPage: 1,
        pageCount: merged.letters[0]?.pageCount ?? 1,
        verifyCode,
        createdBy: ctx.user?.id ?? null,
        createdAt: now,
      });
      logLetter(wdb, letter, ctx.user?.id ?? null, now, 'generated', '');
      return {
        result: requireLetterRow(sqlite, letter.id),
        audit: { entity: 'letter', entityId: String(letter.id), after: { number, caseId: input.caseId, kind: input.kind, lang: input.lang, sha256: sha } },
      };
    });
  });
}

const ORDER = ['generated', 'printed', 'sent', 'delivered', 'returned'] as const;

export const letterHandlers: LetterHandlers = {
  'letters.generate': (ctx, input) => generate(ctx, input),

  'letters.forCase': (ctx, input) => lettersForCase(ctx.open().sqlite, input.caseId).map(letterRow),

  'letters.register': (ctx, input) => {
    const page = listRegister(ctx.open().sqlite, input.filter, input.cursor, input.limit);
    return { rows: page.rows.map(letterRow), nextCursor: page.nextCursor, total: page.total };
  },

  'letters.pdf': async (ctx, input) => {
    const db = ctx.db();
    const l = requireLetter(db, input.id);
    const bytes = getBlob(db, l.pdfSha256);
    if (!bytes) throw new CoreError('internal', 'The stored PDF is missing');
    // A batch letter is its pages of the batch file, exactly as printed; a single letter is its own file.
    const pdf = l.batchId === null ? bytes : await extractPages(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), l.firstPage, l.pageCount);
    return { fileName: `${l.number}.pdf`, pdfBase64: Buffer.from(pdf).toString('base64') };
  },

  'letters.dispatch': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const date = today(ctx);
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const l = requireLetter(db, input.id);
      if (l.voidedAt) throw new CoreError('letters.voided', 'A voided letter is not dispatched');
      const from = ORDER.indexOf(l.dispatchState as (typeof ORDER)[number]);
      const to = ORDER.indexOf(input.state);
      // Forward only; delivered and returned are both ends (a returned letter is not then delivered, and vice versa).
      if (to <= from || (l.dispatchState === 'delivered' && input.state === 'returned')) {
        throw new CoreError('letters.dispatch_order', 'The letter is already past this state', { current: l.dispatchState });
      }
      if (input.on < l.letterDate || input.on > date) {
        throw new CoreError('letters.dispatch_order', 'The date must be between the letter date and today', { from: l.letterDate, to: date });
      }
      if (input.proofDocumentId !== null) {
        const proof = getDocument(db, input.proofDocumentId);
        if (!proof || proof.caseId !== l.caseId || proof.removedAt) throw new CoreError('not_found', 'The delivery proof is not a document of this case');
      }
      const patch: Partial<LetterRecord> = { dispatchState: input.state };
      if (input.state === 'sent') Object.assign(patch, { sentOn: input.on, dispatchMethod: input.method ?? 'hand' });
      if (input.state === 'delivered') Object.assign(patch, { deliveredOn: input.on, deliveryProofId: input.proofDocumentId, dispatchMethod: l.dispatchMethod ?? input.method });
      if (input.state === 'returned') Object.assign(patch, { returnedOn: input.on });
      if (!updateLetterVersioned(db, l.id, input.version, patch)) {
        throw new CoreError('conflict.stale', 'The letter was changed by someone else', requireLetterRow(sqlite, l.id));
      }
      if (input.state !== 'printed') logLetter(db, l, ctx.user?.id ?? null, now, input.state, `${l.number} ${input.method ?? ''}`.trim());
      // Delivery of a pre-filing notice or a demand starts its statutory wait on the case (the first delivery counts).
      const wait = TEMPLATE_KIND_INFO[l.kind as TemplateKind].startsWait;
      let caseChange: Record<string, string> | undefined;
      if (input.state === 'delivered' && wait) {
        const k = getCase(db, l.caseId);
        const column = wait === 'notice' ? 'noticeDeliveredOn' : 'demandDeliveredOn';
        if (k && k[column] === null) {
          updateCaseVersioned(db, k.id, k.version, { [column]: input.on, updatedAt: now });
          const updated = getCase(db, k.id);
          if (updated) setDerivedColumns(db, k.id, caseEscalation(db, updated, date, loadLadder(db)));
          caseChange = { [column]: input.on };
        }
      }
      return {
        result: requireLetterRow(sqlite, l.id),
        audit: [
          { entity: 'letter', entityId: String(l.id), before: { state: l.dispatchState }, after: { ...patch } },
          ...(caseChange ? [{ entity: 'case', entityId: String(l.caseId), after: caseChange }] : []),
        ],
      };
    });
  },

  'letters.void': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const l = requireLetter(db, input.id);
      if (l.voidedAt) throw new CoreError('letters.voided', 'The letter is already voided');
      if (!updateLetterVersioned(db, l.id, input.version, { voidedAt: now, voidedBy: ctx.user?.id ?? null, voidReason: input.reason })) {
        throw new CoreError('conflict.stale', 'The letter was changed by someone else', requireLetterRow(sqlite, l.id));
      }
      return { result: requireLetterRow(sqlite, l.id), audit: { entity: 'letter', entityId: String(l.id), after: { voided: true, reason: input.reason } } };
    });
  },

  'letters.verify': (ctx, input) => {
    const code = normaliseVerifyCode(input.code);
    const l = code ? findLetterByCode(ctx.db(), code) : undefined;
    if (!l) return { found: false, letter: null, pdfSha256: null };
    return { found: true, letter: requireLetterRow(ctx.open().sqlite, l.id), pdfSha256: l.pdfSha256 };
  },
};
