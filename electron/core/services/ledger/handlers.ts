// The client ledger and remittances: the ledger per currency, the office-wide list, preview, issue (numbered
// RM-<year>-<seq> with its statement PDF stored on the remittance and as a document on the client, in one
// transaction), reconcile as paid, void (its items released), and the stored statement.
import type { RemittanceRow } from '../../../contract/procedures/ledger';
import { todayIso } from '../../../domain/dates';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Sqlite } from '../../../../db/open';
import { getBlob, insertDocument, putBlob } from '../../../../db/queries/documents';
import {
  countRemittances,
  getRemittance,
  insertRemittance,
  insertRemittanceItem,
  listRemittances,
  markRemittancePaid,
  nextRemittance,
  peekRemittance,
  remittanceListRow,
  remittanceNumber,
  removeStatementDocument,
  unpaidRemittances,
  voidRemittance,
} from '../../../../db/queries/ledger';
import { decodeCursor, encodeCursor } from '../../../../db/queries/pagination';
import { withRegisterLock } from '../../letters/register-lock';
import { sha256Hex } from '../documents/handlers';
import { letterDigits } from '../letters/rows';
import { clientLedger, planRemittance } from './figures';
import { renderStatement } from './statement';

type LedgerHandlers = Pick<
  Handlers,
  'ledger.forClient' | 'ledger.remittances' | 'remittances.preview' | 'remittances.create' | 'remittances.markPaid' | 'remittances.void' | 'remittances.statement'
>;

function row(sqlite: Sqlite, id: number): RemittanceRow {
  const r = remittanceListRow(sqlite, id);
  if (!r) throw new CoreError('not_found', 'No such remittance');
  return r;
}

function invalid(path: string, message: string): CoreError {
  return new CoreError('input.invalid', 'The remittance is not valid', [{ path, code: 'custom', message }]);
}

/** The remittance for a state change, or why it cannot change: paid ones are final, void ones are void, stale versions conflict. */
function changeable(sqlite: Sqlite, id: number, version: number): NonNullable<ReturnType<typeof getRemittance>> {
  const r = getRemittance(sqlite, id);
  if (!r) throw new CoreError('not_found', 'No such remittance');
  if (r.state === 'paid') throw new CoreError('remittances.already_paid', 'The remittance is already paid', { paidOn: r.paidOn });
  if (r.state === 'void') throw new CoreError('remittances.voided', 'The remittance was voided');
  if (r.version !== version) throw new CoreError('conflict.stale', 'Someone changed this remittance', { current: row(sqlite, id) });
  return r;
}

