// Serves the built renderer over app://tahseel/… : URL-to-file resolution with path checks, MIME types, security headers.
// No 'electron' import: the handler is a plain `(Request) => Promise<Response>` that index.ts gives to protocol.handle.
import { readFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './policy';

type PathApi = Pick<typeof nodePath, 'resolve' | 'join' | 'sep' | 'isAbsolute' | 'extname'>;

export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'not_found' }
  /** A URL that tries to escape the root or smuggle something in: answered 404 too, but logged apart. */
  | { kind: 'forbidden'; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Content-Type for a file name; unknown extensions are served as opaque bytes (with nosniff, never run). */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[nodePath.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map an app:// URL to a file under `root`. Checks, in order: our scheme and host; no encoded slash or
 * backslash (they would change how the path splits after decoding); decodes once; no NUL, no backslash,
 * no colon (drive letters, UNC and NTFS alternate streams), no `.`/`..` segment; and finally the resolved
 * path must still be inside `root`. `pathApi` is injectable so Windows semantics are tested on Linux.
 */
export function resolveAppFile(url: string, root: string, pathApi: PathApi = nodePath): Resolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'forbidden', reason: 'unparseable url' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { kind: 'forbidden', reason: 'foreign origin' };
  }
  const raw = parsed.pathname;
  if (/%(2f|5c|00)/i.test(raw)) return { kind: 'forbidden', reason: 'encoded separator or NUL' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: 'forbidden', reason: 'malformed percent-encoding' };
  }
  if (/[\0\\:]/.test(decoded)) return { kind: 'forbidden', reason: 'NUL, backslash or colon in path' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { kind: 'forbidden', reason: 'dot segment' };
  // A leading "//" (a UNC-looking path) leaves empty segments that are dropped above; the join below is relative.
  const relative = segments.length === 0 ? ['index.html'] : segments;

  const base = pathApi.resolve(root);
  const full = pathApi.resolve(pathApi.join(base, ...relative));
  const inside = full.startsWith(base.endsWith(pathApi.sep) ? base : base + pathApi.sep);
  if (!inside) return { kind: 'forbidden', reason: 'outside root' };
  return { kind: 'file', path: full };
}

/** Headers every response from our protocol carries. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Files change with each build; the window must never show a stale bundle after an update.
    'Cache-Control': 'no-cache',
  };
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * The protocol handler. Only GET and HEAD; every failure is a bare 404 (or 405) with no detail, since a
 * page probing our files learns nothing from the difference between "missing" and "refused".
 */
export function createAppProtocolHandler(
  root: string,
  options: { read?: ReadFile; log?: (message: string) => void } = {},
): (request: Request) => Promise<Response> {
  const read = options.read ?? ((p: string): Promise<Uint8Array> => readFile(p));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const resolution = resolveAppFile(request.url, root);
    if (resolution.kind !== 'file') {
      if (resolution.kind === 'forbidden') options.log?.(`app protocol refused ${request.url}: ${resolution.reason}`);
      return notFound();
    }
    let body: Uint8Array;
    try {
      body = await read(resolution.path);
    } catch {
      // ENOENT, EISDIR, EACCES: all "not here" to the page.
      return notFound();
    }
    const headers = securityHeaders(mimeTypeFor(resolution.path));
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers });
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
}
