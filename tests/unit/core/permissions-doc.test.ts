// docs/PERMISSIONS.md and the matrix in code say the same thing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSION_MATRIX, PERMISSIONS, procedures, ROLES } from '../../../electron/contract';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/PERMISSIONS.md'), 'utf8');
const rows = doc
  .split('\n')
  .filter((l) => /^\| [a-z]+\.[a-z]+ \|/.test(l))
  .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));

describe('docs/PERMISSIONS.md', () => {
  it('lists every permission once, with the roles the code grants', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual([...PERMISSIONS].sort());
    for (const row of rows) {
      const permission = row[0] as (typeof PERMISSIONS)[number];
      ROLES.forEach((role, i) => {
        expect(row[i + 1] === '✓', `${permission} for ${role}`).toBe(PERMISSION_MATRIX[role].includes(permission));
      });
    }
  });

  it('names, for each permission, exactly the procedures that require it', () => {
    for (const row of rows) {
      const listed = (row[6] ?? '').split(',').map((s) => s.trim()).filter(Boolean).sort();
      const actual = Object.entries(procedures).filter(([, d]) => d.access === row[0]).map(([n]) => n).sort();
      expect(listed, row[0]).toEqual(actual);
    }
  });
});