export const ledgerHandlers: LedgerHandlers = {
  'ledger.forClient': (ctx, input) => clientLedger(ctx.db(), input.clientId),

  'ledger.remittances': (ctx, input) => {
    const sqlite = ctx.db().$client;
    const cursor = decodeCursor(input.cursor);
    const rows = listRemittances(sqlite, { clientId: input.clientId, state: input.state, beforeId: cursor ? cursor[1] : null, limit: input.limit + 1 });
    const more = rows.length > input.limit;
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      rows: page,
      nextCursor: more && last ? encodeCursor([null, last.id]) : null,
      total: countRemittances(sqlite, { clientId: input.clientId, state: input.state }),
      unpaid: unpaidRemittances(sqlite, input.clientId),
    };
  },

  'remittances.preview': (ctx, input) => planRemittance(ctx.db(), input, todayIso(ctx.core.now())).preview,

  'remittances.create': (ctx, input) => {
    const db = ctx.db();
    const sqlite = db.$client;
    const today = todayIso(ctx.core.now());
    const year = Number(today.slice(0, 4));
    // Under the register lock nothing else takes a number while the statement is printed.
    return withRegisterLock(async () => {
      const plan = planRemittance(db, input, today, true);
      if (plan.preview.blocked) throw new CoreError(plan.preview.blocked.code, 'Nothing can be remitted for this period', plan.preview.blocked.details);
      const { figures } = plan.preview;
      const number = remittanceNumber(year, peekRemittance(sqlite, year));
      const pdf = await renderStatement(db, plan.client, {
        number,
        today,
        lang: input.lang,
        digits: letterDigits(ctx),
        currency: input.currency,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        figures,
        cases: plan.preview.cases,
        issuer: ctx.user,
      });
      const sha = sha256Hex(pdf);
      const now = ctx.core.now().toISOString();
      return ctx.write((wdb) => {
        // A payment reversed or posted while the statement was printed would make it wrong: print it again.
        const again = planRemittance(wdb, input, today, true);
        const same =
          again.preview.blocked === null &&
          again.items.length === plan.items.length &&
          again.items.every((it, i) => it.paymentId === plan.items[i]?.paymentId && it.stage === plan.items[i]?.stage && it.feeMinor === plan.items[i]?.feeMinor);
        if (!same) throw new CoreError('conflict.stale', 'The ledger changed while the statement was printed');
        const taken = nextRemittance(wdb, year);
        if (taken !== number) throw new Error(`remittance number moved: printed ${number}, counter gave ${taken}`);
        putBlob(wdb, sha, pdf, now);
        const r = insertRemittance(wdb, {
          number,
          clientId: plan.client.id,
          currency: input.currency,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          collectedMinor: figures.collectedMinor,
          clientReceivedMinor: figures.clientReceivedMinor,
          feeMinor: figures.feeMinor,
          netMinor: figures.netMinor,
          lang: input.lang,
          statementSha256: sha,
          createdBy: ctx.user?.id ?? null,
          createdAt: now,
        });
        for (const it of plan.items) {
          insertRemittanceItem(wdb, {
            remittanceId: r.id,
            kind: it.kind,
            caseId: it.caseId,
            paymentId: it.paymentId,
            stage: it.stage,
            amountMinor: it.amountMinor,
            feeMinor: it.feeMinor,
          });
        }
        const doc = insertDocument(wdb, {
          clientId: plan.client.id,
          type: 'statement',
          fileName: `${number}.pdf`,
          kind: 'pdf',
          mime: 'application/pdf',
          size: pdf.length,
          sha256: sha,
          documentDate: today,
          notes: number,
          createdBy: ctx.user?.id ?? null,
          createdAt: now,
        });
        return {
          result: row(wdb.$client, r.id),
          audit: {
            entity: 'remittance',
            entityId: String(r.id),
            after: { number, clientId: plan.client.id, currency: input.currency, period: [input.periodFrom, input.periodTo], ...figures, items: plan.items.length, sha256: sha, documentId: doc.id },
          },
        };
      });
    });
  },

  'remittances.markPaid': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const sqlite = db.$client;
      const r = changeable(sqlite, input.id, input.version);
      if (input.paidOn > today) throw invalid('paidOn', 'validation.paid_future');
      if (input.paidOn < r.createdAt.slice(0, 10)) throw invalid('paidOn', 'validation.paid_before_issued');
      if (!markRemittancePaid(sqlite, r.id, input.version, { paidOn: input.paidOn, reference: input.reference, by: ctx.user?.id ?? null, at: now })) {
        throw new CoreError('conflict.stale', 'Someone changed this remittance', { current: row(sqlite, r.id) });
      }
      return {
        result: row(sqlite, r.id),
        audit: { entity: 'remittance', entityId: String(r.id), before: { state: r.state }, after: { state: 'paid', paidOn: input.paidOn, reference: input.reference } },
      };
    });
  },

  'remittances.void': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const sqlite = db.$client;
      const r = changeable(sqlite, input.id, input.version);
      if (!voidRemittance(sqlite, r.id, input.version, input.reason)) {
        throw new CoreError('conflict.stale', 'Someone changed this remittance', { current: row(sqlite, r.id) });
      }
      const hidden = r.statementSha256 ? removeStatementDocument(sqlite, r.clientId, r.statementSha256, { by: ctx.user?.id ?? null, at: now, reason: input.reason }) : 0;
      return {
        result: row(sqlite, r.id),
        audit: { entity: 'remittance', entityId: String(r.id), before: { state: r.state }, after: { state: 'void', reason: input.reason, documentsHidden: hidden } },
      };
    });
  },

  'remittances.statement': (ctx, input) => {
    const db = ctx.db();
    const r = getRemittance(db.$client, input.id);
    if (!r) throw new CoreError('not_found', 'No such remittance');
    if (!r.statementSha256) throw new CoreError('not_found', 'This remittance has no statement');
    const bytes = getBlob(db, r.statementSha256);
    if (!bytes) throw new CoreError('internal', 'The stored statement is missing');
    return { fileName: `${r.number}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
  },
};
