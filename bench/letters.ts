// Letters metrics: a 1,000-letter batch and a preview (in a child process, for an honest peak RSS), and the
// same letter printed by Chromium from HTML in this run, as the peer to compare with.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMsPerLetter } from './letters-chromium';
import { round } from './stats';

const root = resolve(fileURLToPath(import.meta.url), '../..');

export async function letterMetrics(dir: string, password: string): Promise<Record<string, number>> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'bench/letters-batch.ts'), '--data', dir, '--password', password, '--count', '1000'], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`letters batch failed: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  const ours = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, number>;
  const chromium = await chromiumMsPerLetter(30);
  const perLetter = ours['letters_ms_per_letter'] ?? NaN;
  delete ours['letters_ms_per_letter'];
  return {
    ...ours,
    chromium_pdf_ms_per_letter: round(chromium, 1),
    letters_vs_chromium_ratio: round(perLetter / chromium, 3),
  };
}
