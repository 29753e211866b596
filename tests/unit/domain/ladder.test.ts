// The stage ladder: routes per instrument, offered moves and corrections, every guard with its params, escalation due dates.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../electron/domain/dates';
import {
  type CaseFacts,
  type CaseStatus,
  DEFAULT_LADDER,
  type GuardFailure,
  INSTRUMENT_TYPES,
  type LadderConfig,
  STAGES,
  type Stage,
  checkMove,
  correctionStages,
  escalationDue,
  ladderStage,
  nextStages,
  routeOf,
} from '../../../electron/domain/ladder';

const ORDINARY = ['invoice', 'contract', 'loan'] as const;
const EXECUTIVE = ['cheque', 'promissory_note', 'judgment', 'notarised_contract', 'settlement_minute'] as const;
const CLOSED = ['settled', 'closed_paid', 'closed_uncollectable', 'withdrawn'] as const;
const OPEN_STAGES = STAGES.filter((s) => s !== 'closed');

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    stage: 'intake',
    status: 'active',
    instrumentType: 'invoice',
    openedOn: '2026-09-01',
    stageEnteredOn: '2026-09-01',
    dueDate: null,
    noticeDeliveredOn: null,
    demandDeliveredOn: null,
    noteRegistered: null,
    instrumentIssuedOn: null,
    hasJudgment: false,
    ...over,
  };
}

const codes = (failures: GuardFailure[]): string[] => failures.map((f) => f.code);

describe('routeOf', () => {
  it.each(ORDINARY)('%s: every stage, through litigation', (t) => {
    expect(routeOf({ instrumentType: t })).toEqual(['intake', 'reminder', 'follow_up', 'final_notice', 'demand', 'litigation', 'enforcement', 'closed']);
  });
  it.each(EXECUTIVE)('%s: demand straight to enforcement', (t) => {
    expect(routeOf({ instrumentType: t })).toEqual(['intake', 'reminder', 'follow_up', 'final_notice', 'demand', 'enforcement', 'closed']);
  });
  it('follows a reordered configuration', () => {
    const c: LadderConfig = { ...DEFAULT_LADDER, stages: ['intake', 'follow_up', 'reminder', 'final_notice', 'demand', 'litigation', 'enforcement', 'closed'].map((s) => ladderStage(s as Stage)) };
    expect(routeOf({ instrumentType: 'loan' }, c).slice(0, 3)).toEqual(['intake', 'follow_up', 'reminder']);
    expect(nextStages(facts({ stage: 'intake' }), c)).toEqual(['follow_up', 'closed']);
  });
});

describe('nextStages', () => {
  it.each(ORDINARY)('%s: one step at a time, then closed', (t) => {
    const route = routeOf({ instrumentType: t });
    for (let i = 0; i < 6; i += 1) {
      expect(nextStages(facts({ instrumentType: t, stage: route[i] }))).toEqual([route[i + 1], 'closed']);
    }
    expect(nextStages(facts({ instrumentType: t, stage: 'enforcement' }))).toEqual(['closed']);
  });

  it.each(EXECUTIVE)('%s: enforcement first from demand, litigation as the alternative', (t) => {
    expect(nextStages(facts({ instrumentType: t, stage: 'final_notice' }))).toEqual(['demand', 'closed']);
    expect(nextStages(facts({ instrumentType: t, stage: 'demand' }))).toEqual(['enforcement', 'litigation', 'closed']);
    expect(nextStages(facts({ instrumentType: t, stage: 'litigation' }))).toEqual(['enforcement', 'closed']);
    expect(nextStages(facts({ instrumentType: t, stage: 'enforcement' }))).toEqual(['closed']);
  });

  it('offers the steps to on-hold and disputed cases too (checkMove blocks them)', () => {
    expect(nextStages(facts({ stage: 'reminder', status: 'on_hold' }))).toEqual(['follow_up', 'closed']);
    expect(nextStages(facts({ stage: 'reminder', status: 'disputed' }))).toEqual(['follow_up', 'closed']);
  });

  it.each(CLOSED)('status %s: only closed, and nothing once the stage is closed', (status) => {
    expect(nextStages(facts({ stage: 'follow_up', status }))).toEqual(['closed']);
    expect(nextStages(facts({ stage: 'closed', status }))).toEqual([]);
  });

  it('offers nothing from the closed stage', () => {
    expect(nextStages(facts({ stage: 'closed' }))).toEqual([]);
  });
});

