// `tsx bench/privacy.ts --data DIR [--password PW] [--due 500]`: PDPL erasure on an office already seeded (a COPY: it
// erases people). Moves the closing day of every case of `--due` debtors whose cases are all closed eleven years back
// (the seed closes cases recently), then times who is due (first and second page with the total), the preview and
// the erasure of the candidate with the most letters, receipts and log entries. Prints one JSON line.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../electron/core/app';
import { openVault } from '../electron/core/vault';
import { CLOSED_STATUSES } from '../electron/domain/ladder-config';
import type { ErasureCandidate, ErasurePreview, ErasureResult } from '../electron/contract/procedures/privacy';
import { call } from './factory/office';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - t0)];
}

async function main(): Promise<void> {
  const dir = arg('--data');
  if (!dir) throw new Error('--data DIR is required (a copy of a seeded office: this erases people)');
  const password = arg('--password') ?? 'Bench-Password-2026';
  const due = Number(arg('--due') ?? 500);
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const migrationsDir = resolve(root, 'db/migrations');

  // Setup (not timed): the closing day of some fully closed debtors' cases, eleven years and some days back.
  const vault = openVault(resolve(dir), migrationsDir);
  await vault.unlock('partner', password);
  const { sqlite } = vault.current();
  const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
  const moved = sqlite
    .prepare(
      `UPDATE cases SET closed_on = date('2014-01-01', '+' || (id % 300) || ' days')
        WHERE id IN (SELECT cp.case_id FROM case_parties cp WHERE cp.party_id IN (
          SELECT cp2.party_id FROM case_parties cp2 JOIN cases c ON c.id = cp2.case_id JOIN parties p ON p.id = cp2.party_id
           WHERE p.erased_at IS NULL GROUP BY cp2.party_id HAVING sum(c.status NOT IN (${closed}) OR c.closed_on IS NULL) = 0 LIMIT ?))`,
    )
    .run(due).changes;
  // And one debtor with a letter in a batch (the bench's 1,000-letter batch): their cases are closed here, so the
  // erasure redacts their pages inside the batch's merged PDF.
  const batchParty = sqlite
    .prepare('SELECT l.party_id AS id FROM letters l WHERE l.batch_id IS NOT NULL AND l.party_id IS NOT NULL ORDER BY l.id DESC LIMIT 1')
    .get() as { id: number } | undefined;
  if (batchParty) {
    sqlite
      .prepare(`UPDATE cases SET status = 'closed_uncollectable', updated_at = '2014-05-01T09:00:00.000Z' WHERE id IN (SELECT case_id FROM case_parties WHERE party_id = ?) AND status NOT IN (${closed})`)
      .run(batchParty.id);
    sqlite.prepare("UPDATE cases SET closed_on = '2014-05-01' WHERE id IN (SELECT case_id FROM case_parties WHERE party_id = ?)").run(batchParty.id);
  }
  const counts = sqlite
    .prepare("SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM cases WHERE closed_on IS NOT NULL) AS closed")
    .get() as { cases: number; audit: number; closed: number };
  vault.close();

  const core = openCore({ dataDir: resolve(dir), migrationsDir, idleSweepMs: 0 });
  const metrics: Record<string, number> = { office_cases: counts.cases, closed_cases: counts.closed, audit_entries: counts.audit, due_cases_moved: moved };
  try {
    const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password });
    const [first, dueMs] = await timed(() => call<{ rows: ErasureCandidate[]; nextCursor: string | null; total: number }>(core, 'privacy.due', { limit: 50 }, token));
    metrics.privacy_due_ms = dueMs;
    metrics.privacy_due_total = first.total;
    if (first.nextCursor) metrics.privacy_due_page2_ms = (await timed(() => call(core, 'privacy.due', { limit: 50, cursor: first.nextCursor }, token)))[1];
    // The candidate with the most to erase among the first page.
    let best: ErasurePreview | null = null;
    let previewMs = 0;
    for (const c of first.rows.slice(0, 20)) {
      const [p, ms] = await timed(() => call<ErasurePreview>(core, 'privacy.erasePreview', { partyId: c.partyId }, token));
      previewMs = Math.max(previewMs, ms);
      if (!best || p.letters + p.receipts + p.communications > best.letters + best.receipts + best.communications) best = p;
    }
    metrics.erase_preview_max_ms = previewMs;
    if (best) {
      const [r, eraseMs] = await timed(() => call<ErasureResult>(core, 'privacy.erase', { partyId: best.partyId, version: best.version }, token));
      metrics.erase_ms = eraseMs;
      Object.assign(metrics, { erased_cases: r.cases, erased_letters: r.letters, erased_receipts: r.receipts, erased_communications: r.communications, erased_audit_entries: r.auditEntries });
    }
    if (batchParty) {
      const p = await call<ErasurePreview>(core, 'privacy.erasePreview', { partyId: batchParty.id }, token);
      const [r, ms] = await timed(() => call<ErasureResult>(core, 'privacy.erase', { partyId: p.partyId, version: p.version }, token));
      Object.assign(metrics, { erase_batch_letter_ms: ms, erase_batch_letters: r.letters, erase_batch_letters_in_batch: p.batchLetters, erase_batch_receipts: r.receipts });
    }
    {
      const [v, verifyMs] = await timed(() => call<{ ok: boolean }>(core, 'audit.verify', {}, token));
      metrics.audit_verify_ok = v.ok ? 1 : 0;
      metrics.audit_verify_ms = verifyMs;
    }
  } finally {
    core.close();
  }
  console.log(JSON.stringify(metrics));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
