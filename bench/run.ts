// `npm run bench -- [--scale small|office] [--data DIR --password PW] [--only a,b] [--json]`: the speed targets, measured.
// Prints one JSON object (metric → number) as its last line. Seeds a temporary office unless --data is given.
// --only keeps some parts (after seeding): cases, dashboard, reports, payments, ledger, exports, encryption, statement,
// backup, xlsx, import, letters.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../electron/core/app';
import { DB_FILE, KEYRING_FILE, openVault } from '../electron/core/vault';
import { readKeyring, unwrapKey } from '../db/keyring';
import { todayIso } from '../electron/domain/dates';
import { call, seedOffice } from './factory/office';
import { seedCases } from './factory/cases';
import { seedActivity } from './factory/activity';
import { seedMoney } from './factory/money';
import { caseMetrics } from './cases';
import { dashboardMetrics } from './dashboard';
import { reportExportMetrics } from './report-exports';
import { paymentMetrics } from './payments';
import { largestClient, ledgerMetrics, statementPdfMetric } from './ledger';
import { reportMetrics } from './reports';
import { encryptionRatio } from './encryption';
import { letterMetrics } from './letters';
import { backupMetrics } from './backup';
import { exportMetrics, importMetrics } from './import';
import { round } from './stats';

const SCALES = { small: 2_000, office: 100_000 } as const;
const root = resolve(fileURLToPath(import.meta.url), '../..');
const migrationsDir = resolve(root, 'db/migrations');

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Seconds to seed the cases (issue 3's `seed_s`), their daily work (`seed_activity_s`) and their money (`seed_money_s`). */
async function prepareOffice(dir: string, password: string, cases: number): Promise<{ cases: number; activity: number; money: number }> {
  const core = openCore({ dataDir: dir, migrationsDir, idleSweepMs: 0 });
  await seedOffice(core, { password, seed: 1 });
  core.close();
  const vault = openVault(dir, migrationsDir);
  await vault.unlock('partner', password);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  const started = Date.now();
  seedCases(open, { cases, seed: 1, today: todayIso(), lawyerIds: [...ids('lawyer'), ...ids('partner')], paralegalIds: ids('paralegal') });
  const casesDone = Date.now();
  seedActivity(open, { seed: 1, today: todayIso() });
  const activityDone = Date.now();
  seedMoney(open, { seed: 1, today: todayIso() });
  vault.close();
  return { cases: (casesDone - started) / 1000, activity: (activityDone - casesDone) / 1000, money: (Date.now() - activityDone) / 1000 };
}

async function main(): Promise<void> {
  const scale = (arg('--scale') ?? 'office') as keyof typeof SCALES;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const given = arg('--data');
  const password = arg('--password') ?? 'Bench-Password-2026';
  const dir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'tahseel-bench-'));
  const only = arg('--only')?.split(',');
  const want = (part: string): boolean => !only || only.includes(part);
  const metrics: Record<string, number> = {};
  try {
    if (!given) {
      console.error(`Seeding ${SCALES[scale].toLocaleString('en')} cases in ${dir} …`);
      const seeded = await prepareOffice(dir, password, SCALES[scale]);
      metrics.seed_s = round(seeded.cases, 1);
      metrics.seed_activity_s = round(seeded.activity, 1);
      metrics.seed_money_s = round(seeded.money, 1);
    }
    const core = openCore({ dataDir: dir, migrationsDir, idleSweepMs: 0 });
    let ledgerClient = 0;
    try {
      const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password });
      const users = await call<{ id: string; role: string }[]>(core, 'users.list', {}, token);
      const lawyer = users.find((u) => u.role === 'lawyer')?.id ?? '';
      if (want('cases')) Object.assign(metrics, await caseMetrics(core, token, lawyer));
      if (want('dashboard')) Object.assign(metrics, await dashboardMetrics(core, token));
      // Before the payments below, so a reused --data office reports the same figures each run.
      if (want('reports')) Object.assign(metrics, await reportMetrics(core, token, todayIso()));
      // Adds a payment to 200 cases (a reused --data office keeps them).
      if (want('payments')) Object.assign(metrics, await paymentMetrics(core, token, todayIso()));
      // The largest client's statement figures (reads only).
      ledgerClient = await largestClient(core, token);
      if (want('ledger')) Object.assign(metrics, await ledgerMetrics(core, token, ledgerClient));
      // That client's full statement exported to PDF and Excel (adds an audit entry per export).
      if (want('exports')) Object.assign(metrics, await reportExportMetrics(core, token, ledgerClient, todayIso()));
    } finally {
      core.close();
    }
    if (want('encryption')) {
      const keyring = readKeyring(join(dir, KEYRING_FILE));
      const entry = keyring.entries.find((e) => e.kind === 'user');
      const key = entry ? await unwrapKey(entry, password) : null;
      if (!key) throw new Error('The password does not open this office');
      const enc = await encryptionRatio(join(dir, DB_FILE), key, todayIso());
      metrics.encrypted_vs_plain_ratio = enc.ratio;
    }
    // That client's statement PDF for its last year (renders only; nothing is written).
    if (want('statement')) Object.assign(metrics, await statementPdfMetric(dir, migrationsDir, password, ledgerClient, todayIso()));
    // A backup of the whole office, verified (its own process: the peak RSS is the backup's).
    if (want('backup')) Object.assign(metrics, backupMetrics(dir, password));
    // All cases to XLSX (its own process), then a placement file into a fresh office of its own: 50,000 rows at office
    // scale, 5,000 at small scale (the figure is scaled to 50,000 rows; import_rows says which).
    if (want('xlsx')) Object.assign(metrics, exportMetrics(dir, password));
    if (want('import')) Object.assign(metrics, await importMetrics(scale === 'small' ? 5_000 : 50_000));
    // Last: the batch adds 1,000 letters to the office (a reused --data office keeps them).
    if (want('letters')) Object.assign(metrics, await letterMetrics(dir, password));
  } finally {
    if (!given) rmSync(dir, { recursive: true, force: true });
  }
  if (!process.argv.includes('--json')) console.table(metrics);
  console.log(JSON.stringify(metrics));
}

main().catch((e: unknown) => {
  console.error(`Benchmark failed: ${(e as Error).message}`);
  process.exit(1);
});
