// Settlements: agree an amount below the balance (the waived part is an agreed discount the case carries while the
// settlement is open or paid), list them, and break one (the discount stops counting: the full claim is owed again).
import type { CaseSettlements, SettlementRow } from '../../../contract/procedures/settlements';
import { todayIso } from '../../../domain/dates';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getCase, type CaseRecord } from '../../../../db/queries/cases';
import { userNames } from '../../../../db/queries/promises';
import {
  addDiscount,
  caseSettlements,
  getSettlement,
  insertSettlement,
  setSettlementState,
  standingSettlement,
  type SettlementRecord,
} from '../../../../db/queries/settlements';
import { allocationOrderOf, caseBalance, isCaseClosed } from '../payments/balance';
import { refreshPromises } from '../promises/standing';
import { discountByComponent, discountOf, discountTotal } from './standing';

type SettlementHandlers = Pick<Handlers, 'settlements.forCase' | 'settlements.create' | 'settlements.break'>;

function requireCase(db: Db, id: number): CaseRecord {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  return k;
}

function invalid(path: string, message: string): CoreError {
  return new CoreError('input.invalid', 'The settlement is not valid', [{ path, code: 'custom', message }]);
}

function toRow(s: SettlementRecord, k: CaseRecord, balanceMinor: number, today: string, createdByName: string): SettlementRow {
  const paidTowardMinor = k.paidMinor - s.paidAtAgreementMinor;
  return {
    id: s.id,
    caseId: s.caseId,
    amountMinor: s.amountMinor,
    currency: s.currency,
    agreedOn: s.agreedOn,
    deadline: s.deadline,
    balanceAtAgreementMinor: s.balanceAtAgreementMinor,
    discount: discountOf(s),
    discountMinor: discountTotal(s),
    paidTowardMinor,
    remainingMinor: s.state === 'open' ? Math.max(0, balanceMinor) : 0,
    state: s.state,
    overdue: s.state === 'open' && s.deadline !== null && s.deadline < today,
    endedOn: s.endedOn,
    brokenReason: s.brokenReason,
    notes: s.notes,
    createdByName,
    createdAt: s.createdAt,
    version: s.version,
  };
}

function settlementRow(db: Db, id: number, today: string): SettlementRow {
  const s = getSettlement(db, id);
  if (!s) throw new CoreError('not_found', 'No such settlement');
  const k = requireCase(db, s.caseId);
  return toRow(s, k, caseBalance(db, k).balanceMinor, today, userNames(db, [s.createdBy]).get(s.createdBy ?? '') ?? '');
}

export const settlementHandlers: SettlementHandlers = {
  'settlements.forCase': (ctx, input) => {
    const db = ctx.db();
    const today = todayIso(ctx.core.now());
    const k = requireCase(db, input.caseId);
    const balance = caseBalance(db, k);
    const all = caseSettlements(db, k.id);
    const names = userNames(db, all.map((s) => s.createdBy));
    const result: CaseSettlements = {
      rows: all.map((s) => toRow(s, k, balance.balanceMinor, today, names.get(s.createdBy ?? '') ?? '')),
      balance,
      openedOn: k.openedOn,
      closed: isCaseClosed(k),
    };
    return result;
  },

  'settlements.create': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const k = requireCase(db, input.caseId);
      if (isCaseClosed(k)) throw new CoreError('payments.case_closed', 'The case is closed: reopen it first');
      if (input.currency !== k.currency) throw new CoreError('settlements.currency', 'The settlement is not in the case currency', { caseCurrency: k.currency });
      if (input.amountMinor <= 0) throw invalid('amountMinor', 'validation.amount_positive');
      if (input.deadline !== null && input.deadline < today) throw invalid('deadline', 'validation.deadline_past');
      const standing = standingSettlement(db, k.id);
      if (standing) throw new CoreError('settlements.open_exists', 'The case already has a settlement', { id: standing.id, state: standing.state });
      const balance = caseBalance(db, k);
      if (input.amountMinor >= balance.balanceMinor) {
        throw new CoreError('settlements.amount', 'A settlement is for less than the balance', { balanceMinor: balance.balanceMinor });
      }
      const discountMinor = balance.balanceMinor - input.amountMinor;
      const discount = discountByComponent(balance.outstanding, allocationOrderOf(db, k), discountMinor);
      const s = insertSettlement(db, {
        caseId: k.id,
        amountMinor: input.amountMinor,
        currency: input.currency,
        agreedOn: today,
        deadline: input.deadline,
        balanceAtAgreementMinor: balance.balanceMinor,
        paidAtAgreementMinor: k.paidMinor,
        discountCostsMinor: discount.costs,
        discountFeesMinor: discount.fees,
        discountPrincipalMinor: discount.principal,
        discountLateMinor: discount.lateCharges,
        notes: input.notes,
        createdBy: ctx.user?.id ?? null,
        createdAt: now,
        updatedAt: now,
      });
      addDiscount(db, k.id, discountMinor, now);
      refreshPromises(db, k.id, today);
      return {
        result: settlementRow(db, s.id, today),
        audit: {
          entity: 'settlement',
          entityId: String(s.id),
          after: { caseId: k.id, amountMinor: input.amountMinor, currency: input.currency, deadline: input.deadline, balanceMinor: balance.balanceMinor, discount },
        },
      };
    });
  },

  'settlements.break': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const s = getSettlement(db, input.id);
      if (!s) throw new CoreError('not_found', 'No such settlement');
      if (s.state !== 'open') throw new CoreError('settlements.not_open', 'Only an open settlement is broken', { state: s.state });
      if (!setSettlementState(db, s.id, input.version, { state: 'broken', endedOn: today, brokenReason: input.reason, updatedAt: now })) {
        throw new CoreError('conflict.stale', 'The settlement was changed by someone else', settlementRow(db, s.id, today));
      }
      addDiscount(db, s.caseId, 0 - discountTotal(s), now);
      refreshPromises(db, s.caseId, today);
      return {
        result: settlementRow(db, s.id, today),
        audit: { entity: 'settlement', entityId: String(s.id), before: { state: s.state }, after: { state: 'broken', reason: input.reason, restoredMinor: discountTotal(s) } },
      };
    });
  },
};
