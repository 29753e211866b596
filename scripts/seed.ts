// `npm run seed -- --data DIR --password PW [--seed N]`: a ready office for demos and tests.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { passwordProblems } from '../electron/domain/password';
import { openCore } from '../electron/core/app';
import { seedOffice } from '../bench/factory/office';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const data = arg('--data');
  const password = arg('--password');
  const seed = Number(arg('--seed') ?? '1');
  if (!data || !password) {
    console.error('Usage: npm run seed -- --data DIR --password PW [--seed N]');
    process.exit(2);
  }
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    console.error(`The password is too weak (${problems.join(', ')}): at least 10 characters, two kinds of character.`);
    process.exit(2);
  }
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const core = openCore({ dataDir: resolve(data), migrationsDir: resolve(root, 'db/migrations'), idleSweepMs: 0 });
  try {
    const office = await seedOffice(core, { password, seed });
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
