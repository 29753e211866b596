// Payment metrics through the real router: posting a payment (allocation, the gapless receipt number, the receipt
// PDF, the case's paid amount, the promise refresh and the queue columns, in one transaction) on cases across the office.
import type { CoreApp } from '../electron/core/app';
import { call } from './factory/office';
import { sampleCaseIds } from './dashboard';
import { p95, round, timed } from './stats';

export async function paymentMetrics(core: CoreApp, token: string, today: string): Promise<Record<string, number>> {
  const caseIds = await sampleCaseIds(core, token, 200);
  const cases = [];
  for (const id of caseIds) cases.push(await call<{ id: number; currency: string; openedOn: string }>(core, 'cases.get', { id }, token));
  const post = (k: { id: number; currency: string }) =>
    // 1.00 of the balance; held as credit where the case is already paid in full.
    call(core, 'payments.post', { caseId: k.id, onDate: today, amountMinor: 100, currency: k.currency, method: 'bank_transfer', reference: 'BENCH', holdCredit: true }, token);
  const usable = cases.filter((k) => k.openedOn <= today);
  if (usable[0]) await post(usable[0]); // warm the statements, the template and the fonts
  const ms: number[] = [];
  for (const k of usable) ms.push((await timed(() => post(k))).ms);
  return { payment_post_p95_ms: round(p95(ms)) };
}
