// Daily work for the seeded cases: the communication log (10 entries a case on average), tasks, hearings for cases in
// court, promises to pay (some broken) and disputes/holds — raw cached inserts, one transaction per chunk of cases.
import { fromEpochDay, toEpochDay } from '../../electron/domain/dates';
import type { OpenDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import { cached } from '../../db/queries/statements';
import { createRng, type Rng } from './random';

export interface SeedActivityOptions {
  seed: number;
  today: string;
  progress?: (done: number, total: number) => void;
}

export interface ActivityCounts {
  communications: number;
  tasks: number;
  hearings: number;
  promises: number;
  flags: number;
}

type Channel = 'call' | 'sms' | 'whatsapp' | 'email' | 'letter' | 'visit' | 'meeting';
const CHANNELS: (readonly [Channel, number])[] = [['call', 55], ['sms', 14], ['whatsapp', 14], ['email', 5], ['letter', 4], ['visit', 5], ['meeting', 3]];
const CALL_OUTCOMES = [['no_answer', 40], ['call_back', 15], ['promised', 12], ['refused', 9], ['wrong_number', 4], ['disputed', 3], ['paid', 5]] as const;
const MESSAGE_OUTCOMES = [['delivered', 85], ['returned', 5], ['promised', 5], ['paid', 5]] as const;
const VISIT_OUTCOMES = [['promised', 35], ['refused', 25], ['no_answer', 20], ['paid', 10], ['disputed', 10]] as const;
const NOTES = ['', '', '', 'طلب مهلة حتى نهاية الشهر', 'الرقم مغلق', 'وعد بالسداد بعد استلام الراتب', 'أفاد بأنه سدد جزءاً من المبلغ', 'طلب كشف حساب', 'لا يرد على الاتصالات'];
const COURTS = ['المحكمة التجارية بالرياض', 'المحكمة العامة بجدة', 'المحكمة التجارية بالدمام'];
const TASK_TITLES = ['متابعة السداد', 'تجهيز مذكرة الدعوى', 'طلب كشف حساب من العميل', 'التحقق من العنوان الوطني', 'إرسال إنذار نهائي', 'مراجعة وكالة العميل'];

interface CaseSeedRow {
  id: number;
  reference: string;
  stage: string;
  status: string;
  openedOn: string;
  lawyerId: string | null;
  paralegalId: string | null;
  partyId: number | null;
  currency: string;
  claimMinor: number;
}

/** A Riyadh date and a time of day in working hours, as the stored UTC instant. */
function instant(day: number, rng: Rng): string {
  const minutes = rng.int(8 * 60, 19 * 60);
  return new Date((day * 1440 + minutes - 180) * 60_000).toISOString();
}

function outcomeFor(channel: Channel, rng: Rng): string {
  if (channel === 'call') return rng.weighted(CALL_OUTCOMES);
  if (channel === 'visit' || channel === 'meeting') return rng.weighted(VISIT_OUTCOMES);
  return rng.weighted(MESSAGE_OUTCOMES);
}

/** Add the daily work to every case already in the office; deterministic for a seed. */
export function seedActivity(open: OpenDatabase, opts: SeedActivityOptions): ActivityCounts {
  const { sqlite } = open;
  const rng = createRng(opts.seed * 7919 + 5);
  const today = toEpochDay(opts.today);
  const now = new Date(`${opts.today}T09:00:00Z`).toISOString();
  const counts: ActivityCounts = { communications: 0, tasks: 0, hearings: 0, promises: 0, flags: 0 };
  const total = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const page = cached(
    sqlite,
    `SELECT k.id, k.reference, k.stage, k.status, k.opened_on AS openedOn, k.lawyer_id AS lawyerId, k.paralegal_id AS paralegalId, k.currency,
       k.claim_minor AS claimMinor, (SELECT party_id FROM case_parties WHERE case_id = k.id AND role = 'debtor' ORDER BY position LIMIT 1) AS partyId
     FROM cases k WHERE k.id > ? ORDER BY k.id LIMIT ?`,
  );
  const insComm = cached(
    sqlite,
    `INSERT INTO communications (case_id, party_id, channel, direction, occurred_at, user_id, outcome, notes, follow_up_on, created_at, paid_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insTask = cached(
    sqlite,
    `INSERT INTO tasks (case_id, title, assignee_id, due_on, due_time, priority, source, source_id, done_at, done_by, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insHearing = cached(
    sqlite,
    `INSERT INTO hearings (case_id, court, circuit, on_date, at_time, type, result, judgment_on, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPromise = cached(
    sqlite,
    `INSERT INTO promises (case_id, amount_minor, currency, due_on, channel, state, kept_minor, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insFlag = cached(sqlite, 'INSERT INTO case_flags (case_id, kind, reason, until_on, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?)');

  const CHUNK = 5000;
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = page.all(after, CHUNK) as CaseSeedRow[];
    if (rows.length === 0) break;
    sqlite.transaction(() => {
      for (const k of rows) {
        const openedDay = toEpochDay(k.openedOn);
        const span = Math.max(1, today - openedDay);
        const isOpen = k.stage !== 'closed';
        const people = [k.paralegalId, k.paralegalId, k.paralegalId, k.lawyerId, k.lawyerId].filter((p): p is string => p !== null);
        const who = (): string | null => (people.length ? rng.pick(people) : null);

        // The log: 4–16 entries spread over the case's life, oldest first.
        const n = rng.int(4, 16);
        const days: number[] = [];
        for (let i = 0; i < n; i++) days.push(openedDay + Math.floor((span * rng.next() * 0.98)));
        days.sort((a, b) => a - b);
        days.forEach((day, i) => {
          const channel = rng.weighted(CHANNELS);
          const outcome = outcomeFor(channel, rng);
          const last = i === n - 1;
          // Most follow-ups are answered by the next entry; an open case's last entry often asks for one around today.
          const followUp = last && isOpen ? (rng.chance(0.35) ? fromEpochDay(today + rng.int(-10, 10)) : null) : rng.chance(0.15) ? fromEpochDay(Math.min(day + rng.int(1, 7), today + 7)) : null;
          const at = instant(day, rng);
          const by = who();
          const entry = insComm.run(k.id, k.partyId, channel, rng.chance(0.85) ? 'out' : 'in', at, by, outcome, rng.pick(NOTES), followUp, at, outcome === 'paid' ? rng.int(100, 5000) * 100 : null);
          counts.communications++;
          // As the log does: a follow-up date is a task for whoever logged it; the answered ones were marked done.
          if (followUp !== null && by !== null) {
            const answered = !last;
            insTask.run(k.id, `متابعة ${k.reference}`, by, followUp, null, 'normal', 'follow_up', Number(entry.lastInsertRowid), answered ? instant(Math.min(toEpochDay(followUp), today), rng) : null, answered ? by : null, by, at);
            counts.tasks++;
          }
        });

        if (isOpen && rng.chance(0.22)) {
          const due = today + rng.int(-20, 30);
          const finished = due < today && rng.chance(0.4);
          const assignee = who();
          if (assignee) {
            insTask.run(k.id, rng.pick(TASK_TITLES), assignee, fromEpochDay(due), rng.chance(0.3) ? `${String(rng.int(8, 16)).padStart(2, '0')}:00` : null, rng.weighted([['normal', 70], ['high', 20], ['low', 10]] as const), 'manual', null, finished ? instant(due, rng) : null, finished ? assignee : null, assignee, instant(Math.max(openedDay, due - rng.int(1, 14)), rng));
            counts.tasks++;
          }
        }

        if (k.stage === 'litigation' || k.stage === 'enforcement') {
          const court = rng.pick(COURTS);
          const circuit = `الدائرة ${rng.int(1, 12)}`;
          const sessions = k.stage === 'litigation' ? rng.int(1, 3) : 1;
          let day = Math.max(openedDay + 20, today - sessions * 30 - rng.int(0, 20));
          for (let s = 0; s < sessions; s++) {
            const lastSession = s === sessions - 1;
            // Litigation: the last session is coming (a third within the week); enforcement: the judgment, recent.
            const onDay = k.stage === 'enforcement' ? today - rng.int(10, 90) : lastSession ? today + (rng.chance(0.35) ? rng.int(0, 7) : rng.int(8, 60)) : day;
            const judgment = k.stage === 'enforcement';
            insHearing.run(k.id, court, circuit, fromEpochDay(onDay), `${String(rng.int(8, 12)).padStart(2, '0')}:${rng.pick(['00', '30'])}`, judgment ? 'judgment' : s === 0 ? 'first_session' : 'session', onDay < today ? (judgment ? 'judgment' : 'adjourned') : '', judgment ? fromEpochDay(onDay) : null, k.lawyerId, instant(Math.min(today, onDay - 20), rng));
            counts.hearings++;
            day = onDay + rng.int(20, 40);
          }
        }

        if (isOpen && rng.chance(0.11)) {
          const due = today + rng.int(-30, 20);
          const amount = Math.max(10_000, Math.round(k.claimMinor * rng.pick([0.1, 0.2, 0.25, 0.5])));
          let state = 'open';
          let kept = 0;
          if (due < today) {
            state = rng.weighted([['kept', 40], ['partly_kept', 15], ['broken', 45]] as const);
            kept = state === 'kept' ? amount : state === 'partly_kept' ? Math.round(amount / 3) : 0;
          }
          insPromise.run(k.id, amount, k.currency, fromEpochDay(due), rng.pick(['call', 'whatsapp', 'visit']), state, kept, who(), instant(Math.max(openedDay, due - rng.int(5, 20)), rng));
          counts.promises++;
        }

        if (k.status === 'disputed' || k.status === 'on_hold') {
          const hold = k.status === 'on_hold';
          insFlag.run(k.id, hold ? 'hold' : 'dispute', hold ? 'طلب العميل إيقاف الإجراءات مؤقتاً' : 'اعترض المدين على المبلغ', hold ? fromEpochDay(today + rng.int(5, 60)) : null, instant(today - rng.int(1, 40), rng), k.lawyerId);
          counts.flags++;
        }
      }
      appendAudit(sqlite, { at: now, userId: null, action: 'seed.activity', entity: 'case', entityId: null, before: null, after: { from: rows[0]?.id, to: rows[rows.length - 1]?.id } });
    })();
    after = rows[rows.length - 1]?.id ?? after;
    done += rows.length;
    opts.progress?.(done, total);
  }
  return counts;
}
