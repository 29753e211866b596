// The ladder's vocabulary, DOMAIN.md's default configuration, and validation of stored configurations.
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  DEFAULT_LADDER,
  INSTRUMENT_TYPES,
  type LadderConfig,
  STAGES,
  isClosedStatus,
  isExecutiveInstrument,
  isLadderConfig,
  isOverridableGuard,
  ladderStage,
  validateLadderConfig,
} from '../../../electron/domain/ladder';

/** A deep copy of the defaults to break in one place. */
function copy(): LadderConfig {
  return structuredClone(DEFAULT_LADDER);
}

function withStages(order: string[]): LadderConfig {
  const c = copy();
  c.stages = order.map((s) => ({ ...ladderStage(s as (typeof STAGES)[number]) }));
  return c;
}

describe('vocabulary', () => {
  it('lists the stages, statuses and instruments in order', () => {
    expect(STAGES).toEqual(['intake', 'reminder', 'follow_up', 'final_notice', 'demand', 'litigation', 'enforcement', 'closed']);
    expect(CASE_STATUSES).toEqual(['active', 'on_hold', 'disputed', 'settled', 'closed_paid', 'closed_uncollectable', 'withdrawn']);
    expect(INSTRUMENT_TYPES).toEqual(['invoice', 'contract', 'loan', 'cheque', 'promissory_note', 'judgment', 'notarised_contract', 'settlement_minute']);
  });

  it.each([
    ['invoice', false],
    ['contract', false],
    ['loan', false],
    ['cheque', true],
    ['promissory_note', true],
    ['judgment', true],
    ['notarised_contract', true],
    ['settlement_minute', true],
  ] as const)('isExecutiveInstrument(%s) = %s', (t, expected) => {
    expect(isExecutiveInstrument(t)).toBe(expected);
  });

  it.each([
    ['active', false],
    ['on_hold', false],
    ['disputed', false],
    ['settled', true],
    ['closed_paid', true],
    ['closed_uncollectable', true],
    ['withdrawn', true],
  ] as const)('isClosedStatus(%s) = %s', (s, expected) => {
    expect(isClosedStatus(s)).toBe(expected);
  });

  it('makes every guard overridable except case_closed and same_stage', () => {
    expect(isOverridableGuard('case_closed')).toBe(false);
    expect(isOverridableGuard('same_stage')).toBe(false);
    for (const code of ['status_blocks', 'not_next_step', 'notice_missing', 'notice_wait', 'demand_missing', 'demand_wait', 'not_executive', 'note_unregistered', 'judgment_missing'] as const) {
      expect(isOverridableGuard(code)).toBe(true);
    }
  });
});

describe('DEFAULT_LADDER', () => {
  it('is valid', () => {
    expect(validateLadderConfig(DEFAULT_LADDER)).toEqual([]);
    expect(isLadderConfig(DEFAULT_LADDER)).toBe(true);
  });

  it('has the stages in ladder order with DOMAIN.md\'s Arabic names and the day offsets', () => {
    expect(DEFAULT_LADDER.stages.map((s) => [s.stage, s.nameAr, s.dayOffset])).toEqual([
      ['intake', 'استلام', 0],
      ['reminder', 'تذكير ودي', 0],
      ['follow_up', 'متابعة', 7],
      ['final_notice', 'إشعار نهائي', 30],
      ['demand', 'إنذار / إخطار رسمي', 45],
      ['litigation', 'التقاضي', 60],
      ['enforcement', 'التنفيذ', 60],
      ['closed', 'مغلق', 0],
    ]);
  });

  it('has an English name and a next action in both languages for every stage', () => {
    for (const s of DEFAULT_LADDER.stages) {
      expect(s.nameEn.length).toBeGreaterThan(0);
      expect(s.nextActionAr).toMatch(/[\u0600-\u06FF]/);
      expect(s.nextActionEn).toMatch(/^[A-Z]/);
    }
  });

  it('has the statutory periods and dates', () => {
    expect(DEFAULT_LADDER.preFilingNotice).toEqual({ days: 15, unit: 'calendar' });
    expect(DEFAULT_LADDER.performanceOrderDemand).toEqual({ days: 5, unit: 'calendar' });
    expect(DEFAULT_LADDER.enforcementObjection).toEqual({ days: 5, unit: 'calendar' });
    expect(DEFAULT_LADDER.appealWindow).toEqual({ days: 30, unit: 'calendar' });
    expect(DEFAULT_LADDER.limitationYears).toBe(5);
    expect(DEFAULT_LADDER.limitationWarnDays).toBe(90);
    expect(DEFAULT_LADDER.noteRegistrationCutoff).toBe('2026-10-28');
    expect(DEFAULT_LADDER.noteTransitionDays).toBe(365);
    expect(DEFAULT_LADDER.weekend).toEqual([5, 6]);
    expect(DEFAULT_LADDER.holidays).toEqual([]);
  });
});

