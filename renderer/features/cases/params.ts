// Values for translated guard and warning messages: dates in both calendars, numbers in the user's digits, enums translated.
import type { TFunction } from 'i18next';
import { isIsoDate } from '../../../electron/domain/dates';
import type { Formatters } from '../../i18n/useFormat';

const STAGE_PARAMS = new Set(['stage', 'from', 'to', 'next', 'nextStage']);

export function messageParams(params: Record<string, string | number>, t: TFunction, fmt: Formatters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'number') out[key] = fmt.number(value);
    else if (isIsoDate(value)) out[key] = fmt.dual(value);
    else if (STAGE_PARAMS.has(key) && value !== '') out[key] = t(`stages.${value}`);
    else if (key === 'status') out[key] = t(`statuses.${value}`);
    else if (key === 'instrumentType') out[key] = t(`instruments.${value}`);
    else if (key === 'unit') out[key] = t(`guards.unit_${value}`);
    else if (key === 'reason') out[key] = t(`guards.note_reason_${value}`);
    else out[key] = value;
  }
  return out;
}
