// Payment metrics through the real router: posting a payment (allocation in the client's order, the gapless receipt
// number, the case's paid amount, the settlement's and the promises' standing and the queue columns, in one transaction)
// on cases across the office. The post answers once it commits; the receipt PDF renders right after it, so it is timed
// apart: opening the receipt at once waits for that render (payment_receipt_p95_ms), and no post overlaps a render.
import type { CoreApp } from '../electron/core/app';
import { isClosedStatus, type CaseStatus } from '../electron/domain/ladder';
import { call } from './factory/office';
import { sampleCaseIds } from './dashboard';
import { p95, round, timed } from './stats';

export async function paymentMetrics(core: CoreApp, token: string, today: string): Promise<Record<string, number>> {
  const caseIds = await sampleCaseIds(core, token, 200);
  const cases = [];
  for (const id of caseIds) cases.push(await call<{ id: number; currency: string; openedOn: string; stage: string; status: CaseStatus }>(core, 'cases.get', { id }, token));
  const post = (k: { id: number; currency: string }) =>
    // 1.00 of the balance; held as credit where the case is already paid in full.
    call<{ payment: { id: number } }>(core, 'payments.post', { caseId: k.id, onDate: today, amountMinor: 100, currency: k.currency, method: 'bank_transfer', reference: 'BENCH', holdCredit: true }, token);
  // A closed case takes no payments (payments.case_closed).
  const usable = cases.filter((k) => k.openedOn <= today && k.stage !== 'closed' && !isClosedStatus(k.status));
  if (usable[0]) {
    // Warm the statements, the template and the fonts.
    const warm = await post(usable[0]);
    await call(core, 'payments.receipt', { id: warm.payment.id }, token);
  }
  const ms: number[] = [];
  const cpuMs: number[] = [];
  const receiptMs: number[] = [];
  for (const k of usable) {
    // CPU time too: on a shared machine the wall time mostly measures the wait for a core.
    const cpu = process.cpuUsage();
    const { ms: postMs, value } = await timed(() => post(k));
    const used = process.cpuUsage(cpu);
    ms.push(postMs);
    cpuMs.push((used.user + used.system) / 1000);
    receiptMs.push((await timed(() => call(core, 'payments.receipt', { id: value.payment.id }, token))).ms);
  }
  return { payment_post_p95_ms: round(p95(ms)), payment_post_cpu_p95_ms: round(p95(cpuMs)), payment_receipt_p95_ms: round(p95(receiptMs)) };
}
