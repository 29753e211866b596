// Money for the seeded cases: payments (about two a case, spread over the last two years), bounced cheques and their
// reversals, settlements, instalment plans and monthly remittances per client — raw cached inserts in big transactions.
// Receipts are numbered but their PDFs are not rendered (payments.receipt renders a missing one on first open).
import { parseAllocationOrder, type ComponentAmounts } from '../../electron/domain/allocation';
import { addDays, addMonths, toEpochDay } from '../../electron/domain/dates';
import { percentFee } from '../../electron/domain/ledger';
import type { OpenDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import { getCase, setDerivedColumns } from '../../db/queries/cases';
import { cached } from '../../db/queries/statements';
import { caseEscalation } from '../../electron/core/services/promises/standing';
import { loadLadder } from '../../electron/core/services/cases/facts';
import { caseStory, type PaymentDraft, type PlanDraft, type SettlementDraft, type StoryCase } from './money-story';
import { createRng } from './random';

export interface SeedMoneyOptions {
  seed: number;
  today: string;
  progress?: (step: string) => void;
}

export interface MoneyCounts {
  payments: number;
  reversals: number;
  settlements: number;
  plans: number;
  instalments: number;
  remittances: number;
  remittanceItems: number;
}

interface CaseRow {
  id: number;
  clientId: number;
  stage: string;
  status: string;
  openedOn: string;
  stageEnteredOn: string;
  currency: string;
  costs: number;
  fees: number;
  principal: number;
  lateCharges: number;
}

const CHUNK = 20_000;

/** A Riyadh working-hours instant on `day`, stored as UTC. */
function instantOn(day: string, minutes: number): string {
  return new Date((toEpochDay(day) * 1440 + minutes - 180) * 60_000).toISOString();
}

export function seedMoney(open: OpenDatabase, opts: SeedMoneyOptions): MoneyCounts {
  const { sqlite, db } = open;
  const rng = createRng(opts.seed * 104729 + 11);
  const { today } = opts;
  const now = new Date(`${today}T09:00:00Z`).toISOString();
  const counts: MoneyCounts = { payments: 0, reversals: 0, settlements: 0, plans: 0, instalments: 0, remittances: 0, remittanceItems: 0 };
  const staff = (sqlite.prepare("SELECT id FROM users WHERE role IN ('accountant', 'paralegal') ORDER BY id").all() as { id: string }[]).map((u) => u.id);
  const accountant = (sqlite.prepare("SELECT id FROM users WHERE role = 'accountant' ORDER BY id LIMIT 1").get() as { id: string } | undefined)?.id ?? null;
  const who = (): string | null => (staff.length ? rng.pick(staff) : null);

  const clients = new Map(
    (sqlite.prepare('SELECT id, fee_percent_bp AS bp, allocation_order AS o FROM clients').all() as { id: number; bp: number | null; o: string }[]).map((c) => [c.id, { bp: c.bp, order: parseAllocationOrder(c.o) }]),
  );
  const kept = new Map<number, StoryCase['keptPromises']>();
  for (const p of sqlite
    .prepare("SELECT case_id AS caseId, due_on AS dueOn, substr(created_at, 1, 10) AS madeOn, kept_minor AS amountMinor FROM promises WHERE state IN ('kept', 'partly_kept') AND kept_minor > 0 ORDER BY id")
    .iterate() as IterableIterator<{ caseId: number; dueOn: string; madeOn: string; amountMinor: number }>) {
    const list = kept.get(p.caseId) ?? [];
    list.push({ dueOn: p.dueOn, madeOn: p.madeOn, amountMinor: p.amountMinor });
    kept.set(p.caseId, list);
  }

  // 1. Every case's story, in memory (about 250 bytes a payment).
  opts.progress?.('stories');
  const cases = sqlite
    .prepare(
      `SELECT id, client_id AS clientId, stage, status, opened_on AS openedOn, stage_entered_on AS stageEnteredOn, currency,
              costs_minor AS costs, fees_minor AS fees, principal_minor AS principal, late_charges_minor AS lateCharges
         FROM cases ORDER BY id`,
    )
    .all() as CaseRow[];
  let seq = 0;
  const ctx = { rng, today, nextSeq: () => ++seq };
  const all: PaymentDraft[] = [];
  const settlements: SettlementDraft[] = [];
  const plans: PlanDraft[] = [];
  const caseUpdates: { id: number; paid: number; discount: number }[] = [];
  const currencyOf = new Map<number, string>();
  const clientOf = new Map<number, number>();
  for (const k of cases) {
    const claim: ComponentAmounts = { costs: k.costs, fees: k.fees, principal: k.principal, lateCharges: k.lateCharges };
    const story = caseStory({ id: k.id, stage: k.stage, status: k.status, openedOn: k.openedOn, stageEnteredOn: k.stageEnteredOn, claim, order: clients.get(k.clientId)?.order ?? parseAllocationOrder(''), keptPromises: kept.get(k.id) ?? [] }, ctx);
    all.push(...story.payments);
    if (story.settlement) settlements.push(story.settlement);
    if (story.plan) plans.push(story.plan);
    if (story.paidMinor !== 0 || story.discountMinor !== 0) caseUpdates.push({ id: k.id, paid: story.paidMinor, discount: story.discountMinor });
    currencyOf.set(k.id, k.currency);
    clientOf.set(k.id, k.clientId);
  }
  // Posted in date order, as an office would have: ids and receipt numbers follow the calendar.
  all.sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : a.seq - b.seq));

  // 2. Payments with gapless receipt numbers per year (reversals have none).
  opts.progress?.('payments');
  const lastSeq = new Map((sqlite.prepare('SELECT year, last_seq AS seq FROM receipt_counters').all() as { year: number; seq: number }[]).map((r) => [r.year, r.seq]));
  const insPayment = cached(
    sqlite,
    `INSERT INTO payments (case_id, on_date, amount_minor, currency, method, cheque_number, cheque_bank, reference, received_by,
       alloc_costs_minor, alloc_fees_minor, alloc_principal_minor, alloc_late_minor, credit_minor, manual_allocation,
       reverses_id, reversal_reason, receipt_number, notes, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, '', ?, ?)`,
  );
  const setCounter = cached(sqlite, 'INSERT INTO receipt_counters (year, last_seq) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last_seq = excluded.last_seq');
  for (let start = 0; start < all.length; start += CHUNK) {
    sqlite.transaction(() => {
      for (const p of all.slice(start, start + CHUNK)) {
        let receipt: string | null = null;
        if (!p.reverses) {
          const year = Number(p.onDate.slice(0, 4));
          const n = (lastSeq.get(year) ?? 0) + 1;
          lastSeq.set(year, n);
          receipt = `RC-${year}-${String(n).padStart(6, '0')}`;
          counts.payments++;
        } else counts.reversals++;
        const r = insPayment.run(
          p.caseId, p.onDate, p.amountMinor, currencyOf.get(p.caseId) ?? 'SAR', p.method, p.chequeNumber, p.chequeBank, p.reference, p.receivedBy,
          p.alloc.costs, p.alloc.fees, p.alloc.principal, p.alloc.lateCharges,
          p.reverses ? p.reverses.id : null, p.reversalReason, receipt, who(), instantOn(p.onDate, rng.int(8 * 60, 17 * 60)),
        );
        p.id = Number(r.lastInsertRowid);
      }
      for (const [year, n] of lastSeq) setCounter.run(year, n);
      appendAudit(sqlite, { at: now, userId: null, action: 'seed.payments', entity: 'payment', entityId: null, before: null, after: { rows: Math.min(CHUNK, all.length - start) } });
    })();
  }

  // 3. Settlements, plans with their schedules, and each case's paid amount and discount.
  opts.progress?.('agreements');
  const insSettlement = cached(
    sqlite,
    `INSERT INTO settlements (case_id, amount_minor, currency, agreed_on, deadline, balance_at_agreement_minor, paid_at_agreement_minor,
       discount_costs_minor, discount_fees_minor, discount_principal_minor, discount_late_minor, state, ended_on, broken_reason, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPlan = cached(
    sqlite,
    `INSERT INTO payment_plans (case_id, total_minor, currency, count, frequency, first_date, remainder_on, default_after_missed, after_payment_id,
       agreed_on, state, defaulted_on, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'last', 2, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insInstalment = cached(sqlite, 'INSERT INTO plan_instalments (plan_id, n, due_on, amount_minor) VALUES (?, ?, ?, ?)');
  const updCase = cached(sqlite, 'UPDATE cases SET paid_minor = ?, discount_minor = ? WHERE id = ?');
  const lastId = (before: PaymentDraft[]): number => before.reduce((m, p) => Math.max(m, p.id), 0);
  sqlite.transaction(() => {
    for (const s of settlements) {
      const at = instantOn(s.agreedOn, 11 * 60);
      const ended = s.endedOn ? instantOn(s.endedOn, 12 * 60) : at;
      insSettlement.run(
        s.caseId, s.amountMinor, currencyOf.get(s.caseId) ?? 'SAR', s.agreedOn, s.deadline, s.balanceAtAgreementMinor, s.paidAtAgreementMinor,
        s.discount.costs, s.discount.fees, s.discount.principal, s.discount.lateCharges, s.state, s.endedOn,
        s.state === 'broken' ? 'لم يلتزم المدين بسداد مبلغ التسوية في موعده' : '', who(), at, ended,
      );
      counts.settlements++;
    }
    for (const p of plans) {
      const at = instantOn(p.agreedOn, 11 * 60);
      const r = insPlan.run(p.caseId, p.totalMinor, currencyOf.get(p.caseId) ?? 'SAR', p.count, p.frequency, p.firstDate, lastId(p.before), p.agreedOn, p.state, p.defaultedOn, who(), at, p.defaultedOn ? instantOn(p.defaultedOn, 9 * 60) : at);
      const planId = Number(r.lastInsertRowid);
      for (const i of p.schedule) insInstalment.run(planId, i.n, i.dueOn, i.amountMinor);
      counts.plans++;
      counts.instalments += p.schedule.length;
    }
    for (const u of caseUpdates) updCase.run(u.paid, u.discount, u.id);
    appendAudit(sqlite, { at: now, userId: null, action: 'seed.agreements', entity: 'case', entityId: null, before: null, after: { settlements: counts.settlements, plans: counts.plans } });
  })();

  // A plan holds its case out of the queue until it would default; a defaulted one brings it back.
  const ladder = loadLadder(db);
  sqlite.transaction(() => {
    for (const p of plans) {
      const k = getCase(db, p.caseId);
      if (k) setDerivedColumns(db, k.id, caseEscalation(db, k, today, ladder));
    }
  })();

  // 4. Monthly remittances per client and currency for the months before this one, each covering the payment rows
  // (reversals included) not yet remitted up to the month's end; a month whose fee eats what the office collected is
  // carried into the next remittance, as the remittance service refuses a net of zero or less.
  opts.progress?.('remittances');
  const thisMonthStart = `${today.slice(0, 7)}-01`;
  const lastMonthStart = addMonths(thisMonthStart, -1);
  const byClient = new Map<string, PaymentDraft[]>();
  for (const p of all) {
    if (p.onDate >= thisMonthStart) continue;
    const key = `${clientOf.get(p.caseId) ?? 0}|${currencyOf.get(p.caseId) ?? 'SAR'}`;
    const list = byClient.get(key) ?? [];
    list.push(p);
    byClient.set(key, list);
  }
  interface RemittanceDraft {
    clientId: number;
    currency: string;
    from: string;
    to: string;
    issuedOn: string;
    rows: PaymentDraft[];
    fees: number[];
    collected: number;
    direct: number;
    fee: number;
  }
  const drafts: RemittanceDraft[] = [];
  for (const [key, rows] of byClient) {
    const [clientText = '0', currency = 'SAR'] = key.split('|');
    const clientId = Number(clientText);
    const bp = clients.get(clientId)?.bp ?? null;
    let from: string | null = null;
    let held: PaymentDraft[] = [];
    let at = 0;
    // Rows are in date order (all was sorted): walk the months.
    while (at < rows.length) {
      const month = (rows[at]?.onDate ?? '').slice(0, 7);
      while (at < rows.length && rows[at]?.onDate.startsWith(month)) held.push(rows[at++] as PaymentDraft);
      const fees = held.map((p) => percentFee(p.amountMinor, bp));
      const fee = fees.reduce((a, b) => a + b, 0);
      const collected = held.filter((p) => p.receivedBy === 'office').reduce((a, p) => a + p.amountMinor, 0);
      if (collected - fee <= 0) continue;
      const periodFrom: string = from ?? `${(held[0]?.onDate ?? month).slice(0, 7)}-01`;
      const periodTo = addDays(addMonths(`${month}-01`, 1), -1);
      const issuedOn = addDays(periodTo, rng.int(1, 5));
      const direct = held.filter((p) => p.receivedBy === 'client').reduce((a, p) => a + p.amountMinor, 0);
      drafts.push({ clientId, currency, from: periodFrom, to: periodTo, issuedOn: issuedOn > today ? today : issuedOn, rows: held, fees, collected, direct, fee });
      from = addDays(periodTo, 1);
      held = [];
    }
  }
  drafts.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.clientId - b.clientId));
  const remSeq = new Map((sqlite.prepare('SELECT year, last_seq AS seq FROM remittance_counters').all() as { year: number; seq: number }[]).map((r) => [r.year, r.seq]));
  const insRem = cached(
    sqlite,
    `INSERT INTO remittances (number, client_id, currency, period_from, period_to, collected_minor, client_received_minor, fee_minor, net_minor,
       state, paid_on, paid_reference, reconciled_by, reconciled_at, lang, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ar', ?, ?)`,
  );
  const insItem = cached(sqlite, "INSERT INTO remittance_items (remittance_id, kind, case_id, payment_id, stage, amount_minor, fee_minor) VALUES (?, 'payment', ?, ?, NULL, ?, ?)");
  const setRemCounter = cached(sqlite, 'INSERT INTO remittance_counters (year, last_seq) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last_seq = excluded.last_seq');
  for (let start = 0; start < drafts.length; start += 5000) {
    sqlite.transaction(() => {
      for (const d of drafts.slice(start, start + 5000)) {
        const year = Number(d.issuedOn.slice(0, 4));
        const n = (remSeq.get(year) ?? 0) + 1;
        remSeq.set(year, n);
        // Paid within the week after issue; last month's are often still waiting for the transfer.
        const paid = d.to < lastMonthStart || rng.chance(0.4);
        const paidOn = paid ? addDays(d.issuedOn, rng.int(1, 6)) : null;
        const paidOnDay = paidOn && paidOn > today ? today : paidOn;
        const r = insRem.run(
          `RM-${year}-${String(n).padStart(6, '0')}`, d.clientId, d.currency, d.from, d.to, d.collected, d.direct, d.fee, d.collected - d.fee,
          paid ? 'paid' : 'issued', paidOnDay, paid ? `TRF-${rng.int(10_000_000, 99_999_999)}` : '', paid ? accountant : null, paidOnDay ? instantOn(paidOnDay, 10 * 60) : null,
          accountant, instantOn(d.issuedOn, 9 * 60),
        );
        const remId = Number(r.lastInsertRowid);
        d.rows.forEach((p, i) => insItem.run(remId, p.caseId, p.id, p.amountMinor, d.fees[i] ?? 0));
        counts.remittances++;
        counts.remittanceItems += d.rows.length;
      }
      for (const [year, n] of remSeq) setRemCounter.run(year, n);
      appendAudit(sqlite, { at: now, userId: null, action: 'seed.remittances', entity: 'remittance', entityId: null, before: null, after: { rows: Math.min(5000, drafts.length - start) } });
    })();
  }
  return counts;
}
