// Keyset cursors: the last row's sort key and id, opaque to the client.

export type CursorKey = [string | number | null, number];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null): CursorKey | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [key, id] = v as unknown[];
    if (typeof id === 'number' && (key === null || typeof key === 'string' || typeof key === 'number')) return [key, id];
  } catch {
    // fall through: a malformed cursor starts from the top
  }
  return null;
}
