// Letters as the contract shows them, and the small reads the letter services share.
import type { DispatchMethod, DispatchState, LetterRow, TemplateKind } from '../../../contract/procedures/letters';
import type { Ctx } from '../../api/context';
import { CoreError } from '../../errors';
import { todayIso } from '../../../domain/dates';
import type { DigitStyle } from '../../../domain/digits';
import type { Sqlite } from '../../../../db/open';
import { letterListRow, type LetterListRow } from '../../../../db/queries/letters';
import { loadSettings } from '../office/settings';

export function letterRow(r: LetterListRow): LetterRow {
  return {
    id: r.id,
    number: r.number,
    caseId: r.caseId,
    caseReference: r.caseReference,
    debtorName: r.debtorName,
    clientName: r.clientName,
    kind: r.kind as TemplateKind,
    lang: r.lang,
    letterDate: r.letterDate,
    deadlineOn: r.deadlineOn,
    amountMinor: r.amountMinor,
    currency: r.currency,
    verifyCode: r.verifyCode,
    dispatchState: r.dispatchState as DispatchState,
    dispatchMethod: r.dispatchMethod as DispatchMethod | null,
    sentOn: r.sentOn,
    deliveredOn: r.deliveredOn,
    returnedOn: r.returnedOn,
    deliveryProofId: r.deliveryProofId,
    voidedAt: r.voidedAt,
    voidReason: r.voidReason,
    batchId: r.batchId,
    pageCount: r.pageCount,
    createdByName: r.createdByName ?? '',
    createdAt: r.createdAt,
    version: r.version,
  };
}

export function requireLetterRow(sqlite: Sqlite, id: number): LetterRow {
  const r = letterListRow(sqlite, id);
  if (!r) throw new CoreError('not_found', 'No such letter');
  return letterRow(r);
}

export function letterDigits(ctx: Ctx): DigitStyle {
  return loadSettings(ctx.db()).letterDigits;
}

export function today(ctx: Ctx): string {
  return todayIso(ctx.core.now());
}
