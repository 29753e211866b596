// The plan's outlook: its state today and the day it would default given the payments so far (what the queue waits for),
// including a schedule that has run out with something unpaid, where no later instalment can be missed.
import { describe, expect, it } from 'vitest';
import { planSchedule, type PlannedInstalment } from '../../../electron/domain/instalments';
import { outlookOf } from '../../../electron/core/services/plans/outlook';
import { escalationColumns } from '../../../electron/core/services/cases/facts';
import { DEFAULT_LADDER, type CaseFacts } from '../../../electron/domain/ladder';

function schedule(count: number, frequency: 'weekly' | 'monthly', firstDate: string, totalMinor = count * 10_000): PlannedInstalment[] {
  const r = planSchedule({ totalMinor, count, frequency, firstDate, remainder: 'last' });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.schedule;
}

describe('plan outlook', () => {
  // Weekly from Tuesday 1 December 2026: 1, 8, 15 December.
  const weekly = schedule(3, 'weekly', '2026-12-01');
  const terms = { defaultAfterMissed: 2, frequency: 'weekly' as const };

  it('with nothing paid: defaults the day after the second instalment falls due', () => {
    expect(outlookOf(weekly, [], '2026-11-25', terms)).toMatchObject({ state: 'active', defaultsOn: '2026-12-09' });
    expect(outlookOf(weekly, [], '2026-12-08', terms)).toMatchObject({ state: 'active', defaultsOn: '2026-12-09' });
    expect(outlookOf(weekly, [], '2026-12-09', terms)).toMatchObject({ state: 'defaulted', defaultsOn: '2026-12-09' });
  });

  it('each payment pushes the day back; paying late after the default does not undo it', () => {
    const one = [{ on: '2026-11-30', amountMinor: 10_000 }];
    expect(outlookOf(weekly, one, '2026-12-01', terms).defaultsOn).toBe('2026-12-16');
    const late = [{ on: '2026-12-10', amountMinor: 30_000 }];
    expect(outlookOf(weekly, late, '2026-12-10', terms)).toMatchObject({ state: 'defaulted', defaultsOn: '2026-12-09' });
  });

  it('completes when every instalment is paid in time, and then holds nothing', () => {
    const all = [{ on: '2026-11-30', amountMinor: 30_000 }];
    expect(outlookOf(weekly, all, '2026-11-30', terms)).toMatchObject({ state: 'completed', defaultsOn: null });
  });

  it('a last instalment still unpaid one period after its date defaults the plan (no later one can be missed)', () => {
    const twoPaid = [{ on: '2026-11-30', amountMinor: 20_000 }];
    // Only the 15 December instalment is open: it can never be one of two missed at once.
    expect(outlookOf(weekly, twoPaid, '2026-12-16', terms)).toMatchObject({ state: 'active', defaultsOn: '2026-12-23' });
    expect(outlookOf(weekly, twoPaid, '2026-12-23', terms)).toMatchObject({ state: 'defaulted', defaultsOn: '2026-12-23' });
    // Paid within that period: completed.
    const caughtUp = [...twoPaid, { on: '2026-12-20', amountMinor: 10_000 }];
    expect(outlookOf(weekly, caughtUp, '2026-12-20', terms)).toMatchObject({ state: 'completed', defaultsOn: null });
    // A single monthly instalment with the default after two missed: a month after its date.
    const single = schedule(1, 'monthly', '2026-12-01');
    expect(outlookOf(single, [], '2026-11-25', { defaultAfterMissed: 2, frequency: 'monthly' }).defaultsOn).toBe('2027-01-02');
  });

  it('in the queue: an active plan holds the case until it would default; the later of a plan and a promise decides', () => {
    const facts: CaseFacts = {
      stage: 'reminder',
      status: 'active',
      instrumentType: 'invoice',
      openedOn: '2026-11-01',
      stageEnteredOn: '2026-11-01',
      dueDate: null,
      noticeDeliveredOn: null,
      demandDeliveredOn: null,
      noteRegistered: null,
      instrumentIssuedOn: null,
      hasJudgment: false,
    };
    const none = { promises: [], flags: [] };
    const plan = { defaultsOn: '2026-12-09', active: true };
    expect(escalationColumns(facts, '2026-11-25', DEFAULT_LADDER, { ...none, plan })).toMatchObject({ escalationDueOn: '2026-12-09', escalationReason: 'plan_defaulted' });
    const promise = { dueOn: '2026-12-20', madeOn: '2026-11-20', state: 'open' as const };
    expect(escalationColumns(facts, '2026-11-25', DEFAULT_LADDER, { ...none, promises: [promise], plan }).escalationReason).toBe('promise_due');
    // A defaulted plan from before the case's last stage move no longer counts: the move answered it.
    const moved = { ...facts, stageEnteredOn: '2026-12-10' };
    expect(escalationColumns(moved, '2026-12-11', DEFAULT_LADDER, { ...none, plan: { defaultsOn: '2026-12-09', active: false } }).escalationReason).toBeNull();
    // A dispute still takes the case out whatever the plan says.
    expect(escalationColumns(facts, '2026-11-25', DEFAULT_LADDER, { promises: [], flags: [{ kind: 'dispute', untilOn: null }], plan }).escalationDueOn).toBeNull();
  });
});
