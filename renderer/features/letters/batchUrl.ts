// Which cases a batch prints, carried in the batch page's URL: chosen cases, every due case of the queue, or a cases-list filter.
import type { InputOf } from '../../../electron/contract';
import { MAX_BATCH } from '../../../electron/contract/procedures/letters';
import { readListState, toFilter, writeListState, type CaseListState } from '../cases/urlFilter';

export type BatchSelection = InputOf<'letters.batchCheck'>['selection'];

export type BatchSource = { source: 'ids'; caseIds: number[] } | { source: 'queue' } | { source: 'filter'; state: CaseListState };

export function batchPathForIds(caseIds: readonly number[]): string {
  return `/letters/batch?source=ids&ids=${caseIds.join(',')}`;
}

export function batchPathForQueue(): string {
  return '/letters/batch?source=queue';
}

export function batchPathForFilter(state: CaseListState): string {
  const p = writeListState(state);
  p.set('source', 'filter');
  return `/letters/batch?${p.toString()}`;
}

/** The source a batch URL names; null when it names none (the page then offers the queue). */
export function readBatchSource(params: URLSearchParams): BatchSource | null {
  switch (params.get('source')) {
    case 'ids': {
      const ids = (params.get('ids') ?? '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0);
      const unique = [...new Set(ids)].slice(0, MAX_BATCH);
      return unique.length > 0 ? { source: 'ids', caseIds: unique } : null;
    }
    case 'queue':
      return { source: 'queue' };
    case 'filter':
      return { source: 'filter', state: readListState(params) };
    default:
      return null;
  }
}

export function toSelection(source: BatchSource): BatchSelection {
  switch (source.source) {
    case 'ids':
      return { caseIds: source.caseIds };
    case 'queue':
      return { queue: true };
    case 'filter':
      return { filter: toFilter(source.state) };
  }
}
