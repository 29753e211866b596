// The client statement: one client's portfolio for a period — cases by stage, placed, collected, fees, remitted,
// what is owed to the client, the balance still to collect, and the period's payments.
import type { ClientStatement, ReportFilter, StatementPaymentRow, StatementSection, StatementStageRow } from '../../../contract/procedures/reports';
import type { PaymentMethod, ReceivedBy } from '../../../contract/procedures/payments';
import { STAGES, type Stage } from '../../../domain/ladder';
import type { Ctx } from '../../api/context';
import { CoreError } from '../../errors';
import { stagesNow } from '../../../../db/queries/reports/pipeline';
import { clientForStatement, paymentsIn, placedCells } from '../../../../db/queries/reports/recovery';
import { feesCells } from '../../../../db/queries/reports/fees';
import { asCurrency, dimsOf, getOrAdd, metaOf, reportScope } from './common';

export function clientStatement(ctx: Ctx, filter: ReportFilter): ClientStatement {
  const scope = reportScope(ctx, 'statement');
  const { sqlite } = ctx.open();
  const clientId = filter.clientId;
  if (clientId === null) throw new CoreError('input.invalid', 'Choose a client', [{ path: 'filter.clientId', code: 'custom', message: 'validation.required' }]);
  const client = clientForStatement(sqlite, clientId);
  if (!client) throw new CoreError('not_found', 'No such client');
  const dims = dimsOf(filter);
  const sections = new Map<string, StatementSection>();
  const section = (currency: string): StatementSection =>
    getOrAdd(sections, currency, () => {
      const key = { report: 'statement' as const, currency: asCurrency(currency), clientId, stage: null };
      const stageRow = (stage: Stage | null): StatementStageRow => ({ stage, cases: 0, outstandingMinor: 0, drill: { ...key, stage } });
      return {
        currency,
        byStage: STAGES.map(stageRow),
        stageTotal: stageRow(null),
        placedCases: 0,
        placedMinor: 0,
        collectedMinor: 0,
        feesEarnedMinor: 0,
        remittedMinor: 0,
        dueMinor: 0,
        balanceMinor: 0,
        payments: [],
        drills: { placed: key, collected: key, feesEarned: key, remitted: key, due: key, balance: key },
      };
    });
  for (const r of stagesNow(sqlite, dims, scope)) {
    const s = section(r.currency);
    const row = s.byStage.find((x) => x.stage === r.stage);
    if (row) {
      row.cases += r.cases;
      row.outstandingMinor += r.outstandingMinor;
    }
    s.stageTotal.cases += r.cases;
    s.stageTotal.outstandingMinor += r.outstandingMinor;
    s.balanceMinor += r.outstandingMinor;
  }
  for (const r of placedCells(sqlite, filter.from, filter.to, dims, scope)) {
    const s = section(r.currency);
    s.placedCases += r.cases;
    s.placedMinor += r.placedMinor;
  }
  for (const r of feesCells(sqlite, filter.from, filter.to, dims, scope)) {
    const s = section(r.currency);
    s.collectedMinor += r.collectedMinor;
    s.feesEarnedMinor += r.feesEarnedMinor;
    s.remittedMinor += r.remittedMinor;
    s.dueMinor += r.dueMinor;
  }
  for (const p of paymentsIn(sqlite, filter.from, filter.to, dims, scope)) {
    const row: StatementPaymentRow = {
      paymentId: p.paymentId,
      caseId: p.caseId,
      reference: p.reference,
      clientReference: p.clientReference,
      debtorName: p.debtorName,
      onDate: p.onDate,
      amountMinor: p.amountMinor,
      method: p.method as PaymentMethod,
      receivedBy: p.receivedBy as ReceivedBy,
      receiptNumber: p.receiptNumber,
      reversesId: p.reversesId,
    };
    section(p.currency).payments.push(row);
  }
  const list = [...sections.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return {
    ...metaOf(sqlite, ctx, filter, scope, sections.keys(), list.length > 0),
    client,
    period: { from: filter.from, to: filter.to },
    sections: list,
  };
}
