// The client ledger and remittances through the real router on a real encrypted office: figures recomputed from the
// raw rows, the fee by percent (rounded per row) and per stage reached, a reversal after a remittance carried into the
// next one as a negative item, void and re-remit, reconcile as paid, the statement PDF (number, amounts in figures and
// words, Hijri and Gregorian dates), and every bad input refused without changing anything.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core/vault';
import type { Router } from '../../../electron/core/api/router';
import type { ApiResult } from '../../../electron/contract';
import { unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import { formatGregorian, formatHijri, formatMinorUnits } from '../../../electron/domain/format';
import { amountInWords } from '../../../electron/domain/tafqeet';
import type { CaseDetail } from '../../../electron/contract/procedures/cases';
import type { PostedPayment } from '../../../electron/contract/procedures/payments';
import type { DocumentRow } from '../../../electron/contract/procedures/documents';
import type { ClientLedger, LedgerCurrency, RemittanceList, RemittancePreview, RemittanceRow } from '../../../electron/contract/procedures/ledger';
import { PASSWORD, errorCode, seededRouter, tempDir } from '../../fixtures/core';
import { normalize, pdfText, qpdfCheck, writePdf } from '../pdf/tools';

const dir = tempDir();
const clock = { now: new Date('2026-08-02T09:00:00+03:00') };
let vault: Vault;
let route: Router;
let token: string;
let accountant: string;
let seq = 0;

const login = async (username: string): Promise<string> => (unwrap(await route('auth.login', { username, password: PASSWORD }, null)) as { token: string }).token;
const raw = (name: string, input: unknown, session = token): Promise<ApiResult<unknown>> => route(name, input, session);
const call = async <T,>(name: string, input: unknown, session = token): Promise<T> => unwrap(await raw(name, input, session)) as T;
/** Move the office's clock and sign in again (a session idle for days locks, as it would for a person). */
const setDay = async (iso: string): Promise<void> => {
  clock.now = new Date(`${iso}T09:00:00+03:00`);
  token = await login('partner');
  accountant = await login('accountant');
};
const sqlite = () => vault.current().sqlite;

async function newClient(fee: { percentBp: number | null; fixedPerStage?: Record<string, number> }): Promise<number> {
  seq++;
  return (
    await call<{ id: number }>('clients.create', {
      kind: 'company',
      nameAr: `شركة الراية للتمويل ${seq}`,
      nameEn: `Al Raya Finance ${seq}`,
      crNumber: String(1010123400 + seq),
      iban: 'SA0380000000608010167519',
      bankName: 'مصرف الراجحي',
      fee: { percentBp: fee.percentBp, fixedPerStage: fee.fixedPerStage ?? {} },
    })
  ).id;
}

async function newCase(clientId: number, currency = 'SAR'): Promise<CaseDetail> {
  seq++;
  const d = await call<{ id: number }>('parties.create', { kind: 'person', name: `سعد بن فهد العتيبي ${seq}`, nationalId: makeNationalId('1', String(40_000_000 + seq)) });
  return call<CaseDetail>('cases.create', { clientId, debtorIds: [d.id], instrumentType: 'invoice', principalMinor: 5_000_000, currency });
}

const pay = (k: CaseDetail, amountMinor: number, extra: Record<string, unknown> = {}) =>
  call<PostedPayment>('payments.post', {
    caseId: k.id,
    onDate: clock.now.toISOString().slice(0, 10),
    amountMinor,
    currency: k.currency,
    method: 'bank_transfer',
    reference: 'FT-1',
    holdCredit: true,
    ...extra,
  });

/** What the rows say, without the service: sums of payments by who received them, the fee per row rounded half up. */
function fromRawRows(clientId: number, currency: string, bp: number, stageFees: Record<string, number>) {
  const rows = sqlite()
    .prepare('SELECT p.amount_minor AS a, p.received_by AS by FROM payments p JOIN cases c ON c.id = p.case_id WHERE c.client_id = ? AND p.currency = ?')
    .all(clientId, currency) as { a: number; by: string }[];
  const fee = (a: number): number => Math.sign(a) * Math.round((Math.abs(a) * bp) / 10_000);
  const reached =
    currency === 'SAR'
      ? (sqlite().prepare('SELECT DISTINCT sm.case_id AS caseId, sm.to_stage AS stage FROM stage_moves sm JOIN cases c ON c.id = sm.case_id WHERE c.client_id = ?').all(clientId) as {
          stage: string;
        }[])
      : [];
  const remitted = sqlite().prepare("SELECT coalesce(sum(net_minor), 0) AS n FROM remittances WHERE client_id = ? AND currency = ? AND state != 'void'").get(clientId, currency) as {
    n: number;
  };
  const office = rows.filter((r) => r.by === 'office').reduce((s, r) => s + r.a, 0);
  const client = rows.filter((r) => r.by === 'client').reduce((s, r) => s + r.a, 0);
  const feeTotal = rows.reduce((s, r) => s + fee(r.a), 0) + reached.reduce((s, r) => s + (stageFees[r.stage] ?? 0), 0);
  return { office, client, fee: feeTotal, remitted: remitted.n, due: office - feeTotal - remitted.n };
}

/** Counts that a refused remittance must leave as they were. */
function snapshot(clientId: number) {
  const one = (sql: string, ...args: unknown[]): unknown => Object.values(sqlite().prepare(sql).get(...args) as object)[0];
  return {
    remittances: one('SELECT count(*) FROM remittances'),
    items: one('SELECT count(*) FROM remittance_items'),
    counter: one('SELECT coalesce(max(last_seq), 0) FROM remittance_counters'),
    documents: one('SELECT count(*) FROM documents WHERE client_id = ?', clientId),
    blobs: one('SELECT count(*) FROM blobs'),
    audit: one('SELECT count(*) FROM audit_log'),
  };
}

const ledger = (clientId: number) => call<ClientLedger>('ledger.forClient', { clientId });
const inCurrency = (l: ClientLedger, c: string): LedgerCurrency => {
  const x = l.currencies.find((y) => y.currency === c);
  if (!x) throw new Error(`no ${c} in the ledger`);
  return x;
};
const period = (clientId: number, from: string, to: string, currency = 'SAR') => ({ clientId, currency, periodFrom: from, periodTo: to });

beforeAll(async () => {
  ({ vault, route } = await seededRouter(dir, () => clock.now));
  await setDay('2026-08-02');
});
afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a client ledger through two remittances', () => {
  const BP = 1_000; // 10 %
  const STAGE_FEES = { reminder: 25_000 };
  let clientId: number;
  let k1: CaseDetail;
  let k2: CaseDetail;
  let usd: CaseDetail;
  let aug: RemittanceRow;
  let k2Payment: PostedPayment;

  beforeAll(async () => {
    await setDay('2026-08-02');
    clientId = await newClient({ percentBp: BP, fixedPerStage: STAGE_FEES });
    k1 = await newCase(clientId);
    k2 = await newCase(clientId);
    usd = await newCase(clientId, 'USD');
    await setDay('2026-08-10');
    await pay(k1, 1_000_000);
    k2Payment = await pay(k2, 500_000);
    // Paid by the debtor to the client directly: the office's fee (10 % of 2,000.05 = 200.005 → 200.01) is still earned.
    await pay(k2, 200_005, { receivedBy: 'client' });
    await pay(usd, 10_000);
    await setDay('2026-08-20');
    const k1Now = await call<CaseDetail>('cases.get', { id: k1.id });
    await call('cases.move', { id: k1.id, version: k1Now.version, to: 'reminder', reason: 'تذكير', override: true });
    await setDay('2026-09-05');
    await pay(k1, 300_000);
    await setDay('2026-09-06');
  });

  it('shows per currency what the raw rows say: collected by the office, paid to the client, fee by percent and per stage, due', async () => {
    const l = await ledger(clientId);
    expect(l.currencies.map((c) => c.currency)).toEqual(['SAR', 'USD']);
    const sar = inCurrency(l, 'SAR');
    const expected = fromRawRows(clientId, 'SAR', BP, STAGE_FEES);
    expect(sar.total).toMatchObject({ collectedMinor: expected.office, clientReceivedMinor: expected.client, feeMinor: expected.fee, remittedMinor: 0, dueMinor: expected.due });
    expect(sar.total).toMatchObject({ collectedMinor: 1_800_000, clientReceivedMinor: 200_005, feePercentMinor: 200_001, feeStageMinor: 25_000, feeMinor: 225_001 });
    // The due is what no remittance covers yet, and every total is the sum of its parts.
    expect(sar.total.dueMinor).toBe(sar.unremitted.netMinor);
    expect(sar.total.collectedMinor).toBe(sar.remitted.collectedMinor + sar.unremitted.collectedMinor);
    expect(sar.total.feeMinor).toBe(sar.total.feePercentMinor + sar.total.feeStageMinor);
    expect(sar.unremitted.items).toBe(5);
    expect(sar.items.find((i) => i.kind === 'stage_fee')).toMatchObject({ caseId: k1.id, stage: 'reminder', onDate: '2026-08-20', feeMinor: 25_000 });
    expect(sar.nextPeriodFrom).toBe('2026-08-10');
    // Never summed across currencies.
    const usdLedger = inCurrency(l, 'USD');
    expect(usdLedger.total).toMatchObject({ collectedMinor: 10_000, feeMinor: 1_000, feeStageMinor: 0, dueMinor: 9_000 });
    expect(fromRawRows(clientId, 'USD', BP, STAGE_FEES).due).toBe(9_000);
  });

  it('previews August: the payments and the stage fee up to the period end, per case, with the figures', async () => {
    const p = await call<RemittancePreview>('remittances.preview', period(clientId, '2026-08-01', '2026-08-31'));
    expect(p.blocked).toBeNull();
    expect(p.itemCount).toBe(4);
    expect(p.figures).toEqual({ collectedMinor: 1_500_000, clientReceivedMinor: 200_005, feePercentMinor: 170_001, feeStageMinor: 25_000, feeMinor: 195_001, netMinor: 1_304_999 });
    expect(p.heldMinor).toBe(inCurrency(await ledger(clientId), 'SAR').total.dueMinor);
    expect(p.cases.map((c) => [c.caseId, c.collectedMinor, c.clientReceivedMinor, c.feeMinor, c.netMinor])).toEqual([
      [k1.id, 1_000_000, 0, 125_000, 875_000],
      [k2.id, 500_000, 200_005, 70_001, 429_999],
    ]);
    expect(p.cases.reduce((s, c) => s + c.netMinor, 0)).toBe(p.figures.netMinor);
  });

  it('issues August as RM-<year>-<seq> with its statement stored on the remittance and as a document on the client', async () => {
    aug = await call<RemittanceRow>('remittances.create', { ...period(clientId, '2026-08-01', '2026-08-31'), lang: 'ar' });
    expect(aug).toMatchObject({ number: 'RM-2026-000001', state: 'issued', collectedMinor: 1_500_000, clientReceivedMinor: 200_005, feeMinor: 195_001, netMinor: 1_304_999, cases: 2 });
    const items = sqlite().prepare('SELECT kind, payment_id AS paymentId, amount_minor AS a, fee_minor AS f FROM remittance_items WHERE remittance_id = ?').all(aug.id) as { a: number; f: number }[];
    expect(items).toHaveLength(4);
    expect(items.reduce((s, i) => s + i.f, 0)).toBe(195_001);
    const docs = await call<DocumentRow[]>('documents.list', { owner: { clientId } });
    expect(docs.map((d) => [d.fileName, d.type, d.kind])).toEqual([['RM-2026-000001.pdf', 'statement', 'pdf']]);
    const sar = inCurrency(await ledger(clientId), 'SAR');
    expect(sar.total.remittedMinor).toBe(1_304_999);
    expect(sar.unremitted.items).toBe(1);
    expect(sar.total.dueMinor).toBe(fromRawRows(clientId, 'SAR', BP, STAGE_FEES).due);
    expect(sar.nextPeriodFrom).toBe('2026-09-01');
  });

  it('prints the statement: number, the figures, the net in words, Hijri and Gregorian dates, the schedule of cases', async () => {
    const { pdfBase64, fileName } = await call<{ pdfBase64: string; fileName: string }>('remittances.statement', { id: aug.id });
    expect(fileName).toBe('RM-2026-000001.pdf');
    const path = writePdf(Buffer.from(pdfBase64, 'base64'), 'remittance-ar');
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    const text = normalize(pdfText(path));
    const opts = { lang: 'ar' as const, digits: 'western' as const };
    expect(text).toContain('RM-2026-000001');
    for (const minor of [1_500_000, 195_001, 1_304_999, 875_000, 429_999, 200_005]) expect(text).toContain(formatMinorUnits(minor, 2, opts));
    // The words up to the halalas (the line may break before «فقط لا غير»).
    const words = amountInWords(1_304_999, 'SAR', 'ar');
    expect(words).toContain('هللة');
    expect(text.replace(/\s+/g, ' ')).toContain(words.slice(0, words.indexOf('هللة') + 4));
    expect(text).toContain(formatHijri('2026-09-06', opts));
    expect(text).toContain(formatGregorian('2026-09-06', opts));
    expect(text).toContain('SA03');
    expect(text).toContain(k1.reference);
    expect(text).toContain('بيان الملفات');
    expect(text).toContain('الإجمالي');
  });

  it('carries a reversal made after August into September as a negative item, with the fee August charged taken back', async () => {
    await setDay('2026-09-12');
    await call('payments.reverse', { id: k2Payment.payment.id, reason: 'شيك مرتجع', onDate: '2026-09-12' });
    await setDay('2026-09-20');
    await pay(k1, 1_000_000);
    await setDay('2026-10-01');
    const p = await call<RemittancePreview>('remittances.preview', period(clientId, '2026-09-01', '2026-09-30'));
    expect(p.blocked).toBeNull();
    expect(p.figures).toMatchObject({ collectedMinor: 800_000, clientReceivedMinor: 0, feeMinor: 80_000, netMinor: 720_000 });
    expect(p.cases.find((c) => c.caseId === k2.id)).toMatchObject({ collectedMinor: -500_000, feeMinor: -50_000, netMinor: -450_000 });
    const sar = inCurrency(await ledger(clientId), 'SAR');
    expect(sar.items.find((i) => i.reversal)).toMatchObject({ caseId: k2.id, amountMinor: -500_000, feeMinor: -50_000 });
    expect(sar.total.dueMinor).toBe(720_000);
    expect(sar.total.dueMinor).toBe(fromRawRows(clientId, 'SAR', BP, STAGE_FEES).due);
  });

  it('voids a remittance (its items released) and remits them again under the next number', async () => {
    const sep = await call<RemittanceRow>('remittances.create', { ...period(clientId, '2026-09-01', '2026-09-30'), lang: 'en' });
    expect(sep).toMatchObject({ number: 'RM-2026-000002', netMinor: 720_000 });
    expect(inCurrency(await ledger(clientId), 'SAR').total.dueMinor).toBe(0);
    expect(errorCode(await raw('remittances.void', { id: sep.id, version: sep.version, reason: '' }))).toBe('input.invalid');
    const voided = await call<RemittanceRow>('remittances.void', { id: sep.id, version: sep.version, reason: 'خطأ في الفترة' });
    expect(voided).toMatchObject({ state: 'void', voidReason: 'خطأ في الفترة' });
    expect((sqlite().prepare('SELECT count(*) AS n FROM remittance_items WHERE remittance_id = ?').get(sep.id) as { n: number }).n).toBe(0);
    // Its statement leaves the client's documents (kept, hidden with the reason).
    expect((await call<DocumentRow[]>('documents.list', { owner: { clientId } })).map((d) => d.fileName)).toEqual(['RM-2026-000001.pdf']);
    expect(inCurrency(await ledger(clientId), 'SAR')).toMatchObject({ total: { dueMinor: 720_000 }, unremitted: { items: 3 } });
    expect(errorCode(await raw('remittances.void', { id: sep.id, version: voided.version, reason: 'مرة أخرى' }))).toBe('remittances.voided');
    // The figures of a stored statement never change (the trigger), even by hand.
    expect(() => sqlite().prepare('UPDATE remittances SET net_minor = 1 WHERE id = ?').run(sep.id)).toThrow(/never change/);
    const again = await call<RemittanceRow>('remittances.create', { ...period(clientId, '2026-09-01', '2026-09-30'), lang: 'en' });
    expect(again).toMatchObject({ number: 'RM-2026-000003', netMinor: 720_000, collectedMinor: 800_000, feeMinor: 80_000 });
    const en = writePdf(Buffer.from((await call<{ pdfBase64: string }>('remittances.statement', { id: again.id })).pdfBase64, 'base64'), 'remittance-en');
    expect(qpdfCheck(en)).toMatchObject({ ok: true });
    const text = normalize(pdfText(en));
    expect(text).toContain('RM-2026-000003');
    expect(text).toContain('7,200.00');
    expect(text).toContain('-4,500.00');
    expect(text.replace(/\s+/g, ' ').toLowerCase()).toContain(amountInWords(720_000, 'SAR', 'en').toLowerCase().replace(/ only$/, ''));
    expect(text).toContain('Schedule of cases');
  });

  it('lets the accountant reconcile: paid with the date and bank reference; a paid remittance is final', async () => {
    expect(errorCode(await raw('remittances.markPaid', { id: aug.id, version: aug.version, paidOn: '2026-10-02', reference: 'FT-99' }, accountant))).toBe('input.invalid');
    expect(errorCode(await raw('remittances.markPaid', { id: aug.id, version: aug.version, paidOn: '2026-09-01', reference: 'FT-99' }, accountant))).toBe('input.invalid');
    expect(errorCode(await raw('remittances.markPaid', { id: aug.id, version: aug.version, paidOn: '2026-10-01', reference: '' }, accountant))).toBe('input.invalid');
    expect(errorCode(await raw('remittances.markPaid', { id: aug.id, version: aug.version + 5, paidOn: '2026-10-01', reference: 'FT-99' }, accountant))).toBe('conflict.stale');
    const paid = await call<RemittanceRow>('remittances.markPaid', { id: aug.id, version: aug.version, paidOn: '2026-10-01', reference: 'FT-99' }, accountant);
    expect(paid).toMatchObject({ state: 'paid', paidOn: '2026-10-01', paidReference: 'FT-99' });
    expect(paid.reconciledByName).toBeTruthy();
    expect(paid.reconciledAt).toBeTruthy();
    expect(errorCode(await raw('remittances.void', { id: aug.id, version: paid.version, reason: 'لا' }, accountant))).toBe('remittances.already_paid');
    expect(errorCode(await raw('remittances.markPaid', { id: aug.id, version: paid.version, paidOn: '2026-10-01', reference: 'FT-99' }, accountant))).toBe('remittances.already_paid');
    const list = await call<RemittanceList>('ledger.remittances', { clientId, state: null }, accountant);
    expect(list.rows.map((r) => [r.number, r.state])).toEqual([
      ['RM-2026-000003', 'issued'],
      ['RM-2026-000002', 'void'],
      ['RM-2026-000001', 'paid'],
    ]);
    expect(list.unpaid).toEqual([{ currency: 'SAR', count: 1, netMinor: 720_000 }]);
    expect(inCurrency(await ledger(clientId), 'SAR').total).toMatchObject({ remittedMinor: 1_304_999 + 720_000, remittedPaidMinor: 1_304_999, dueMinor: 0 });
    const issuedOnly = await call<RemittanceList>('ledger.remittances', { state: 'issued', limit: 1 }, accountant);
    expect(issuedOnly.rows.every((r) => r.state === 'issued')).toBe(true);
  });

  it('remits the dollars on their own', async () => {
    const usdRem = await call<RemittanceRow>('remittances.create', { ...period(clientId, '2026-08-01', '2026-09-30', 'USD'), lang: 'en' });
    expect(usdRem).toMatchObject({ currency: 'USD', collectedMinor: 10_000, feeMinor: 1_000, netMinor: 9_000 });
    expect(inCurrency(await ledger(clientId), 'USD').total.dueMinor).toBe(0);
  });

  it('refuses bad periods, overlaps, nothing to remit and other currencies, changing nothing', async () => {
    const before = snapshot(clientId);
    const refused = async (input: Record<string, unknown>, code: string, message?: string): Promise<void> => {
      for (const name of ['remittances.preview', 'remittances.create']) {
        const r = await raw(name, { lang: 'ar', ...input });
        if (name === 'remittances.preview' && code === 'remittances.nothing') {
          expect((unwrap(r) as RemittancePreview).blocked?.code).toBe(code);
          continue;
        }
        expect(errorCode(r)).toBe(code);
        if (message) expect(JSON.stringify(!r.ok && r.error.details)).toContain(message);
      }
    };
    await refused(period(clientId, '2026-10-01', '2026-09-30'), 'input.invalid', 'validation.period_order');
    await refused(period(clientId, '2026-10-01', '2026-10-02'), 'input.invalid', 'validation.period_future');
    await refused(period(clientId, '2026-09-15', '2026-09-30'), 'remittances.period_overlap', '2026-10-01');
    await refused(period(clientId, '2026-10-01', '2026-10-01'), 'remittances.nothing');
    await refused(period(clientId, '2026-10-01', '2026-10-01', 'EUR'), 'remittances.currency', 'USD');
    await refused(period(clientId, '2026-10-01', '2026-10-01', 'XXX'), 'input.invalid');
    await refused(period(clientId, 'yesterday', '2026-10-01'), 'input.invalid');
    await refused(period(999_999, '2026-10-01', '2026-10-01'), 'not_found');
    const empty = await newClient({ percentBp: BP });
    const afterClient = snapshot(clientId);
    await refused(period(empty, '2026-10-01', '2026-10-01'), 'remittances.no_cases');
    expect(snapshot(clientId)).toEqual(afterClient);
    expect({ ...before, audit: afterClient.audit }).toEqual(afterClient);
  });

  it('lets only partners and accountants see the ledger and remit', async () => {
    const lawyer = await login('lawyer');
    const staff = await login('staff');
    expect(errorCode(await raw('ledger.forClient', { clientId }, lawyer))).toBe('permission.denied');
    expect(errorCode(await raw('ledger.remittances', {}, staff))).toBe('permission.denied');
    expect(errorCode(await raw('remittances.preview', period(clientId, '2026-10-01', '2026-10-01'), lawyer))).toBe('permission.denied');
    expect(errorCode(await raw('remittances.statement', { id: aug.id }, staff))).toBe('permission.denied');
    expect((await call<ClientLedger>('ledger.forClient', { clientId }, accountant)).currencies).toHaveLength(2);
  });
});

