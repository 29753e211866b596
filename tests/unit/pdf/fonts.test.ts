// Font lookup: found from source without options, configurable for the packaged app, clear error otherwise.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontFaces, resolveFontsDir } from '../../../electron/core/pdf/fonts';
import { buildToUnicodeCMap } from '../../../electron/core/pdf/tounicode';

describe('fonts', () => {
  it('finds resources/fonts from source and honours fontsDir', () => {
    const dir = resolveFontsDir();
    expect(dir.endsWith(join('resources', 'fonts'))).toBe(true);
    expect(resolveFontsDir(dir)).toBe(dir);
    const faces = loadFontFaces(dir);
    expect(faces.regular.font.postscriptName).toBe('Vazirmatn-Regular');
    expect(faces.bold.font.postscriptName).toBe('Vazirmatn-Bold');
  });

  it('fails loudly when a configured fontsDir lacks the fonts', () => {
    expect(() => resolveFontsDir('/nonexistent/fonts')).toThrow(/fontsDir/);
  });
});

describe('ToUnicode CMap', () => {
  it('maps a ligature CID to several characters', () => {
    const cmap = buildToUnicodeCMap(['', 'ال', 'a']);
    expect(cmap).toContain('<0001> <06270644>');
    expect(cmap).toContain('<0002> <0061>');
    expect(cmap).not.toContain('<0000>  ');
  });
});
