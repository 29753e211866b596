// `tsx bench/quick.ts --data DIR [--password PW] [--only a,b]`: some of the bench's figures on an office already seeded,
// without the long parts (seeding, backup, export, import, the letters batch) — for re-measuring after a change.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../electron/core/app';
import { todayIso } from '../electron/domain/dates';
import { call } from './factory/office';
import { caseMetrics } from './cases';
import { dashboardMetrics } from './dashboard';
import { paymentMetrics } from './payments';
import { reportMetrics } from './reports';
import { largestClient, ledgerMetrics } from './ledger';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dir = arg('--data');
  if (!dir) throw new Error('--data DIR is required');
  const password = arg('--password') ?? 'Bench-Password-2026';
  const only = new Set((arg('--only') ?? 'cases,dashboard,reports,payments,ledger').split(','));
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const core = openCore({ dataDir: resolve(dir), migrationsDir: resolve(root, 'db/migrations'), idleSweepMs: 0 });
  const metrics: Record<string, number> = {};
  try {
    const { token } = await call<{ token: string }>(core, 'auth.login', { username: 'partner', password });
    const users = await call<{ id: string; role: string }[]>(core, 'users.list', {}, token);
    const lawyer = users.find((u) => u.role === 'lawyer')?.id ?? '';
    if (only.has('cases')) Object.assign(metrics, await caseMetrics(core, token, lawyer));
    if (only.has('dashboard')) Object.assign(metrics, await dashboardMetrics(core, token));
    if (only.has('reports')) Object.assign(metrics, await reportMetrics(core, token, todayIso()));
    if (only.has('payments')) Object.assign(metrics, await paymentMetrics(core, token, todayIso()));
    if (only.has('ledger')) Object.assign(metrics, await ledgerMetrics(core, token, await largestClient(core, token)));
  } finally {
    core.close();
  }
  console.log(JSON.stringify(metrics));
}

await main();