describe('the fee summed by the database', () => {
  it('equals the fee per row rounded half up, for odd amounts at 12.5 %', async () => {
    await setDay('2026-08-02');
    const clientId = await newClient({ percentBp: 1_250 });
    const k = await newCase(clientId);
    await setDay('2026-08-12');
    const amounts = [1, 3, 4, 5, 7, 12, 99_999, 100_004, 123_457, 250_003, 333_333, 1_000_001];
    for (const [i, a] of amounts.entries()) await pay(k, a, i % 3 === 0 ? { receivedBy: 'client' } : {});
    const sar = inCurrency(await ledger(clientId), 'SAR');
    const expected = fromRawRows(clientId, 'SAR', 1_250, {});
    expect(sar.total.feePercentMinor).toBe(expected.fee);
    expect(sar.total.feePercentMinor).toBe(amounts.reduce((s, a) => s + Math.round((a * 1_250) / 10_000), 0));
    expect(sar.total.dueMinor).toBe(expected.due);
    const p = await call<RemittancePreview>('remittances.preview', period(clientId, '2026-08-01', '2026-08-12'));
    expect(p.figures.feeMinor).toBe(expected.fee);
    expect(p.cases).toHaveLength(1);
  });
});

describe('remittances that cannot be issued', () => {
  it('a client who was paid directly owes the office its fee: the due is negative and nothing is remitted', async () => {
    await setDay('2026-08-02');
    const clientId = await newClient({ percentBp: 1_500 });
    const k = await newCase(clientId);
    await setDay('2026-08-15');
    await pay(k, 400_000, { receivedBy: 'client' });
    await setDay('2026-10-01');
    const sar = inCurrency(await ledger(clientId), 'SAR');
    expect(sar.total).toMatchObject({ collectedMinor: 0, clientReceivedMinor: 400_000, feeMinor: 60_000, dueMinor: -60_000 });
    const p = await call<RemittancePreview>('remittances.preview', period(clientId, '2026-08-01', '2026-08-31'));
    expect(p.blocked).toEqual({ code: 'remittances.net_not_positive', details: { netMinor: -60_000, heldMinor: -60_000 } });
    const before = snapshot(clientId);
    expect(errorCode(await raw('remittances.create', { ...period(clientId, '2026-08-01', '2026-08-31'), lang: 'ar' }))).toBe('remittances.net_not_positive');
    expect(snapshot(clientId)).toEqual(before);
  });

  it('more than the office holds: a payment of the period reversed after it', async () => {
    await setDay('2026-08-02');
    const clientId = await newClient({ percentBp: 1_000 });
    const k = await newCase(clientId);
    await setDay('2026-08-10');
    const p = await pay(k, 100_000);
    await setDay('2026-09-02');
    await call('payments.reverse', { id: p.payment.id, reason: 'شيك مرتجع', onDate: '2026-09-02' });
    await setDay('2026-10-01');
    const preview = await call<RemittancePreview>('remittances.preview', period(clientId, '2026-08-01', '2026-08-31'));
    expect(preview.figures.netMinor).toBe(90_000);
    expect(preview.blocked).toEqual({ code: 'remittances.exceeds_held', details: { netMinor: 90_000, heldMinor: 0 } });
    const before = snapshot(clientId);
    const r = await raw('remittances.create', { ...period(clientId, '2026-08-01', '2026-08-31'), lang: 'ar' });
    expect(errorCode(r)).toBe('remittances.exceeds_held');
    expect(snapshot(clientId)).toEqual(before);
    // Up to the reversal both rows go together, and they cancel: nothing to remit.
    expect((await call<RemittancePreview>('remittances.preview', period(clientId, '2026-08-01', '2026-09-30'))).blocked?.code).toBe('remittances.net_not_positive');
  });
});
