// Synthetic clients, debtors and cases at office scale, written through the cases service in batched transactions.
import { addDays, diffDays } from '../../electron/domain/dates';
import { makeCommercialRegistration, makeIban, makeNationalId, makeVatNumber } from '../../electron/domain/validators';
import { makeSaudiMobile } from '../../electron/domain/phone';
import { STAGES, type Stage } from '../../electron/domain/ladder';
import { caseInput } from '../../electron/contract/procedures/cases';
import { clientInput, partyInput } from '../../electron/contract/procedures/parties';
import { createCase } from '../../electron/core/services/cases/write';
import { loadLadder } from '../../electron/core/services/cases/facts';
import { partyColumns } from '../../electron/core/services/parties/parties';
import { indexClient, indexParty } from '../../electron/core/services/search/index-text';
import type { OpenDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import { insertStageMove } from '../../db/queries/cases';
import { insertClient, insertParty, replaceClientPoas } from '../../db/queries/parties';
import { createRng, type Rng } from './random';
import * as N from './names';

export interface SeedCasesOptions {
  cases: number;
  seed: number;
  today: string;
  lawyerIds: string[];
  paralegalIds: string[];
  /** Called after each committed batch. */
  progress?: (done: number) => void;
}

const STAGE_WEIGHTS: (readonly [Stage, number])[] = [
  ['intake', 5], ['reminder', 15], ['follow_up', 25], ['final_notice', 15], ['demand', 12], ['litigation', 10], ['enforcement', 6], ['closed', 12],
];
const INSTRUMENTS = [['invoice', 35], ['contract', 15], ['loan', 15], ['cheque', 12], ['promissory_note', 18], ['judgment', 3], ['notarised_contract', 2]] as const;

function personName(rng: Rng): { name: string; nameEn: string } {
  if (rng.chance(0.08)) return { name: `${rng.pick(N.ENGLISH_FIRST)} ${rng.pick(N.ENGLISH_LAST)}`, nameEn: '' };
  const first = rng.chance(0.3) ? rng.pick(N.FEMALE) : rng.pick(N.MALE);
  const link = rng.chance(0.5) ? (first && N.FEMALE.includes(first) ? ' بنت ' : ' بن ') : ' ';
  return { name: `${first}${link}${rng.pick(N.MALE)} ${rng.pick(N.FAMILIES)}`, nameEn: '' };
}

function companyName(rng: Rng): string {
  return `${rng.pick(N.COMPANY_KINDS)} ${rng.pick(N.COMPANY_WORDS)} ${rng.pick(N.COMPANY_TRADES)}`;
}

const BANKS = [
  { code: '80', name: 'مصرف الراجحي' },
  { code: '10', name: 'البنك الأهلي السعودي' },
  { code: '20', name: 'بنك الرياض' },
  { code: '45', name: 'البنك السعودي الأول' },
] as const;

/** Fill the open database with clients, parties and cases; returns counts. Deterministic for a seed. */
export function seedCases(open: OpenDatabase, opts: SeedCasesOptions): { clients: number; parties: number; cases: number } {
  const { sqlite, db } = open;
  const rng = createRng(opts.seed);
  const now = new Date(`${opts.today}T09:00:00Z`).toISOString();
  const ladder = loadLadder(db);
  const clientCount = Math.max(3, Math.min(2000, Math.round(opts.cases / 50)));
  const partyCount = Math.max(3, Math.round(opts.cases * 0.8));

  const clientIds: number[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < clientCount; i++) {
      const base = N.CLIENT_NAMES[i % N.CLIENT_NAMES.length] ?? 'شركة';
      const v = clientInput.parse({
        kind: 'company',
        nameAr: i < N.CLIENT_NAMES.length ? base : `${base} ${i}`,
        crNumber: makeCommercialRegistration('1', 10_000_000 + i),
        vatNumber: makeVatNumber(3_000_000_000_000 + i),
        rulePack: i % 3 === 0 ? 'sama' : 'none',
        fee: { percentBp: rng.pick([1000, 1500, 2000]), fixedPerStage: {} },
      });
      // Letters tell debtors where to pay: every seeded client has a valid Saudi IBAN at a real bank's code.
      const bank = BANKS[i % BANKS.length] ?? BANKS[0];
      const iban = makeIban('SA', `${bank.code}${String(100_000_000_000 + i * 7919).padStart(18, '0')}`);
      // Some clients' contracts allow late charges; some have their payments go to the principal first.
      const lateChargesAllowed = i % 7 === 3;
      const allocationOrder = i % 10 === 4 ? 'principal,costs,fees,lateCharges' : 'costs,fees,principal,lateCharges';
      const id = insertClient(db, { kind: v.kind, nameAr: v.nameAr, crNumber: v.crNumber, vatNumber: v.vatNumber, iban, bankName: bank.name, rulePack: v.rulePack, feePercentBp: v.fee.percentBp, lateChargesAllowed, allocationOrder, createdAt: now, updatedAt: now });
      replaceClientPoas(db, id, [{ number: `${4400000 + i}`, notary: 'كتابة العدل الأولى بالرياض', issuedOn: addDays(opts.today, -rng.int(100, 700)), expiresOn: addDays(opts.today, rng.int(-20, 700)), pleadingClause: rng.chance(0.9) }]);
      indexClient(sqlite, { id, nameAr: v.nameAr, nameEn: '', crNumber: v.crNumber, nationalId: '' });
      clientIds.push(id);
    }
  })();

  const partyIds: number[] = [];
  const BATCH = 5000;
  for (let start = 0; start < partyCount; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(partyCount, start + BATCH); i++) {
        const company = rng.chance(0.15);
        const person = personName(rng);
        const v = partyInput.parse({
          kind: company ? 'company' : 'person',
          name: company ? companyName(rng) : person.name,
          nationalId: company ? '' : makeNationalId(rng.chance(0.75) ? '1' : '2', 10_000_000 + i),
          crNumber: company ? makeCommercialRegistration('2', 20_000_000 + i) : '',
          phones: [makeSaudiMobile(1_000_000 + i, rng.pick(['50', '53', '54', '55', '56', '58', '59']))],
          address: { buildingNo: String(rng.int(1000, 9999)), street: rng.pick(N.STREETS), district: rng.pick(N.DISTRICTS), city: rng.pick(N.CITIES), postalCode: String(rng.int(11000, 34999)), additionalNo: String(rng.int(1000, 9999)) },
        });
        const id = insertParty(db, { ...partyColumns(v, now), createdAt: now });
        indexParty(sqlite, { id, ...v });
        partyIds.push(id);
      }
    })();
  }

  for (let start = 0; start < opts.cases; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(opts.cases, start + BATCH); i++) {
        const stage = rng.weighted(STAGE_WEIGHTS);
        const openedOn = addDays(opts.today, -rng.int(stage === 'intake' ? 0 : 20, 1000));
        const dueDate = addDays(openedOn, -rng.int(30, rng.chance(0.03) ? 1700 : 500));
        const instrumentType = rng.weighted(INSTRUMENTS);
        const debtor = partyIds[i % partyIds.length] ?? 1;
        const guarantor = rng.chance(0.2) ? partyIds[(i * 7 + 3) % partyIds.length] : undefined;
        const closed = stage === 'closed';
        const status = closed ? rng.weighted([['closed_paid', 35], ['closed_uncollectable', 27], ['settled', 13], ['withdrawn', 25]] as const) : rng.weighted([['active', 93], ['on_hold', 4], ['disputed', 3]] as const);
        const v = caseInput.parse({
          clientId: clientIds[i % clientIds.length],
          clientReference: `CR-${String(i + 1).padStart(7, '0')}`,
          debtorIds: [debtor],
          guarantorIds: guarantor !== undefined && guarantor !== debtor ? [guarantor] : [],
          instrumentType,
          instrumentNumber: `${rng.int(100000, 999999)}`,
          instrumentIssuedOn: addDays(dueDate, -rng.int(30, 365)),
          dueDate,
          noteRegistered: instrumentType === 'promissory_note' ? rng.chance(0.6) : null,
          principalMinor: rng.int(500, 500_000) * 100 + rng.pick([0, 0, 50, 25]),
          costsMinor: rng.chance(0.4) ? rng.int(100, 5000) * 100 : 0,
          feesMinor: rng.chance(0.3) ? rng.int(500, 10000) * 100 : 0,
          lateChargesMinor: (i % clientCount) % 7 === 3 && rng.chance(0.4) ? rng.int(100, 3000) * 100 : 0,
          lawyerId: opts.lawyerIds.length ? rng.pick(opts.lawyerIds) : null,
          paralegalId: opts.paralegalIds.length ? rng.pick(opts.paralegalIds) : null,
          tags: rng.chance(0.2) ? [rng.pick(['عاجل', 'VIP', 'تسوية محتملة', 'عنوان غير مؤكد'])] : [],
          nextActionOn: closed ? null : addDays(opts.today, rng.int(-30, 60)),
          noticeDeliveredOn: ['litigation', 'enforcement'].includes(stage) || (stage === 'demand' && rng.chance(0.5)) ? addDays(openedOn, rng.int(10, 20)) : null,
          demandDeliveredOn: ['demand', 'litigation', 'enforcement'].includes(stage) ? addDays(openedOn, rng.int(5, 15)) : null,
          hasJudgment: stage === 'enforcement',
          court: ['litigation', 'enforcement'].includes(stage) ? rng.pick(['المحكمة التجارية بالرياض', 'محكمة التنفيذ بجدة', 'المحكمة العامة بالدمام']) : '',
        });
        const route = STAGES.slice(0, STAGES.indexOf(stage) + 1);
        const span = Math.max(1, diffDays(openedOn, opts.today));
        const stageEnteredOn = addDays(openedOn, Math.floor((span * (route.length - 1)) / route.length));
        const k = createCase(db, sqlite, v, { now, today: opts.today, ladder, stage, openedOn, status, stageEnteredOn });
        route.forEach((to, step) => {
          insertStageMove(db, { caseId: k.id, fromStage: step === 0 ? null : (route[step - 1] ?? null), toStage: to, on: addDays(openedOn, Math.floor((span * step) / route.length)), at: now, byUserId: v.lawyerId, reason: '' });
        });
      }
      appendAudit(sqlite, { at: now, userId: null, action: 'seed.cases', entity: 'case', entityId: null, before: null, after: { from: start + 1, to: Math.min(opts.cases, start + BATCH) } });
    })();
    opts.progress?.(Math.min(opts.cases, start + BATCH));
  }
  return { clients: clientCount, parties: partyCount, cases: opts.cases };
}