describe('ladderStage', () => {
  it('finds a stage', () => {
    expect(ladderStage('demand').dayOffset).toBe(45);
  });
  it('throws when the configuration lacks the stage', () => {
    const c = copy();
    c.stages = c.stages.filter((s) => s.stage !== 'demand');
    expect(() => ladderStage('demand', c)).toThrow(RangeError);
  });
});

describe('validateLadderConfig', () => {
  it.each([null, undefined, 42, 'ladder', []])('rejects a non-object %j', (c) => {
    expect(validateLadderConfig(c)).toEqual(['ladder configuration: must be an object']);
  });

  it('rejects stages that are not a list', () => {
    expect(validateLadderConfig({ ...copy(), stages: {} })).toContain('stages: must be a list');
  });

  it('rejects a stage entry that is not an object', () => {
    const c = copy() as unknown as { stages: unknown[] };
    c.stages[1] = 'reminder';
    expect(validateLadderConfig(c)).toEqual(['stages[1]: must be an object', 'stages: missing stage "reminder"']);
  });

  it('reports a duplicate stage (and the one it displaced as missing)', () => {
    const c = copy();
    c.stages[2] = { ...ladderStage('reminder') };
    expect(validateLadderConfig(c)).toEqual(['stages[2].stage: duplicate stage "reminder"', 'stages: missing stage "follow_up"']);
  });

  it('reports a missing stage', () => {
    const c = copy();
    c.stages = c.stages.filter((s) => s.stage !== 'litigation');
    expect(validateLadderConfig(c)).toEqual(['stages: missing stage "litigation"']);
  });

  it('reports an unknown stage', () => {
    const c = copy() as unknown as { stages: Record<string, unknown>[] };
    c.stages.push({ ...c.stages[0], stage: 'mediation' });
    expect(validateLadderConfig(c)).toEqual(['stages[8].stage: unknown stage "mediation"']);
  });

  it('reports negative, fractional and missing day offsets', () => {
    const c = copy() as unknown as { stages: Record<string, unknown>[] };
    c.stages[0] = { ...c.stages[0], dayOffset: -1 };
    c.stages[1] = { ...c.stages[1], dayOffset: 1.5 };
    c.stages[2] = { ...c.stages[2], dayOffset: undefined };
    expect(validateLadderConfig(c)).toEqual([
      'stages[0].dayOffset: must be a whole number of days, 0 or more',
      'stages[1].dayOffset: must be a whole number of days, 0 or more',
      'stages[2].dayOffset: must be a whole number of days, 0 or more',
    ]);
  });

  it('reports empty names and non-text next actions', () => {
    const c = copy() as unknown as { stages: Record<string, unknown>[] };
    c.stages[3] = { ...c.stages[3], nameAr: '  ', nameEn: 7, nextActionAr: null };
    expect(validateLadderConfig(c)).toEqual([
      'stages[3].nameAr: must be a non-empty text',
      'stages[3].nameEn: must be a non-empty text',
      'stages[3].nextActionAr: must be a text',
    ]);
  });

  it('accepts an empty next action (e.g. for closed)', () => {
    const c = copy();
    c.stages[7] = { ...ladderStage('closed'), nextActionAr: '', nextActionEn: '' };
    expect(validateLadderConfig(c)).toEqual([]);
  });

  it('accepts reordered pre-legal stages', () => {
    const c = withStages(['intake', 'follow_up', 'reminder', 'final_notice', 'demand', 'litigation', 'enforcement', 'closed']);
    c.stages[1] = { ...ladderStage('follow_up'), dayOffset: 0 };
    expect(validateLadderConfig(c)).toEqual([]);
  });

  it('requires intake first', () => {
    const c = withStages(['reminder', 'intake', 'follow_up', 'final_notice', 'demand', 'litigation', 'enforcement', 'closed']);
    expect(validateLadderConfig(c)).toEqual(['stages: "intake" must be first']);
  });

  it('requires closed last', () => {
    const c = withStages(['intake', 'reminder', 'follow_up', 'final_notice', 'demand', 'litigation', 'closed', 'enforcement']);
    expect(validateLadderConfig(c)).toEqual(['stages: must end with "demand", "litigation", "enforcement", "closed" in that order']);
  });

  it('requires demand → litigation → enforcement after the pre-legal stages', () => {
    const c = withStages(['intake', 'reminder', 'demand', 'follow_up', 'final_notice', 'litigation', 'enforcement', 'closed']);
    c.stages.forEach((s) => (s.dayOffset = 0));
    expect(validateLadderConfig(c)).toEqual(['stages: must end with "demand", "litigation", "enforcement", "closed" in that order']);
  });

  it('rejects day offsets that go back along the ladder (closed excepted)', () => {
    const c = copy();
    c.stages[3] = { ...ladderStage('final_notice'), dayOffset: 5 };
    expect(validateLadderConfig(c)).toEqual(['stages: "final_notice" day 5 comes before "follow_up" day 7']);
  });

  it.each(['preFilingNotice', 'performanceOrderDemand', 'enforcementObjection', 'appealWindow'] as const)('checks the period %s', (key) => {
    expect(validateLadderConfig({ ...copy(), [key]: { days: -1, unit: 'calendar' } })).toEqual([`${key}.days: must be a whole number of days, 0 or more`]);
    expect(validateLadderConfig({ ...copy(), [key]: { days: 5, unit: 'weeks' } })).toEqual([`${key}.unit: must be "calendar" or "working"`]);
    expect(validateLadderConfig({ ...copy(), [key]: 5 })).toEqual([`${key}: must be an object with days and unit`]);
    expect(validateLadderConfig({ ...copy(), [key]: { days: 0, unit: 'working' } })).toEqual([]);
  });

  it('checks limitation, cutoff and transition', () => {
    expect(validateLadderConfig({ ...copy(), limitationYears: 0 })).toEqual(['limitationYears: must be a whole number of years, 1 or more']);
    expect(validateLadderConfig({ ...copy(), limitationWarnDays: -5 })).toEqual(['limitationWarnDays: must be a whole number of days, 0 or more']);
    expect(validateLadderConfig({ ...copy(), noteRegistrationCutoff: '2026-02-30' })).toEqual(['noteRegistrationCutoff: must be a date (YYYY-MM-DD)']);
    expect(validateLadderConfig({ ...copy(), noteTransitionDays: -1 })).toEqual(['noteTransitionDays: must be a whole number of days, 0 or more']);
  });

  it('checks the weekend', () => {
    expect(validateLadderConfig({ ...copy(), weekend: 5 })).toEqual(['weekend: must be a list of weekdays (0 = Sunday … 6 = Saturday)']);
    expect(validateLadderConfig({ ...copy(), weekend: [5, 7] })).toEqual(['weekend: each day must be 0 (Sunday) … 6 (Saturday)']);
    expect(validateLadderConfig({ ...copy(), weekend: [5, 5] })).toEqual(['weekend: a day is listed twice']);
    expect(validateLadderConfig({ ...copy(), weekend: [0, 1, 2, 3, 4, 5, 6] })).toEqual(['weekend: cannot cover all seven days']);
    expect(validateLadderConfig({ ...copy(), weekend: [] })).toEqual([]);
  });

  it('checks the holidays', () => {
    expect(validateLadderConfig({ ...copy(), holidays: '2026-09-23' })).toEqual(['holidays: must be a list of dates']);
    expect(validateLadderConfig({ ...copy(), holidays: ['2026-09-23', '23/09/2026'] })).toEqual(['holidays[1]: must be a date (YYYY-MM-DD)']);
  });

  it('reports several problems at once and isLadderConfig agrees', () => {
    const bad = { ...copy(), limitationYears: 'five', holidays: [1] };
    expect(validateLadderConfig(bad)).toHaveLength(2);
    expect(isLadderConfig(bad)).toBe(false);
  });
});
