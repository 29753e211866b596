// The client form's values: empty, or from a ClientDetail for editing; fee percent text ⇄ basis points.
import type { ClientDetail, ClientInput } from '../../../electron/contract/procedures/parties';
import { DEFAULT_ALLOCATION_ORDER } from '../../../electron/domain/allocation';
import { parseAmount } from '../../../electron/domain/money';

export const EMPTY_CLIENT: ClientInput = {
  kind: 'company',
  nameAr: '',
  nameEn: '',
  crNumber: '',
  vatNumber: '',
  nationalId: '',
  phone: '',
  email: '',
  address: '',
  iban: '',
  bankName: '',
  contacts: [],
  fee: { percentBp: null, fixedPerStage: {} },
  powersOfAttorney: [],
  rulePack: 'none',
  allocationOrder: [...DEFAULT_ALLOCATION_ORDER],
  lateChargesAllowed: false,
  notes: '',
};

export function clientToInput(c: ClientDetail): ClientInput {
  return {
    kind: c.kind,
    nameAr: c.nameAr,
    nameEn: c.nameEn,
    crNumber: c.crNumber,
    vatNumber: c.vatNumber,
    nationalId: c.nationalId,
    phone: c.phone,
    email: c.email,
    address: c.address,
    iban: c.iban,
    bankName: c.bankName,
    contacts: c.contacts,
    fee: c.fee,
    powersOfAttorney: c.powersOfAttorney.map((p) => ({ ...p, expiresOn: p.expiresOn ?? '' })),
    rulePack: c.rulePack,
    // Carried through an edit: without them, saving the form would put the default order back.
    allocationOrder: c.allocationOrder,
    lateChargesAllowed: c.lateChargesAllowed,
    notes: c.notes,
  };
}

/** "12.5" (percent) → 1250 basis points; NaN when it is not a percentage with at most two decimals. */
export function percentToBp(text: string): number | null {
  if (text.trim() === '') return null;
  const r = parseAmount(text.replace('%', ''), 'SAR');
  return r.ok ? r.value : Number.NaN;
}

export function bpToPercent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined || Number.isNaN(bp)) return '';
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '');
}

export const CLIENT_FIELDS = [
  'kind', 'nameAr', 'nameEn', 'crNumber', 'vatNumber', 'nationalId', 'phone', 'email', 'address', 'iban', 'bankName',
  'rulePack', 'notes', 'fee.percentBp', 'allocationOrder', 'lateChargesAllowed',
] as const;
