// Writes the ToUnicode CMap that tells text extractors which characters each CID stands for.

/** UTF-16BE hex of a string, as a CMap destination wants it (surrogate pairs included). */
export function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/**
 * `texts[cid]` is what CID `cid` extracts as; one-to-many entries are how a ligature glyph
 * (lam-alef, «الله») gives back all of its letters. Empty texts get no entry.
 */
export function buildToUnicodeCMap(texts: readonly string[]): string {
  const entries: string[] = [];
  texts.forEach((text, cid) => {
    if (text) entries.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16Hex(text)}>`);
  });
  const blocks: string[] = [];
  // A bfchar block may hold at most 100 entries.
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CIDInit /ProcSet findresource /defineresource exch pop',
    'end',
    'end',
  ].join('\n');
}
