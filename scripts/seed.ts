// `npm run seed -- --data DIR --password PW [--cases N] [--seed S]`: a ready office for demos, tests and benchmarks.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { passwordProblems } from '../electron/domain/password';
import { openCore } from '../electron/core/app';
import { seedOffice } from '../bench/factory/office';
import { seedCases } from '../bench/factory/cases';
import { seedActivity } from '../bench/factory/activity';
import { seedMoney } from '../bench/factory/money';
import { openVault } from '../electron/core/vault';
import { todayIso } from '../electron/domain/dates';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const data = arg('--data');
  const password = arg('--password');
  const seed = Number(arg('--seed') ?? '1');
  const caseCount = Number(arg('--cases') ?? '0');
  if (!Number.isInteger(caseCount) || caseCount < 0 || caseCount > 1_000_000) {
    console.error('--cases must be a whole number from 0 to 1,000,000');
    process.exit(2);
  }
  if (!data || !password) {
    console.error('Usage: npm run seed -- --data DIR --password PW [--cases N] [--seed S]');
    process.exit(2);
  }
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    console.error(`The password is too weak (${problems.join(', ')}): at least 10 characters, two kinds of character.`);
    process.exit(2);
  }
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const migrationsDir = resolve(root, 'db/migrations');
  const core = openCore({ dataDir: resolve(data), migrationsDir, idleSweepMs: 0 });
  try {
    const office = await seedOffice(core, { password, seed });
    core.close();
    if (caseCount > 0) {
      const started = Date.now();
      const vault = openVault(resolve(data), migrationsDir);
      const partnerId = await vault.unlock('partner', password);
      if (!partnerId) throw new Error('could not reopen the office just seeded');
      const open = vault.current();
      const ids = (role: string): string[] =>
        (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
      const counts = seedCases(open, {
        cases: caseCount,
        seed,
        today: todayIso(),
        lawyerIds: [...ids('lawyer'), ...ids('partner')],
        paralegalIds: ids('paralegal'),
        progress: (done) => process.stdout.write(`\r  cases: ${done.toLocaleString('en')} / ${caseCount.toLocaleString('en')}`),
      });
      console.log(`\n  ${counts.clients} clients, ${counts.parties} debtors, ${counts.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const activityStarted = Date.now();
      const work = seedActivity(open, {
        seed,
        today: todayIso(),
        progress: (done, total) => process.stdout.write(`\r  daily work: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases`),
      });
      console.log(
        `\n  ${work.communications} log entries, ${work.tasks} tasks, ${work.hearings} hearings, ${work.promises} promises, ${work.flags} disputes/holds in ${((Date.now() - activityStarted) / 1000).toFixed(1)} s`,
      );
      const moneyStarted = Date.now();
      const money = seedMoney(open, { seed, today: todayIso(), progress: (step) => process.stdout.write(`\r  money: ${step}          `) });
      vault.close();
      console.log(
        `\n  ${money.payments} payments (${money.reversals} reversed), ${money.settlements} settlements, ${money.plans} plans (${money.instalments} instalments), ${money.remittances} remittances (${money.remittanceItems} items) in ${((Date.now() - moneyStarted) / 1000).toFixed(1)} s`,
      );
    }
    console.log(`Seeded office in ${resolve(data)}`);
    for (const u of office.users) console.log(`  ${u.role.padEnd(11)} ${u.username.padEnd(11)} ${u.displayName}`);
    console.log(`Password for every user: ${password}`);
    console.log(`Recovery code: ${office.recoveryCode}`);
  } catch (e) {
    console.error(`Seeding failed: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    core.close();
  }
}

void main();
