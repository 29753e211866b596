// The outgoing register's filter as URL query parameters (year, kind, state, batch, q), so a batch can link to its letters.
import { DISPATCH_STATES, TEMPLATE_KINDS } from '../../../electron/contract/procedures/letters';
import type { RegisterFilter } from './api';

const STATES = [...DISPATCH_STATES, 'voided'] as const;

export function readRegisterFilter(params: URLSearchParams): RegisterFilter {
  const year = Number(params.get('year'));
  const kind = params.get('kind') ?? '';
  const state = params.get('state') ?? '';
  const batch = Number(params.get('batch'));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2200 ? year : null,
    kind: TEMPLATE_KINDS.find((k) => k === kind) ?? null,
    state: STATES.find((s) => s === state) ?? null,
    batchId: Number.isInteger(batch) && batch > 0 ? batch : null,
    query: (params.get('q') ?? '').slice(0, 100),
  };
}

export function writeRegisterFilter(filter: RegisterFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.year !== null) p.set('year', String(filter.year));
  if (filter.kind !== null) p.set('kind', filter.kind);
  if (filter.state !== null) p.set('state', filter.state);
  if (filter.batchId !== null) p.set('batch', String(filter.batchId));
  if (filter.query.trim() !== '') p.set('q', filter.query.trim());
  return p;
}

export { STATES as REGISTER_STATES };
