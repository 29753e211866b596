// Types the fuller fontkit layout signature (script, language, direction) that @pdf-lib/fontkit's typings omit.
import '@pdf-lib/fontkit';

declare module '@pdf-lib/fontkit' {
  interface Font {
    layout(
      string: string,
      features: (keyof TypeFeatures)[] | undefined,
      script: string | undefined,
      language: string | undefined,
      direction: 'ltr' | 'rtl',
    ): GlyphRun;
  }
}