describe('correctionStages', () => {
  it('lists the earlier stages in ladder order', () => {
    expect(correctionStages(facts({ stage: 'intake' }))).toEqual([]);
    expect(correctionStages(facts({ stage: 'demand' }))).toEqual(['intake', 'reminder', 'follow_up', 'final_notice']);
    expect(correctionStages(facts({ stage: 'enforcement', instrumentType: 'cheque' }))).toEqual(['intake', 'reminder', 'follow_up', 'final_notice', 'demand', 'litigation']);
  });
  it('reopens from closed once the status is open again', () => {
    expect(correctionStages(facts({ stage: 'closed', status: 'active' }))).toEqual(OPEN_STAGES);
  });
  it.each(CLOSED)('offers nothing under status %s', (status) => {
    expect(correctionStages(facts({ stage: 'closed', status }))).toEqual([]);
    expect(correctionStages(facts({ stage: 'demand', status }))).toEqual([]);
  });
});

describe('checkMove: same stage, closed cases, corrections, closing', () => {
  it.each(STAGES)('same_stage at %s is not overridable', (stage) => {
    expect(checkMove(facts({ stage }), stage, '2026-12-01')).toEqual([{ code: 'same_stage', overridable: false, params: { stage } }]);
  });

  it.each(CLOSED)('status %s: case_closed for any move but to closed', (status) => {
    const f = facts({ stage: 'follow_up', status });
    for (const to of ['intake', 'reminder', 'final_notice', 'demand', 'litigation', 'enforcement'] as const) {
      expect(checkMove(f, to, '2026-12-01')).toEqual([{ code: 'case_closed', overridable: false, params: { stage: 'follow_up', status } }]);
    }
    expect(checkMove(f, 'closed', '2026-12-01')).toEqual([]);
    // Closed stage and closed status: reopening needs the status changed first.
    expect(checkMove(facts({ stage: 'closed', status }), 'demand', '2026-12-01')).toEqual([{ code: 'case_closed', overridable: false, params: { stage: 'closed', status } }]);
  });

  it('allows reopening from closed to any stage once the status is open', () => {
    for (const to of OPEN_STAGES) expect(checkMove(facts({ stage: 'closed', status: 'active' }), to, '2026-12-01')).toEqual([]);
  });

  it('allows backward corrections without guards, even when disputed', () => {
    expect(checkMove(facts({ stage: 'enforcement', status: 'disputed' }), 'litigation', '2026-12-01')).toEqual([]);
    expect(checkMove(facts({ stage: 'litigation' }), 'intake', '2026-12-01')).toEqual([]);
  });

  it.each(OPEN_STAGES)('closed is reachable from %s, whatever the open status', (stage) => {
    for (const status of ['active', 'on_hold', 'disputed'] as const) {
      expect(checkMove(facts({ stage, status }), 'closed', '2026-12-01')).toEqual([]);
    }
  });
});

