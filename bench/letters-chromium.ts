// The peer for the letters benchmark: the same formal demand (إنذار بالسداد) as HTML, printed to PDF by Chromium.
// Run: npx tsx bench/letters-chromium.ts [count=50]   (prints the mean ms per letter; keeps the last PDF in the temp folder)
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { LaunchOptions, Page } from '@playwright/test';
import { moduleRects, verificationMatrix, QUIET_ZONE } from '../electron/core/pdf/qr';
import { toArabicIndicDigits } from '../electron/domain/digits';
import { demandData, letterhead } from '../tests/fixtures/pdf/letters';
import type { DemandData } from '../tests/fixtures/pdf/letters';
import playwrightConfig from '../playwright.config';

const root = resolve(fileURLToPath(import.meta.url), '../..');
/** The page and its fonts are served from this made-up origin (Playwright routes it), so fonts load and cache like a web font would. */
const ORIGIN = 'http://letters.bench';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Left-to-right isolate, what the engine's `{ isolate: 'ltr' }` spans are. */
const ltr = (s: string): string => `<bdi dir="ltr">${esc(s)}</bdi>`;

/** The verification QR code as SVG, from the same matrix and merged rectangles the engine draws. */
function qrSvg(code: string): string {
  const matrix = verificationMatrix(code);
  const n = matrix.length + 2 * QUIET_ZONE;
  const rects = moduleRects(matrix)
    .map(([x, y, w, h]) => `<rect x="${x + QUIET_ZONE}" y="${y + QUIET_ZONE}" width="${w}" height="${h}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><g fill="#000">${rects}</g></svg>`;
}

const CSS = `
@font-face { font-family: Vazirmatn; font-weight: 400; src: url(${ORIGIN}/fonts/Vazirmatn-Regular.ttf) format('truetype'); }
@font-face { font-family: Vazirmatn; font-weight: 700; src: url(${ORIGIN}/fonts/Vazirmatn-Bold.ttf) format('truetype'); }
@page { size: A4; margin: 0; }
* { box-sizing: border-box; margin: 0; padding: 0; }
body { font-family: Vazirmatn, sans-serif; font-size: 11pt; line-height: 1.6; color: #000; }
.page { position: relative; width: 210mm; height: 297mm; padding: 85mm 20mm 26mm; overflow: hidden; }
.head { position: absolute; top: 12mm; inset-inline: 20mm; display: flex; justify-content: space-between; line-height: 1.35; }
.head .ar { width: 81mm; } .head .en { width: 81mm; direction: ltr; text-align: left; }
.head b { display: block; font-size: 14pt; white-space: nowrap; } .head .ar b { font-size: 13pt; } .head .en b { font-size: 12.5pt; } .head small { display: block; font-size: 8.5pt; }
.head-rule { position: absolute; top: 38mm; inset-inline: 20mm; border-top: 0.8pt solid #737373; }
.address { position: absolute; top: 49mm; right: 23mm; width: 79mm; font-size: 10.5pt; line-height: 1.45; }
.aside { position: absolute; top: 49mm; left: 20mm; width: 77mm; font-size: 10.5pt; line-height: 1.45; }
p { text-align: justify; margin-bottom: 2.5mm; }
p.start { text-align: start; margin-top: 2mm; } p.center { text-align: center; margin-top: 1mm; }
h2 { font-size: 13.5pt; text-align: center; line-height: 1.4; margin: 3mm 0 2mm; }
.sign { width: 90mm; margin-inline-start: auto; margin-top: 22mm; text-align: center; line-height: 1.5; }
.sign small { display: block; font-size: 10pt; }
.code { width: 42mm; margin-inline-start: auto; margin-top: 2mm; text-align: center; line-height: 1.3; }
.code svg { display: block; width: 22mm; height: 22mm; margin: 0 auto 0.35mm; }
.code b { display: block; font-size: 8.5pt; direction: ltr; } .code small { display: block; font-size: 7.5pt; color: #595959; }
.foot { position: absolute; bottom: 10mm; inset-inline: 20mm; text-align: center; line-height: 1.35; }
.foot .lines { font-size: 8pt; color: #4d4d4d; border-top: 0.5pt solid #999; padding-top: 0.7mm; } .foot .num { font-size: 8.5pt; }
`;

/** The demand letter of tests/fixtures/pdf/letters.ts `demandLetter(d)`, word for word, laid out like the engine's page. */
export function demandHtml(d: DemandData): string {
  const h = letterhead;
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>إنذار بالسداد</title><style>${CSS}</style></head><body><div class="page">
<div class="head"><div class="ar"><b>${esc(h.nameAr)}</b><small>ترخيص رقم ${esc(h.licence ?? '')} — سجل تجاري ${esc(h.cr ?? '')}</small><small>${esc(h.addressAr ?? '')}</small></div>
<div class="en"><b>${esc(h.nameEn)}</b><small>Licence No. ${esc(h.licence ?? '')} — CR ${esc(h.cr ?? '')}</small><small>${esc(h.addressEn ?? '')}</small></div></div>
<div class="head-rule"></div>
<div class="address"><div>المكرم/ <b>${esc(d.debtor)}</b> المحترم</div><div>سجل تجاري رقم: ${ltr(d.cr)}</div><div>${esc(d.address)}</div></div>
<div class="aside"><div>الرقم: ${ltr(d.outgoing)}</div><div>التاريخ: ${ltr(d.hijri)}هـ</div><div>الموافق: ${ltr(d.gregorian)}م</div><div>المرفقات: 2</div></div>
<p class="start">السلام عليكم ورحمة الله وبركاته،</p>
<h2>الموضوع: إنذار بالسداد — ملف رقم ${ltr(d.reference)}</h2>
<p>بصفتنا وكلاء عن ${esc(d.client)} بموجب الوكالة رقم ${ltr(d.poa)}، نحيطكم علماً بأن ذمتكم مشغولة لموكلنا بمبلغ وقدره ${ltr(d.amount)} ريال (${esc(d.words)})، وذلك بموجب عقد التوريد (ملف رقم 123) المؤرخ في ${ltr(d.issueDate)}، والمستحق السداد بتاريخ ${ltr(d.dueDate)}.</p>
<p>وحيث إن موكلنا قد تواصل معكم في أكثر من مناسبة لتسوية هذا المبلغ ودياً دون جدوى، فإننا ننذركم بضرورة سداد كامل المبلغ المذكور أعلاه خلال مدة أقصاها 15 يوماً من تاريخ استلامكم هذا الإنذار، وذلك بالإيداع في حساب موكلنا رقم (آيبان) ${ltr(d.iban)} لدى مصرف الراجحي، أو بالتواصل معنا للاتفاق على جدولة السداد.</p>
<p>وفي حال انقضاء المهلة المشار إليها دون سداد أو تسوية، فإننا سنضطر آسفين إلى اتخاذ الإجراءات النظامية اللازمة لحفظ حقوق موكلنا أمام الجهات القضائية المختصة، بما في ذلك المطالبة بكافة المصاريف والأتعاب المترتبة على ذلك، دون الرجوع إليكم مرة أخرى.</p>
<p>للاستفسار: ${ltr('+966 11 234 5678')} — ${ltr('info@aamal-law.sa')}، مع ذكر رقم الملف ${ltr(d.reference)}.</p>
<p class="center">وتقبلوا فائق الاحترام والتقدير،</p>
<div class="sign"><b>${esc(d.lawyer)}</b><small>المحامي والمستشار القانوني — ترخيص رقم 41/12345</small><small>مكتب الأعمال للمحاماة والاستشارات القانونية</small></div>
<div class="code">${qrSvg('V7K-92QX')}<b>V7K-92QX</b><small>رمز التحقق</small></div>
<div class="foot"><div class="lines">${esc(h.addressAr ?? '')} — ${ltr(h.phone ?? '')} — ${ltr(h.email ?? '')}</div><div class="num">${toArabicIndicDigits('صفحة 1 من 1')}</div></div>
</div></body></html>`;
}

/** The i-th letter of the batch, varied exactly as bench/pdf-letters.ts varies it. */
const DEBTORS = ['شركة الأفق للتجارة المحدودة', 'مؤسسة الريان للمقاولات', 'محمد بن سعد القحطاني', 'شركة الواحة للخدمات اللوجستية', 'عبدالرحمن بن فهد العتيبي'];
export function benchDemand(i: number): DemandData {
  return {
    ...demandData,
    debtor: DEBTORS[i % DEBTORS.length] ?? demandData.debtor,
    reference: `TH-2026-${String(i + 1).padStart(6, '0')}`,
    outgoing: `OUT-2026-${String(i + 1).padStart(6, '0')}`,
    amount: `${(1000 + i * 37).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}`,
    cr: String(1010000000 + i * 7919),
  };
}

/** Debian's Chromium with the e2e tests' launch options (TAHSEEL_CHROMIUM overrides the path there too). */
function launchOptions(): LaunchOptions {
  const fromConfig = playwrightConfig.use?.launchOptions ?? {};
  return { ...fromConfig, executablePath: fromConfig.executablePath ?? process.env.TAHSEEL_CHROMIUM ?? '/usr/bin/chromium', headless: true };
}

async function serveFonts(page: Page): Promise<void> {
  const fonts = new Map(['Vazirmatn-Regular.ttf', 'Vazirmatn-Bold.ttf'].map((f) => [f, readFileSync(join(root, 'resources/fonts', f))]));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const font = fonts.get(name);
    if (font) await route.fulfill({ body: font, contentType: 'font/ttf', headers: { 'cache-control': 'max-age=31536000' } });
    else await route.fulfill({ body: '<!doctype html><title>letters</title>', contentType: 'text/html' });
  });
  await page.goto(`${ORIGIN}/`);
}

async function printOne(page: Page, i: number): Promise<Buffer> {
  await page.setContent(demandHtml(benchDemand(i)), { waitUntil: 'load' });
  // Printing before the web fonts arrive would print fallback glyphs; a real pipeline waits for them too.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
}

/**
 * Mean milliseconds per letter for Chromium to print `count` demand letters to PDF, one page.pdf()
 * per letter (setContent with that letter's debtor and reference, fonts ready, print), after one
 * warm-up letter that also loads the fonts. `keep` receives the last PDF.
 */
export async function chromiumMsPerLetter(count: number, keep?: (pdf: Buffer) => void): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a whole number from 1');
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage();
    await serveFonts(page);
    await printOne(page, count);
    let last: Buffer | undefined;
    const started = performance.now();
    for (let i = 0; i < count; i++) last = await printOne(page, i);
    const ms = (performance.now() - started) / count;
    if (last && keep) keep(last);
    return ms;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 50);
  const out = join(tmpdir(), 'tahseel-bench-chromium-letter.pdf');
  const ms = await chromiumMsPerLetter(count, (pdf) => writeFileSync(out, pdf));
  console.log(`chromium: ${count} letters, ${ms.toFixed(1)} ms per letter (page.pdf, A4) → last one in ${out}`);
}
