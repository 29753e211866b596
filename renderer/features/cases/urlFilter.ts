// The cases list's filter and sort as URL query parameters (bookmarkable; a reload restores them) and back.
import { BALANCE_FILTERS, CASE_SORTS, type CaseFilter } from '../../../electron/contract/procedures/cases';
import { isIsoDate } from '../../../electron/domain/dates';
import { CASE_STATUSES, INSTRUMENT_TYPES, STAGES } from '../../../electron/domain/ladder';
import { parseAmount } from '../../../electron/domain/money';

export type CaseSort = (typeof CASE_SORTS)[number];

/** What the filter form edits: amounts stay as typed (major units) until they become a filter. */
export interface CaseListState {
  stages: CaseFilter['stages'];
  statuses: CaseFilter['statuses'];
  instrumentTypes: CaseFilter['instrumentTypes'];
  clientId: number | null;
  assigneeId: string | null;
  min: string;
  max: string;
  from: string;
  to: string;
  tag: string;
  /** 'open': something still owed; 'paid': nothing owed; null: either. */
  balance: CaseFilter['balance'];
  query: string;
  sort: CaseSort;
  dir: 'asc' | 'desc';
}

const pick = <T extends string>(values: string[], allowed: readonly T[]): T[] =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

export function readListState(params: URLSearchParams): CaseListState {
  const sort = params.get('sort') ?? '';
  const client = Number(params.get('client'));
  return {
    stages: pick(params.getAll('stage'), STAGES),
    statuses: pick(params.getAll('status'), CASE_STATUSES),
    instrumentTypes: pick(params.getAll('instrument'), INSTRUMENT_TYPES),
    clientId: Number.isInteger(client) && client > 0 ? client : null,
    assigneeId: params.get('assignee') || null,
    min: params.get('min') ?? '',
    max: params.get('max') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    tag: params.get('tag') ?? '',
    balance: pick([params.get('balance') ?? ''], BALANCE_FILTERS)[0] ?? null,
    query: params.get('q') ?? '',
    sort: pick([sort], CASE_SORTS)[0] ?? 'openedOn',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
  };
}

export function writeListState(state: CaseListState): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of state.stages) p.append('stage', s);
  for (const s of state.statuses) p.append('status', s);
  for (const s of state.instrumentTypes) p.append('instrument', s);
  if (state.clientId !== null) p.set('client', String(state.clientId));
  if (state.assigneeId) p.set('assignee', state.assigneeId);
  if (state.balance) p.set('balance', state.balance);
  const text: [string, string][] = [
    ['min', state.min],
    ['max', state.max],
    ['from', state.from],
    ['to', state.to],
    ['tag', state.tag],
    ['q', state.query],
  ];
  for (const [k, v] of text) if (v.trim() !== '') p.set(k, v.trim());
  if (state.sort !== 'openedOn') p.set('sort', state.sort);
  if (state.dir !== 'desc') p.set('dir', state.dir);
  return p;
}

const minor = (text: string): number | null => {
  const r = parseAmount(text, 'SAR');
  return r.ok ? r.value : null;
};
const date = (text: string): string | null => (isIsoDate(text) ? text : null);

/** The contract's filter for a list state; amounts in major units become minor units. */
export function toFilter(state: CaseListState): CaseFilter {
  return {
    stages: state.stages,
    statuses: state.statuses,
    instrumentTypes: state.instrumentTypes,
    clientId: state.clientId,
    assigneeId: state.assigneeId,
    minClaimMinor: minor(state.min),
    maxClaimMinor: minor(state.max),
    nextActionFrom: date(state.from),
    nextActionTo: date(state.to),
    tag: state.tag.trim(),
    balance: state.balance,
    query: state.query.trim(),
  };
}

export function activeFilterCount(state: CaseListState): number {
  return (
    state.stages.length +
    state.statuses.length +
    state.instrumentTypes.length +
    [state.clientId, state.assigneeId, state.balance].filter((v) => v !== null).length +
    [state.min, state.max, state.from, state.to, state.tag, state.query].filter((v) => v.trim() !== '').length
  );
}