describe('checkMove: forward steps', () => {
  it.each(ORDINARY)('%s: each pre-legal step is allowed', (t) => {
    expect(checkMove(facts({ instrumentType: t, stage: 'intake' }), 'reminder', '2026-09-01')).toEqual([]);
    expect(checkMove(facts({ instrumentType: t, stage: 'reminder' }), 'follow_up', '2026-09-01')).toEqual([]);
    expect(checkMove(facts({ instrumentType: t, stage: 'follow_up' }), 'final_notice', '2026-09-01')).toEqual([]);
    expect(checkMove(facts({ instrumentType: t, stage: 'final_notice' }), 'demand', '2026-09-01')).toEqual([]);
  });

  it.each(['on_hold', 'disputed'] as const)('status %s blocks escalation (overridable)', (status) => {
    expect(checkMove(facts({ stage: 'reminder', status }), 'follow_up', '2026-09-01')).toEqual([{ code: 'status_blocks', overridable: true, params: { status } }]);
  });

  it('skipping a step is not_next_step (overridable) with the expected step', () => {
    expect(checkMove(facts({ stage: 'intake' }), 'demand', '2026-09-01')).toEqual([
      { code: 'not_next_step', overridable: true, params: { from: 'intake', to: 'demand', next: 'reminder' } },
    ]);
    expect(codes(checkMove(facts({ stage: 'intake', status: 'on_hold' }), 'final_notice', '2026-09-01'))).toEqual(['status_blocks', 'not_next_step']);
  });

  it('the moves nextStages offers never fail not_next_step', () => {
    for (const t of INSTRUMENT_TYPES) {
      for (const stage of OPEN_STAGES) {
        const f = facts({ instrumentType: t, stage });
        for (const to of nextStages(f)) expect(codes(checkMove(f, to, '2030-01-01'))).not.toContain('not_next_step');
      }
    }
  });
});

describe('checkMove: filing (→ litigation)', () => {
  const atDemand = facts({ stage: 'demand' });

  it('needs the pre-filing notice delivered', () => {
    expect(checkMove(atDemand, 'litigation', '2026-12-07')).toEqual([{ code: 'notice_missing', overridable: true, params: { days: 15, unit: 'calendar' } }]);
  });

  it('cannot be filed before 2026-12-07: notice delivered 2026-11-22, 15 days required', () => {
    const f = { ...atDemand, noticeDeliveredOn: '2026-11-22' };
    expect(checkMove(f, 'litigation', '2026-12-06')).toEqual([
      { code: 'notice_wait', overridable: true, params: { earliest: '2026-12-07', delivered: '2026-11-22', days: 15, unit: 'calendar' } },
    ]);
    expect(checkMove(f, 'litigation', '2026-11-22')).toHaveLength(1);
    expect(checkMove(f, 'litigation', '2026-12-07')).toEqual([]);
    expect(checkMove(f, 'litigation', '2027-03-01')).toEqual([]);
  });

  it('rolls the earliest filing date past a weekend and holiday', () => {
    // Delivered Friday 2026-11-27: day 15 is Saturday 12-12, Sunday 12-13 is a holiday → Monday 12-14.
    const c = { ...DEFAULT_LADDER, holidays: ['2026-12-13'] };
    const f = { ...atDemand, noticeDeliveredOn: '2026-11-27' };
    expect(checkMove(f, 'litigation', '2026-12-13', c)[0]?.params).toEqual({ earliest: '2026-12-14', delivered: '2026-11-27', days: 15, unit: 'calendar' });
    expect(checkMove(f, 'litigation', '2026-12-14', c)).toEqual([]);
  });

  it('counts a working-day notice period across the weekend and a holiday', () => {
    const c: LadderConfig = { ...DEFAULT_LADDER, preFilingNotice: { days: 5, unit: 'working' }, holidays: ['2026-12-01'] };
    const f = { ...atDemand, noticeDeliveredOn: '2026-11-26' };
    expect(checkMove(f, 'litigation', '2026-12-03', c)).toEqual([
      { code: 'notice_wait', overridable: true, params: { earliest: '2026-12-06', delivered: '2026-11-26', days: 5, unit: 'working' } },
    ]);
    expect(checkMove(f, 'litigation', '2026-12-06', c)).toEqual([]);
  });

  it.each(EXECUTIVE)('%s may take litigation from demand, under the same notice rule', (t) => {
    expect(codes(checkMove({ ...atDemand, instrumentType: t }, 'litigation', '2026-12-01'))).toEqual(['notice_missing']);
    expect(checkMove({ ...atDemand, instrumentType: t, noticeDeliveredOn: '2026-11-22' }, 'litigation', '2026-12-07')).toEqual([]);
  });

  it('reports a skip and the notice together', () => {
    expect(codes(checkMove(facts({ stage: 'final_notice' }), 'litigation', '2026-12-01'))).toEqual(['not_next_step', 'notice_missing']);
  });
});

