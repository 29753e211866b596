// Finds and loads the bundled Vazirmatn faces (Arabic + Latin + digits in one TTF) once per process.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';

export type FaceName = 'regular' | 'bold';

export interface FontFace {
  readonly name: FaceName;
  readonly font: Font;
  readonly unitsPerEm: number;
  /** Ascent and descent in 1/1000 em, positive up. */
  readonly ascent: number;
  readonly descent: number;
}

export type FontFaces = Readonly<Record<FaceName, FontFace>>;

const FILES: Record<FaceName, string> = {
  regular: 'Vazirmatn-Regular.ttf',
  bold: 'Vazirmatn-Bold.ttf',
};

const loaded = new Map<string, FontFaces>();

/**
 * Where the fonts live. From source (tsx, vitest) we walk up from this module to the repo's
 * resources/fonts; a bundled Electron app passes `fontsDir` (e.g. under process.resourcesPath)
 * because after bundling this module's own location says nothing about where resources are.
 */
export function resolveFontsDir(fontsDir?: string): string {
  if (fontsDir) {
    // An explicit folder is configuration: a wrong one must fail loudly, not fall back.
    const dir = resolve(fontsDir);
    if (!existsSync(join(dir, FILES.regular)) || !existsSync(join(dir, FILES.bold))) {
      throw new Error(`PDF fonts not found in fontsDir ${dir} (need ${FILES.regular} and ${FILES.bold})`);
    }
    return dir;
  }
  const candidates: string[] = [];
  const envDir = process.env['TAHSEEL_FONTS_DIR'];
  if (envDir) candidates.push(resolve(envDir));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'resources', 'fonts'));
    dir = dirname(dir);
  }
  candidates.push(join(process.cwd(), 'resources', 'fonts'));
  for (const candidate of candidates) {
    if (existsSync(join(candidate, FILES.regular))) return candidate;
  }
  throw new Error(`PDF fonts not found; looked in: ${candidates.join(', ')}`);
}

function loadFace(name: FaceName, dir: string): FontFace {
  const bytes = readFileSync(join(dir, FILES[name]));
  const font = fontkit.create(new Uint8Array(bytes));
  const scale = 1000 / font.unitsPerEm;
  return {
    name,
    font,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
  };
}

/** Parsed faces are cached per directory: parsing is the slow part and fonts never change at run time. */
export function loadFontFaces(fontsDir?: string): FontFaces {
  const dir = resolveFontsDir(fontsDir);
  const cached = loaded.get(dir);
  if (cached) return cached;
  const faces: FontFaces = { regular: loadFace('regular', dir), bold: loadFace('bold', dir) };
  loaded.set(dir, faces);
  return faces;
}
