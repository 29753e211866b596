// The ladder settings form's shape and its read of the office's ladder (ladder.get), kept with the settings feature.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { UseFormReturn } from 'react-hook-form';
import type { LadderConfig } from '../../../electron/domain/ladder';
import { call } from '../../api/client';

export const ladderKey = ['ladder.get'] as const;

export function useLadder(): UseQueryResult<LadderConfig> {
  return useQuery({ queryKey: ladderKey, queryFn: () => call('ladder.get', {}) });
}

/** LadderConfig with mutable lists, as react-hook-form edits them. */
export type LadderForm = Omit<LadderConfig, 'weekend' | 'holidays'> & { weekend: number[]; holidays: string[] };
export type LadderFormApi = UseFormReturn<LadderForm>;

export const PERIOD_KEYS = ['preFilingNotice', 'performanceOrderDemand', 'enforcementObjection', 'appealWindow'] as const;
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** A deep copy a form can own (the defaults and the query's data stay untouched). */
export function toForm(c: LadderConfig): LadderForm {
  return {
    ...c,
    stages: c.stages.map((s) => ({ ...s })),
    preFilingNotice: { ...c.preFilingNotice },
    performanceOrderDemand: { ...c.performanceOrderDemand },
    enforcementObjection: { ...c.enforcementObjection },
    appealWindow: { ...c.appealWindow },
    weekend: [...c.weekend],
    holidays: [...c.holidays],
  };
}

/** A number field's value: a number, or NaN for empty/partial text (validateLadderConfig then names the problem). */
export function numberValue(v: string | number): number {
  return typeof v === 'number' ? v : Number.NaN;
}