describe('checkMove: enforcement after litigation', () => {
  it.each(INSTRUMENT_TYPES)('%s: needs a judgment', (t) => {
    const f = facts({ instrumentType: t, stage: 'litigation' });
    expect(checkMove(f, 'enforcement', '2026-12-01')).toEqual([{ code: 'judgment_missing', overridable: true, params: { from: 'litigation' } }]);
    expect(checkMove({ ...f, hasJudgment: true }, 'enforcement', '2026-12-01')).toEqual([]);
  });

  it('does not ask for the demand or the note registration: the judgment is the instrument', () => {
    const f = facts({ instrumentType: 'promissory_note', stage: 'litigation', hasJudgment: true, noteRegistered: false, instrumentIssuedOn: '2027-01-01' });
    expect(checkMove(f, 'enforcement', '2027-06-01')).toEqual([]);
  });
});

describe('checkMove: enforcement straight from demand', () => {
  const ready = { stage: 'demand' as const, demandDeliveredOn: '2026-11-22' };

  it.each(ORDINARY)('%s is not executive: not_next_step and not_executive', (t) => {
    expect(checkMove(facts({ ...ready, instrumentType: t }), 'enforcement', '2026-12-01')).toEqual([
      { code: 'not_next_step', overridable: true, params: { from: 'demand', to: 'enforcement', next: 'litigation' } },
      { code: 'not_executive', overridable: true, params: { instrumentType: t } },
    ]);
  });

  it.each(['cheque', 'judgment', 'notarised_contract', 'settlement_minute'] as const)('%s: allowed once the demand wait has run', (t) => {
    expect(checkMove(facts({ ...ready, instrumentType: t }), 'enforcement', '2026-11-29')).toEqual([]);
  });

  it('needs the demand delivered', () => {
    expect(checkMove(facts({ stage: 'demand', instrumentType: 'cheque' }), 'enforcement', '2026-12-01')).toEqual([
      { code: 'demand_missing', overridable: true, params: { days: 5, unit: 'calendar' } },
    ]);
  });

  it('waits 5 days from delivery, rolled off the weekend (day 5 is Friday 2026-11-27 → Sunday 11-29)', () => {
    const f = facts({ ...ready, instrumentType: 'cheque' });
    expect(checkMove(f, 'enforcement', '2026-11-28')).toEqual([
      { code: 'demand_wait', overridable: true, params: { earliest: '2026-11-29', delivered: '2026-11-22', days: 5, unit: 'calendar' } },
    ]);
    expect(checkMove(f, 'enforcement', '2026-11-29')).toEqual([]);
  });

  it('a skip to enforcement from before demand reports the skip and the demand', () => {
    expect(codes(checkMove(facts({ stage: 'final_notice', instrumentType: 'cheque' }), 'enforcement', '2026-12-01'))).toEqual(['not_next_step', 'demand_missing']);
  });

  it('an ordinary claim with everything missing reports every guard', () => {
    expect(codes(checkMove(facts({ stage: 'reminder', status: 'disputed' }), 'enforcement', '2026-12-01'))).toEqual([
      'status_blocks',
      'not_next_step',
      'not_executive',
      'demand_missing',
    ]);
  });
});

