// Batch printing: many letters in one PDF with fonts embedded once, or each letter as its own PDF.
import { createEngine } from './document';
import type { ContentBuilder } from './document';
import type { DocumentOptions } from './types';

/** Writes one letter's content; called once per letter. */
export type LetterContent = (doc: ContentBuilder) => void;

export interface LetterPages {
  /** 1-based first page of the letter in the merged PDF. */
  readonly firstPage: number;
  readonly pageCount: number;
}

export interface MergedLetters {
  readonly pdf: Uint8Array;
  readonly letters: readonly LetterPages[];
}

export interface BatchProgress {
  /** Called after each letter is laid out; a batch job reports progress from here. */
  onLetter?: (done: number, total: number) => void;
  /** The `total` onLetter reports when the letters come from an iterator (an array's length otherwise). */
  total?: number;
  /** Aborting stops between letters with the signal's reason (nothing is returned). */
  signal?: AbortSignal;
  /** Letters laid out between two yields to the event loop (so progress is sent and a cancel can arrive). */
  yieldEvery?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * One document for the whole batch: each letter starts on a new page and numbers its own pages
 * ("صفحة ١ من ٢" restarts per letter); fonts and the logo are embedded once for all letters.
 * `letters` may be an iterator that prepares each letter as it is asked for: the engine writes a letter's pages
 * before asking for the next, so a big batch never holds all its letters' text at once.
 */
export async function renderLetters(opts: DocumentOptions, letters: Iterable<LetterContent>, progress: BatchProgress = {}): Promise<MergedLetters> {
  const engine = await createEngine(opts);
  const every = progress.yieldEvery ?? 20;
  const total = progress.total ?? (Array.isArray(letters) ? letters.length : 0);
  let done = 0;
  for (const letter of letters) {
    progress.signal?.throwIfAborted();
    engine.startSection();
    letter(engine.builder);
    done++;
    progress.onLetter?.(done, total);
    if (progress.signal && done % every === 0) await yieldToEventLoop();
  }
  progress.signal?.throwIfAborted();
  const counts = engine.sectionPages();
  const ranges: LetterPages[] = [];
  let first = 1;
  for (let i = 0; i < done; i++) {
    const count = counts[i] ?? 0;
    ranges.push({ firstPage: first, pageCount: count });
    first += count;
  }
  return { pdf: await engine.save(), letters: ranges };
}

/**
 * Each letter as its own PDF (to store on its case exactly as printed). Rendered separately
 * rather than cut out of the merged file so each one carries only the glyphs it uses.
 */
export async function renderLettersSeparately(opts: DocumentOptions, letters: readonly LetterContent[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const letter of letters) {
    const engine = await createEngine(opts);
    engine.startSection();
    letter(engine.builder);
    out.push(await engine.save());
  }
  return out;
}
