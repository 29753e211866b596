// Today's money figures for a person's cases (lawyer or paralegal) or the whole office, per currency: what is still
// owed on open cases and what was collected this month (payments net of reversals).
import type { Sqlite } from '../open';
import { cached } from './statements';

export interface MoneyByCurrency {
  currency: string;
  outstandingMinor: number;
  /** Open cases with something still owed. */
  owingCases: number;
  collectedMinor: number;
}

/** The balance expression of the `cases_balance` and `cases_owing` indexes. */
const BALANCE = 'k.claim_minor - k.paid_minor - k.discount_minor';

export function moneyFigures(sqlite: Sqlite, who: string | null, monthStart: string, today: string): MoneyByCurrency[] {
  // A person's cases are most of the office: the unary `+` keeps the planner off cases_lawyer / cases_paralegal, on the
  // covering range of cases_owing (every owing case's balance, stage, currency and people, no row read); named, as
  // cases_report (currency first) would otherwise be scanned whole to skip the GROUP BY's sort.
  const mine = who ? 'AND (+k.lawyer_id = ? OR +k.paralegal_id = ?)' : '';
  const owed = cached(
    sqlite,
    `SELECT k.currency, sum(${BALANCE}) AS outstandingMinor, count(*) AS owingCases
       FROM cases k INDEXED BY cases_owing WHERE ${BALANCE} > 0 AND k.stage <> 'closed' ${mine} GROUP BY k.currency`,
  ).all(...(who ? [who, who] : [])) as { currency: string; outstandingMinor: number; owingCases: number }[];
  // The month's payment rows are a range of payments_date; the office needs no case, a person only theirs.
  const collected = (
    who
      ? cached(
          sqlite,
          `SELECT p.currency, sum(p.amount_minor) AS collectedMinor FROM payments p JOIN cases k ON k.id = p.case_id
            WHERE p.on_date >= ? AND p.on_date <= ? ${mine} GROUP BY p.currency`,
        ).all(monthStart, today, who, who)
      : cached(sqlite, 'SELECT p.currency, sum(p.amount_minor) AS collectedMinor FROM payments p WHERE p.on_date >= ? AND p.on_date <= ? GROUP BY p.currency').all(monthStart, today)
  ) as { currency: string; collectedMinor: number }[];
  const byCurrency = new Map<string, MoneyByCurrency>();
  const row = (currency: string): MoneyByCurrency => {
    let r = byCurrency.get(currency);
    if (!r) byCurrency.set(currency, (r = { currency, outstandingMinor: 0, owingCases: 0, collectedMinor: 0 }));
    return r;
  };
  for (const o of owed) Object.assign(row(o.currency), { outstandingMinor: o.outstandingMinor, owingCases: o.owingCases });
  for (const c of collected) row(c.currency).collectedMinor = c.collectedMinor;
  return [...byCurrency.values()].sort((a, b) => (a.currency === 'SAR' ? -1 : b.currency === 'SAR' ? 1 : a.currency.localeCompare(b.currency)));
}
