// Digit shapes: the office chooses Western (0-9) or Arabic-Indic (٠-٩) digits; input accepts both.

export type DigitStyle = 'western' | 'arabic';

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Replace Western digits 0-9 with Arabic-Indic ٠-٩ (other characters unchanged). */
export function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(d)));
}

/** Replace Arabic-Indic (٠-٩) and Persian (۰-۹) digits with Western 0-9. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

/** Render the digits of an already-formatted string in the chosen style. */
export function applyDigits(text: string, style: DigitStyle): string {
  return style === 'arabic' ? toArabicIndicDigits(toWesternDigits(text)) : toWesternDigits(text);
}
