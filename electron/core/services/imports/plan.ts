// The dry run: every row of a placement file read through the mapping into a debtor and a case, or the reasons it fails;
// debtors matched by ID, cases by the client's reference. The commit runs the same plan, so what it shows is what happens.
import type { z } from 'zod';
import { caseInput } from '../../../contract/procedures/cases';
import { partyInput } from '../../../contract/procedures/parties';
import type { ImportDryRun, ImportProblem, ImportProblemCode } from '../../../contract/procedures/imports';
import { MAX_LISTED_PROBLEMS } from '../../../contract/procedures/imports';
import { addYears } from '../../../domain/dates';
import {
  cellText,
  IMPORT_FIELDS,
  parseImportAmount,
  parseImportCurrency,
  parseImportDate,
  parseImportInstrument,
  REQUIRED_FIELDS,
  type ImportField,
  type ImportMapping,
  type RawCell,
} from '../../../domain/import-values';
import { validateCommercialRegistration, validateNationalId } from '../../../domain/validators';
import { parsePhone } from '../../../domain/phone';
import { CoreError } from '../../errors';
import type { Sqlite } from '../../../../db/open';
import { cached } from '../../../../db/queries/statements';
import type { ImportTable } from '../../imports/read';

export type PartyValues = z.output<typeof partyInput>;
export type CaseValues = z.output<typeof caseInput>;

export interface PlannedRow {
  line: number;
  party: PartyValues;
  /** nationalId or CR: rows with the same one share one debtor. '' = a debtor of its own. */
  identifier: string;
  existingPartyId: number | null;
  caseValues: Omit<CaseValues, 'debtorIds'>;
  matchedCaseId: number | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  problems: ImportProblem[];
  problemLines: Set<number>;
  summary: ImportDryRun;
}

/** A due date this far ahead is a typing mistake (the cases service refuses it too). */
const MAX_YEARS_AHEAD = 5;

/** Each field's column indexes; refused when a required field has none or a header is not in the file. */
export function resolveMapping(headers: readonly string[], mapping: ImportMapping): Partial<Record<ImportField, number[]>> {
  const unknown: string[] = [];
  const out: Partial<Record<ImportField, number[]>> = {};
  for (const f of IMPORT_FIELDS) {
    const list = mapping.columns[f] ?? [];
    const idx = list.map((h) => headers.indexOf(h));
    list.forEach((h, i) => {
      if (idx[i] === -1) unknown.push(h);
    });
    if (idx.length > 0) out[f] = idx.filter((i) => i >= 0);
  }
  if (unknown.length > 0) throw new CoreError('imports.mapping_unknown_column', 'The mapping names columns the file does not have', { columns: unknown });
  const missing = REQUIRED_FIELDS.filter((f) => (out[f] ?? []).length === 0);
  if (missing.length > 0) throw new CoreError('imports.mapping_incomplete', 'Some required fields have no column', { fields: missing });
  return out;
}

function partyIdByIdentifier(sqlite: Sqlite, nationalId: string, crNumber: string): number | null {
  const r = nationalId
    ? cached(sqlite, `SELECT id FROM parties WHERE national_id = ? AND national_id <> ''`).get(nationalId)
    : cached(sqlite, `SELECT id FROM parties WHERE cr_number = ? AND cr_number <> ''`).get(crNumber);
  return (r as { id: number } | undefined)?.id ?? null;
}

export function caseIdByClientReference(sqlite: Sqlite, clientId: number, reference: string): number | null {
  const r = cached(sqlite, 'SELECT id FROM cases WHERE client_id = ? AND client_reference = ? LIMIT 1').get(clientId, reference) as { id: number } | undefined;
  return r?.id ?? null;
}

export function findExistingParty(sqlite: Sqlite, party: PartyValues): number | null {
  return party.nationalId || party.crNumber ? partyIdByIdentifier(sqlite, party.nationalId, party.crNumber) : null;
}