describe('checkMove: promissory-note registration', () => {
  const note = facts({ stage: 'demand', instrumentType: 'promissory_note', demandDeliveredOn: '2026-06-01' });

  it('a registered note goes to enforcement at any date', () => {
    expect(checkMove({ ...note, noteRegistered: true, instrumentIssuedOn: '2027-01-01' }, 'enforcement', '2030-01-01')).toEqual([]);
  });

  it('before the cutoff the old law applies: an unregistered note is enforceable', () => {
    expect(checkMove({ ...note, noteRegistered: false, instrumentIssuedOn: '2026-01-01' }, 'enforcement', '2026-10-27')).toEqual([]);
  });

  it('an unregistered note issued after the cutoff is blocked (overridable)', () => {
    expect(checkMove({ ...note, noteRegistered: false, instrumentIssuedOn: '2026-10-28' }, 'enforcement', '2026-11-10')).toEqual([
      { code: 'note_unregistered', overridable: true, params: { reason: 'issued_after_cutoff', cutoff: '2026-10-28', issuedOn: '2026-10-28' } },
    ]);
  });

  it('an unregistered note issued before the cutoff is enforceable through 2027-10-27, then blocked', () => {
    const f = { ...note, noteRegistered: false, instrumentIssuedOn: '2026-10-27' };
    expect(checkMove(f, 'enforcement', '2026-10-28')).toEqual([]);
    expect(checkMove(f, 'enforcement', '2027-10-27')).toEqual([]);
    expect(checkMove(f, 'enforcement', '2027-10-28')).toEqual([
      {
        code: 'note_unregistered',
        overridable: true,
        params: { reason: 'transition_ended', cutoff: '2026-10-28', issuedOn: '2026-10-27', transitionEndsOn: '2027-10-27' },
      },
    ]);
  });

  it('an unknown registration counts as unregistered; an unknown issue date after the cutoff gets no transition', () => {
    expect(checkMove({ ...note, noteRegistered: null, instrumentIssuedOn: null }, 'enforcement', '2026-11-10')).toEqual([
      { code: 'note_unregistered', overridable: true, params: { reason: 'issue_date_unknown', cutoff: '2026-10-28', issuedOn: '' } },
    ]);
  });

  it('cheques are not subject to note registration', () => {
    expect(checkMove({ ...note, instrumentType: 'cheque', noteRegistered: false, instrumentIssuedOn: '2027-01-01' }, 'enforcement', '2027-06-01')).toEqual([]);
  });

  it('reports the demand and the note together', () => {
    expect(codes(checkMove({ ...note, demandDeliveredOn: null, noteRegistered: false, instrumentIssuedOn: '2027-01-01' }, 'enforcement', '2027-06-01'))).toEqual([
      'demand_missing',
      'note_unregistered',
    ]);
  });
});

describe('checkMove: overridability', () => {
  it('every failure but case_closed and same_stage is overridable', () => {
    const seen = new Map<string, boolean>();
    for (const t of INSTRUMENT_TYPES) {
      for (const stage of STAGES) {
        for (const status of ['active', 'on_hold', 'settled'] as const) {
          for (const to of STAGES) {
            for (const f of checkMove(facts({ instrumentType: t, stage, status, noteRegistered: false, instrumentIssuedOn: '2027-01-01' }), to, '2027-06-01')) {
              seen.set(f.code, f.overridable);
            }
          }
        }
      }
    }
    expect(Object.fromEntries(seen)).toEqual({
      same_stage: false,
      case_closed: false,
      status_blocks: true,
      not_next_step: true,
      notice_missing: true,
      not_executive: true,
      demand_missing: true,
      note_unregistered: true,
      judgment_missing: true,
    });
  });
});

