// The debtor/guarantor form's values: empty, or from a PartyDetail for editing.
import type { PartyDetail, PartyInput } from '../../../electron/contract/procedures/parties';

export const EMPTY_PARTY: PartyInput = {
  kind: 'person',
  name: '',
  nameEn: '',
  nationalId: '',
  crNumber: '',
  vatNumber: '',
  phones: [],
  emails: [],
  address: { buildingNo: '', street: '', district: '', city: '', postalCode: '', additionalNo: '' },
  employer: '',
  notes: '',
};

export function partyToInput(p: PartyDetail): PartyInput {
  return {
    kind: p.kind,
    name: p.name,
    nameEn: p.nameEn,
    nationalId: p.nationalId,
    crNumber: p.crNumber,
    vatNumber: p.vatNumber,
    phones: p.phones,
    emails: p.emails,
    address: p.address,
    employer: p.employer,
    notes: p.notes,
  };
}

export const PARTY_FIELDS = [
  'kind', 'name', 'nameEn', 'nationalId', 'crNumber', 'vatNumber', 'phones', 'emails', 'employer', 'notes',
  'address.buildingNo', 'address.street', 'address.district', 'address.city', 'address.postalCode', 'address.additionalNo',
] as const;