function zodCode(message: string): ImportProblemCode {
  if (message.startsWith('validation.national_id_checksum')) return 'id_checksum';
  if (message.startsWith('validation.national_id') || message === 'validation.cr') return 'id_invalid';
  if (message.startsWith('validation.phone')) return 'phone_invalid';
  if (message === 'validation.too_long') return 'too_long';
  if (message === 'validation.required') return 'required';
  return 'invalid';
}

const PARTY_PATH_FIELD: Record<string, ImportField> = { name: 'debtorName', nationalId: 'nationalId', crNumber: 'nationalId', phones: 'phones', address: 'address' };
const CASE_PATH_FIELD: Record<string, ImportField> = {
  clientReference: 'clientReference',
  instrumentNumber: 'instrumentNumber',
  dueDate: 'dueDate',
  principalMinor: 'amount',
  notes: 'notes',
  currency: 'currency',
  instrumentType: 'instrumentType',
};

/**
 * Read every row. Lookups use the open database (read only); `tick` is called per row (progress).
 * The problems list keeps every failing row's every problem (the caller trims what it shows).
 */
export function planImport(
  sqlite: Sqlite,
  table: ImportTable,
  mapping: ImportMapping,
  opts: { clientId: number; today: string; tick?: (done: number) => void },
): ImportPlan {
  const cols = resolveMapping(table.headers, mapping);
  const header = (i: number | undefined): string => (i === undefined ? '' : (table.headers[i] ?? ''));
  const firstCol = (f: ImportField): string => header(cols[f]?.[0]);
  const limit = addYears(opts.today, MAX_YEARS_AHEAD);
  const rows: PlannedRow[] = [];
  const problems: ImportProblem[] = [];
  const problemLines = new Set<number>();
  const seenRows = new Map<string, number>();
  const seenRefs = new Map<string, number>();
  const partiesSeen = new Map<string, boolean>(); // identifier → matched an existing debtor
  let debtorsCreate = 0;
  let debtorsMatched = 0;
  let casesMatched = 0;

  for (let r = 0; r < table.rows.length; r++) {
    opts.tick?.(r);
    const { line, cells } = table.rows[r] as { line: number; cells: RawCell[] };
    const before = problems.length;
    const fail = (field: ImportField | null, code: ImportProblemCode, detail = '', column?: string): void => {
      problems.push({ line, column: column ?? (field ? firstCol(field) : ''), code, detail });
    };
    const texts = (f: ImportField): { text: string; col: number }[] =>
      (cols[f] ?? []).map((col) => ({ text: cellText(cells[col] ?? null), col })).filter((x) => x.text !== '');
    const one = (f: ImportField): RawCell => {
      for (const col of cols[f] ?? []) {
        const c = cells[col] ?? null;
        if (cellText(c) !== '') return c;
      }
      return null;
    };
    const joined = (f: ImportField, sep: string): string => texts(f).map((x) => x.text).join(sep).replace(/\s+/g, ' ').trim();

    const name = joined('debtorName', ' ');
    if (name === '') fail('debtorName', 'required');

    // The ID decides the kind: 1/2 a person's national ID or iqama (check digit), 7 or a CR's 10 digits a company.
    const idText = cellText(one('nationalId'));
    let nationalId = '';
    let crNumber = '';
    if (idText !== '') {
      const digits = idText.replace(/[\s-]/g, '');
      const asId = validateNationalId(digits);
      if (asId.ok) nationalId = asId.value;
      else if (asId.reason === 'checksum') fail('nationalId', 'id_checksum');
      else {
        const asCr = validateCommercialRegistration(digits);
        if (asCr.ok) crNumber = asCr.value;
        else fail('nationalId', 'id_invalid');
      }
    }

    const phones: string[] = [];
    for (const { text, col } of texts('phones')) {
      for (const part of text.split(/[/,;|\n]+/).map((s) => s.trim()).filter(Boolean)) {
        const p = parsePhone(part);
        if (p.ok) {
          if (!phones.includes(p.value)) phones.push(p.value);
        } else fail('phones', 'phone_invalid', part, header(col));
      }
    }

    const currency = parseImportCurrency(one('currency'), mapping.defaultCurrency);
    if (!currency.ok) fail('currency', currency.reason);
    const code = currency.ok ? currency.value : mapping.defaultCurrency;
    const amountCell = one('amount');
    let principalMinor = 0;
    if (cellText(amountCell) === '') fail('amount', 'required');
    else {
      const a = parseImportAmount(amountCell, code);
      if (a.ok) principalMinor = a.value;
      else fail('amount', a.reason);
    }

    let dueDate: string | null = null;
    const dueCell = one('dueDate');
    if (cellText(dueCell) !== '') {
      const d = parseImportDate(dueCell, mapping.dateOrder);
      if (!d.ok) fail('dueDate', d.reason);
      else if (d.value > limit) fail('dueDate', 'date_far_future', d.value);
      else dueDate = d.value;
    }
    const instrument = parseImportInstrument(one('instrumentType'), mapping.defaultInstrument);
    if (!instrument.ok) fail('instrumentType', instrument.reason);

    const clientReference = joined('clientReference', ' ');
    const address = texts('address').map((x) => x.text).join('، ');
    const city = joined('city', ' ');
    const notes = texts('notes').map((x) => x.text).join('\n');
    const instrumentNumber = joined('instrumentNumber', ' ');

    let party: PartyValues | null = null;
    let caseValues: Omit<CaseValues, 'debtorIds'> | null = null;
    if (problems.length === before) {
      // The contract's own schemas have the last word (lengths, normal forms), exactly as a form would be checked.
      const p = partyInput.safeParse({
        kind: crNumber ? 'company' : 'person',
        name,
        nationalId,
        crNumber,
        phones,
        address: { street: address.slice(0, 1000), city },
      });
      if (!p.success) for (const i of p.error.issues) fail(PARTY_PATH_FIELD[String(i.path[0])] ?? null, zodCode(i.message));
      else party = p.data;
      const k = caseInput.safeParse({
        clientId: opts.clientId,
        clientReference,
        debtorIds: [1],
        instrumentType: instrument.ok ? instrument.value : mapping.defaultInstrument,
        instrumentNumber,
        dueDate,
        currency: code,
        principalMinor,
        notes,
      });
      if (!k.success) for (const i of k.error.issues) fail(CASE_PATH_FIELD[String(i.path[0])] ?? null, zodCode(i.message));
      else {
        const { debtorIds: _unused, ...rest } = k.data;
        caseValues = rest;
      }
    }

    // Duplicates inside the file: the same row again, or the same client reference with other values.
    if (problems.length === before && party && caseValues) {
      const key = JSON.stringify([name, nationalId, crNumber, phones, principalMinor, code, clientReference, dueDate, caseValues.instrumentType, instrumentNumber]);
      const same = seenRows.get(key);
      if (same !== undefined) fail(null, 'duplicate_row', String(same));
      else {
        seenRows.set(key, line);
        if (clientReference !== '') {
          const refLine = seenRefs.get(clientReference);
          if (refLine !== undefined) fail('clientReference', 'duplicate_reference', String(refLine));
          else seenRefs.set(clientReference, line);
        }
      }
    }

    if (problems.length > before || !party || !caseValues) {
      problemLines.add(line);
      continue;
    }
    const matchedCaseId = clientReference !== '' ? caseIdByClientReference(sqlite, opts.clientId, clientReference) : null;
    let existingPartyId: number | null = null;
    const identifier = party.nationalId || party.crNumber;
    if (matchedCaseId !== null) casesMatched++;
    else {
      existingPartyId = findExistingParty(sqlite, party);
      if (identifier === '') debtorsCreate++;
      else if (!partiesSeen.has(identifier)) {
        partiesSeen.set(identifier, existingPartyId !== null);
        if (existingPartyId !== null) debtorsMatched++;
        else debtorsCreate++;
      }
    }
    rows.push({ line, party, identifier, existingPartyId, caseValues, matchedCaseId });
  }
  opts.tick?.(table.rows.length);
  return {
    rows,
    problems,
    problemLines,
    summary: {
      rows: table.rows.length,
      valid: rows.length,
      problemRows: problemLines.size,
      cases: { create: rows.length - casesMatched, matched: casesMatched },
      debtors: { create: debtorsCreate, matched: debtorsMatched },
      problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    },
  };
}
