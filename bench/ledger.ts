// Client ledger metrics. `client_statement_ms`: the largest client's statement figures through the router
// (`ledger.forClient`: every payment row of the client summed by who received it, the fee on each unremitted row, the
// remitted sums, the unremitted items and the remittances list — the seed's two years, so at least a year).
// `client_statement_pdf_ms`: the statement PDF of that client's last year (the remittance_statement template and the
// schedule of every case paid in the year with its totals), rendered by the service's own function on the office's
// database — issuing it through the router would need a year that no remittance covers, and the seed remits monthly.
import type { CoreApp } from '../electron/core/app';
import { openVault } from '../electron/core/vault';
import { statementCases } from '../electron/core/services/ledger/figures';
import { renderStatement } from '../electron/core/services/ledger/statement';
import type { LedgerItemRow } from '../electron/contract/procedures/ledger';
import { addDays } from '../electron/domain/dates';
import { figuresOf, percentFee } from '../electron/domain/ledger';
import { getClient } from '../db/queries/parties';
import { findUserById } from '../db/queries/users';
import { call } from './factory/office';
import { median, round, timed } from './stats';

interface ClientRow {
  id: number;
  openCases: number;
}

/** The client with the most open cases (the seed spreads cases evenly; this is the first of the largest). */
export async function largestClient(core: CoreApp, token: string): Promise<number> {
  let cursor: string | null = null;
  let best: ClientRow | null = null;
  do {
    const page: { rows: ClientRow[]; nextCursor: string | null } = await call(core, 'clients.list', { cursor, limit: 200 }, token);
    for (const r of page.rows) if (!best || r.openCases > best.openCases) best = r;
    cursor = page.nextCursor;
  } while (cursor);
  if (!best) throw new Error('No clients to measure');
  return best.id;
}

export async function ledgerMetrics(core: CoreApp, token: string, clientId: number): Promise<Record<string, number>> {
  await call(core, 'ledger.forClient', { clientId }, token); // warm the statements
  const ms: number[] = [];
  let items = 0;
  for (let i = 0; i < 7; i++) {
    const r = await timed(() => call<{ currencies: { unremitted: { items: number } }[] }>(core, 'ledger.forClient', { clientId }, token));
    ms.push(r.ms);
    items = r.value.currencies.reduce((s, c) => s + c.unremitted.items, 0);
  }
  return { client_statement_ms: round(median(ms)), client_statement_unremitted_items: items };
}

/** The year's statement PDF for the client (run after the router is closed: it opens the office itself). */
export async function statementPdfMetric(dir: string, migrationsDir: string, password: string, clientId: number, today: string): Promise<Record<string, number>> {
  const vault = openVault(dir, migrationsDir);
  const userId = await vault.unlock('partner', password);
  if (!userId) throw new Error('The password does not open this office');
  try {
    const { db, sqlite } = vault.current();
    const client = getClient(db, clientId);
    if (!client) throw new Error('No such client');
    const from = addDays(today, -365);
    const rows = sqlite
      .prepare(
        `SELECT p.id, p.case_id AS caseId, c.reference, c.debtor_name AS debtorName, p.on_date AS onDate, p.amount_minor AS amountMinor,
                p.received_by AS receivedBy, p.reverses_id AS reversesId, p.receipt_number AS receiptNumber
           FROM cases c JOIN payments p ON p.case_id = c.id
          WHERE c.client_id = ? AND p.currency = 'SAR' AND p.on_date BETWEEN ? AND ? ORDER BY p.on_date, p.id`,
      )
      .all(clientId, from, today) as { id: number; caseId: number; reference: string; debtorName: string; onDate: string; amountMinor: number; receivedBy: 'office' | 'client'; reversesId: number | null; receiptNumber: string | null }[];
    const items: LedgerItemRow[] = rows.map((p) => ({
      kind: 'payment',
      caseId: p.caseId,
      reference: p.reference,
      debtorName: p.debtorName,
      onDate: p.onDate,
      paymentId: p.id,
      stage: null,
      amountMinor: p.amountMinor,
      receivedBy: p.receivedBy,
      feeMinor: percentFee(p.amountMinor, client.feePercentBp),
      reversal: p.reversesId !== null,
      receiptNumber: p.receiptNumber,
    }));
    const facts = {
      number: `RM-${today.slice(0, 4)}-999999`,
      today,
      lang: 'ar' as const,
      digits: 'western' as const,
      currency: 'SAR',
      periodFrom: from,
      periodTo: today,
      figures: figuresOf(items),
      cases: statementCases(items),
      issuer: findUserById(db, userId) ?? null,
    };
    await renderStatement(db, client, facts); // fonts and template
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const r = await timed(() => renderStatement(db, client, facts));
      ms.push(r.ms);
      bytes = r.value.length;
    }
    return { client_statement_pdf_ms: round(median(ms)), client_statement_pdf_cases: facts.cases.length, client_statement_pdf_kb: round(bytes / 1024, 0) };
  } finally {
    vault.close();
  }
}