describe('escalationDue', () => {
  const notDue = { due: false, nextStage: null, dueOn: null, reason: null };

  it.each(['on_hold', 'disputed', ...CLOSED] as CaseStatus[])('never due under status %s', (status) => {
    expect(escalationDue(facts({ stage: 'final_notice', status }), '2027-01-01')).toEqual(notDue);
  });

  it('never due at the closed stage or at the last stage before it', () => {
    expect(escalationDue(facts({ stage: 'closed' }), '2027-01-01')).toEqual(notDue);
    expect(escalationDue(facts({ stage: 'enforcement', hasJudgment: true }), '2027-01-01')).toEqual(notDue);
  });

  it('never due while a payment plan is kept', () => {
    expect(escalationDue(facts({ stage: 'final_notice', hasActivePaymentPlan: true }), '2027-01-01')).toEqual(notDue);
    expect(escalationDue(facts({ stage: 'final_notice', hasActivePaymentPlan: false }), '2027-01-01').due).toBe(true);
  });

  it('reminder is due the day the case opens', () => {
    expect(escalationDue(facts({ stage: 'intake' }), '2026-09-01')).toEqual({ due: true, nextStage: 'reminder', dueOn: '2026-09-01', reason: 'ladder_offset' });
  });

  it.each([
    ['reminder', 'follow_up', '2026-09-08'],
    ['follow_up', 'final_notice', '2026-10-01'],
    ['final_notice', 'demand', '2026-10-16'],
    ['demand', 'litigation', '2026-10-31'],
  ] as const)('%s → %s falls due on opened + offset (%s), not the day before', (stage, next, dueOn) => {
    const f = facts({ stage });
    expect(escalationDue(f, dueOn)).toEqual({ due: true, nextStage: next, dueOn, reason: 'ladder_offset' });
    expect(escalationDue(f, addDays(dueOn, -1))).toEqual({ due: false, nextStage: next, dueOn, reason: 'ladder_offset' });
  });

  it('filing waits for the notice when it ends after the offset', () => {
    // Notice delivered Sunday 2026-10-25: filing from Monday 2026-11-09, after day 60 (2026-10-31).
    const f = facts({ stage: 'demand', noticeDeliveredOn: '2026-10-25' });
    expect(escalationDue(f, '2026-11-08')).toEqual({ due: false, nextStage: 'litigation', dueOn: '2026-11-09', reason: 'wait_elapsed' });
    expect(escalationDue(f, '2026-11-09')).toEqual({ due: true, nextStage: 'litigation', dueOn: '2026-11-09', reason: 'wait_elapsed' });
  });

  it('the offset rules when the notice wait ended earlier', () => {
    expect(escalationDue(facts({ stage: 'demand', noticeDeliveredOn: '2026-10-01' }), '2026-10-31')).toEqual({
      due: true,
      nextStage: 'litigation',
      dueOn: '2026-10-31',
      reason: 'ladder_offset',
    });
  });

  it('an executive instrument at demand is due for enforcement after the demand wait', () => {
    // Demand delivered Tuesday 2026-10-27: day 5 is Sunday 2026-11-01, after day 60 (2026-10-31).
    const f = facts({ stage: 'demand', instrumentType: 'cheque', demandDeliveredOn: '2026-10-27' });
    expect(escalationDue(f, '2026-10-31')).toEqual({ due: false, nextStage: 'enforcement', dueOn: '2026-11-01', reason: 'wait_elapsed' });
    expect(escalationDue(f, '2026-11-01')).toEqual({ due: true, nextStage: 'enforcement', dueOn: '2026-11-01', reason: 'wait_elapsed' });
    expect(escalationDue({ ...f, demandDeliveredOn: null }, '2026-10-31')).toEqual({ due: true, nextStage: 'enforcement', dueOn: '2026-10-31', reason: 'ladder_offset' });
  });

  it('an unregistered note the court would refuse is proposed for litigation instead', () => {
    const f = facts({ stage: 'demand', instrumentType: 'promissory_note', noteRegistered: false, instrumentIssuedOn: '2027-01-01', openedOn: '2027-02-01' });
    expect(escalationDue(f, '2027-04-02')).toEqual({ due: true, nextStage: 'litigation', dueOn: '2027-04-02', reason: 'ladder_offset' });
    expect(escalationDue({ ...f, noteRegistered: true }, '2027-04-02').nextStage).toBe('enforcement');
  });

  it('enforcement after litigation has no due date until a judgment is recorded', () => {
    expect(escalationDue(facts({ stage: 'litigation' }), '2027-01-01')).toEqual({ due: false, nextStage: 'enforcement', dueOn: null, reason: null });
    expect(escalationDue(facts({ stage: 'litigation', hasJudgment: true, demandDeliveredOn: '2026-12-30' }), '2027-01-01')).toEqual({
      due: true,
      nextStage: 'enforcement',
      dueOn: '2026-10-31',
      reason: 'ladder_offset',
    });
  });

  it('follows the configured offsets', () => {
    const c: LadderConfig = { ...DEFAULT_LADDER, stages: DEFAULT_LADDER.stages.map((s) => (s.stage === 'follow_up' ? { ...s, dayOffset: 3 } : s)) };
    expect(escalationDue(facts({ stage: 'reminder' }), '2026-09-04', c)).toEqual({ due: true, nextStage: 'follow_up', dueOn: '2026-09-04', reason: 'ladder_offset' });
  });
});
