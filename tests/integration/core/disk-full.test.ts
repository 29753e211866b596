// A full disk mid-write: the router answers storage.full, the transaction rolls back, nothing is half-written and
// the register gives no number away. The database is limited with max_page_count on the app's own connection
// (SQLite then fails exactly as on a full disk: SQLITE_FULL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core/vault';
import type { Router } from '../../../electron/core/api/router';
import { unwrap } from '../../../bench/factory/office';
import { makeNationalId } from '../../../electron/domain/validators';
import type { LetterRow } from '../../../electron/contract/procedures/letters';
import type { DocumentRow } from '../../../electron/contract/procedures/documents';
import { PASSWORD, errorCode, seededRouter, tempDir } from '../../fixtures/core';
import { rmSync } from 'node:fs';

const dir = tempDir();
let vault: Vault;
let route: Router;
let token: string;
let caseId: number;

beforeAll(async () => {
  ({ vault, route } = await seededRouter(dir, () => new Date('2026-11-22T09:00:00Z')));
  token = (unwrap(await route('auth.login', { username: 'partner', password: PASSWORD }, null)) as { token: string }).token;
  const call = async (name: string, input: unknown) => unwrap(await route(name, input, token)) as { id: number };
  const client = await call('clients.create', { kind: 'company', nameAr: 'شركة الاختبار', crNumber: '1010123456' });
  const party = await call('parties.create', {
    kind: 'person',
    name: 'سعد الحربي',
    nationalId: makeNationalId('1', '11223344'),
    address: { buildingNo: '1234', street: 'طريق الملك فهد', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNo: '5678' },
  });
  caseId = (await call('cases.create', { clientId: client.id, debtorIds: [party.id], instrumentType: 'invoice', principalMinor: 100000 })).id;
});
afterAll(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

function fillDisk(): void {
  const { sqlite } = vault.current();
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  sqlite.pragma(`max_page_count = ${pages}`);
}
function freeDisk(): void {
  vault.current().sqlite.pragma('max_page_count = 4294967294');
}

describe('a full disk', () => {
  it('refuses an upload with storage.full and stores nothing', async () => {
    fillDisk();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, 32), Buffer.from('\n%%EOF\n')]);
    const r = await route('documents.upload', { owner: { caseId }, fileName: 'big.pdf', contentBase64: big.toString('base64'), type: 'contract' }, token);
    expect(errorCode(r)).toBe('storage.full');
    freeDisk();
    expect(unwrap(await route('documents.list', { owner: { caseId } }, token)) as DocumentRow[]).toEqual([]);
  });

  it('refuses a letter with storage.full without using its number', async () => {
    fillDisk();
    expect(errorCode(await route('letters.generate', { caseId, kind: 'demand', lang: 'ar' }, token))).toBe('storage.full');
    freeDisk();
    const letter = unwrap(await route('letters.generate', { caseId, kind: 'demand', lang: 'ar' }, token)) as LetterRow;
    expect(letter.number).toBe('OUT-2026-000001');
    expect(vault.current().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
