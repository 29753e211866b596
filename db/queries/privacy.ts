// Everything the office holds about one debtor or guarantor, for a personal-data request (PDPL): the party, their
// cases, the communication log, payments, promises, letters and documents of those cases.
import type { Sqlite } from '../open';

export interface PrivacyParty {
  id: number;
  kind: string;
  name: string;
  nameEn: string;
  nationalId: string;
  crNumber: string;
  vatNumber: string;
  phones: string;
  emails: string;
  address: string;
  city: string;
  employer: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface PrivacyData {
  party: PrivacyParty;
  cases: { id: number; reference: string; role: string; client: string; status: string; stage: string; currency: string; claimMinor: number; paidMinor: number; openedOn: string }[];
  log: { caseReference: string; occurredAt: string; channel: string; direction: string; outcome: string; notes: string; contactName: string }[];
  payments: { caseReference: string; onDate: string; amountMinor: number; currency: string; method: string; receiptNumber: string | null }[];
  promises: { caseReference: string; dueOn: string; amountMinor: number; currency: string; state: string }[];
  letters: { caseReference: string; number: string; kind: string; letterDate: string; dispatchState: string }[];
  documents: { id: number; caseReference: string | null; type: string; fileName: string; size: number; sha256: string; createdAt: string }[];
}

export function partyExists(sqlite: Sqlite, partyId: number): boolean {
  return sqlite.prepare('SELECT 1 FROM parties WHERE id = ?').get(partyId) !== undefined;
}

export function privacyData(sqlite: Sqlite, partyId: number): PrivacyData | null {
  const party = sqlite
    .prepare(
      `SELECT id, kind, name, name_en AS nameEn, national_id AS nationalId, cr_number AS crNumber, vat_number AS vatNumber, phones, emails,
              address, city, employer, notes, created_at AS createdAt, updated_at AS updatedAt
       FROM parties WHERE id = ?`,
    )
    .get(partyId) as PrivacyParty | undefined;
  if (!party) return null;
  const cases = sqlite
    .prepare(
      `SELECT c.id, c.reference, cp.role, COALESCE(cl.name_ar, '') AS client, c.status, c.stage, c.currency, c.claim_minor AS claimMinor,
              c.paid_minor AS paidMinor, c.opened_on AS openedOn
       FROM case_parties cp JOIN cases c ON c.id = cp.case_id LEFT JOIN clients cl ON cl.id = c.client_id
       WHERE cp.party_id = ? ORDER BY c.opened_on, c.id`,
    )
    .all(partyId) as PrivacyData['cases'];
  const caseIds = `SELECT case_id FROM case_parties WHERE party_id = @p`;
  const log = sqlite
    .prepare(
      `SELECT c.reference AS caseReference, m.occurred_at AS occurredAt, m.channel, m.direction, m.outcome, m.notes, m.contact_name AS contactName
       FROM communications m JOIN cases c ON c.id = m.case_id
       WHERE m.party_id = @p OR (m.party_id IS NULL AND m.case_id IN (${caseIds})) ORDER BY m.occurred_at, m.id`,
    )
    .all({ p: partyId }) as PrivacyData['log'];
  const payments = sqlite
    .prepare(
      `SELECT c.reference AS caseReference, p.on_date AS onDate, p.amount_minor AS amountMinor, p.currency, p.method, p.receipt_number AS receiptNumber
       FROM payments p JOIN cases c ON c.id = p.case_id WHERE p.case_id IN (${caseIds}) ORDER BY p.on_date, p.id`,
    )
    .all({ p: partyId }) as PrivacyData['payments'];
  const promises = sqlite
    .prepare(
      `SELECT c.reference AS caseReference, r.due_on AS dueOn, r.amount_minor AS amountMinor, r.currency, r.state
       FROM promises r JOIN cases c ON c.id = r.case_id WHERE r.case_id IN (${caseIds}) ORDER BY r.due_on, r.id`,
    )
    .all({ p: partyId }) as PrivacyData['promises'];
  const letters = sqlite
    .prepare(
      `SELECT c.reference AS caseReference, l.number, l.kind, l.letter_date AS letterDate, l.dispatch_state AS dispatchState
       FROM letters l JOIN cases c ON c.id = l.case_id
       WHERE l.party_id = @p OR (l.party_id IS NULL AND l.case_id IN (${caseIds})) ORDER BY l.letter_date, l.id`,
    )
    .all({ p: partyId }) as PrivacyData['letters'];
  const documents = sqlite
    .prepare(
      `SELECT d.id, c.reference AS caseReference, d.type, d.file_name AS fileName, d.size, d.sha256, d.created_at AS createdAt
       FROM documents d LEFT JOIN cases c ON c.id = d.case_id
       WHERE d.removed_at IS NULL AND (d.party_id = @p OR d.case_id IN (${caseIds})) ORDER BY d.created_at, d.id`,
    )
    .all({ p: partyId }) as PrivacyData['documents'];
  return { party, cases, log, payments, promises, letters, documents };
}

export function blobBytes(sqlite: Sqlite, sha256: string): Buffer | null {
  const row = sqlite.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  return row?.bytes ?? null;
}
