// Batch-printing benchmark: N one-page demand letters into one PDF (fonts once), plus N separate PDFs.
// Run: npx tsx bench/pdf-letters.ts [count=1000] [--separate]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderLetters, renderLettersSeparately } from '../electron/core/pdf';
import { arabicOptions, demandData, demandLetter } from '../tests/fixtures/pdf/letters';

const count = Number(process.argv[2] ?? 1000);
const debtors = ['شركة الأفق للتجارة المحدودة', 'مؤسسة الريان للمقاولات', 'محمد بن سعد القحطاني', 'شركة الواحة للخدمات اللوجستية', 'عبدالرحمن بن فهد العتيبي'];
const letters = Array.from({ length: count }, (_, i) =>
  demandLetter({
    ...demandData,
    debtor: debtors[i % debtors.length] ?? demandData.debtor,
    reference: `TH-2026-${String(i + 1).padStart(6, '0')}`,
    outgoing: `OUT-2026-${String(i + 1).padStart(6, '0')}`,
    amount: `${(1000 + i * 37).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}`,
    cr: String(1010000000 + i * 7919),
  }),
);

const mb = (kb: number): string => (kb / 1024).toFixed(0);
const t0 = performance.now();
const merged = await renderLetters(arabicOptions, letters);
const t1 = performance.now();
const out = join(tmpdir(), 'tahseel-bench-letters.pdf');
writeFileSync(out, merged.pdf);
const pages = merged.letters.reduce((n, l) => n + l.pageCount, 0);
console.log(
  `merged: ${count} letters, ${pages} pages, ${((t1 - t0) / 1000).toFixed(2)} s, ${(merged.pdf.length / 1e6).toFixed(2)} MB, peak RSS ${mb(process.resourceUsage().maxRSS)} MB → ${out}`,
);
if (process.argv.includes('--separate')) {
  const t2 = performance.now();
  const separate = await renderLettersSeparately(arabicOptions, letters);
  const t3 = performance.now();
  const bytes = separate.reduce((n, b) => n + b.length, 0);
  console.log(`separate: ${separate.length} PDFs, ${((t3 - t2) / 1000).toFixed(2)} s, ${(bytes / 1e6).toFixed(2)} MB total, peak RSS ${mb(process.resourceUsage().maxRSS)} MB`);
}
