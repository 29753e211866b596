// The shell's security decisions as pure functions: which URLs are ours, what may load, what may open outside, the CSP.
// No 'electron' import here, so every rule is unit-tested in plain Node.

/** Our UI lives at app://tahseel/… ; the scheme is registered as standard + secure before `ready`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tahseel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Same policy as renderer/index.html's meta tag, sent as a header so it also covers responses the meta
 * tag cannot (and so a renderer edit that drops the meta tag does not drop the policy).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Previews of PDFs and images are blob: URLs made from bytes in memory (never a temp file).
  "frame-src blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Hosts a link may open in the system browser (https only, exact host). Najiz is the Ministry of Justice
 * portal where enforcement requests are filed, the one outside site an office links to. Everything else is denied.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['najiz.sa', 'www.najiz.sa'];

/** What the shell trusts in this run: the app origin always, the Vite dev server only in development. */
export interface OriginPolicy {
  /** Origins (`scheme://host[:port]`) whose pages may run the UI and call the core. */
  appOrigins: readonly string[];
  /** True in `electron-vite dev`: allows devtools: and the dev server's websocket for hot reload. */
  dev: boolean;
}

/**
 * `scheme://host[:port]` of a URL, or null when it has none or does not parse. WHATWG `URL.origin` is the
 * string "null" for non-special schemes such as app:, so it cannot be used to compare our own origin.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * The origins to trust. In development electron-vite serves the renderer from a local dev server and passes
 * its URL in ELECTRON_RENDERER_URL; it is honoured only when unpackaged and only on a loopback host, so an
 * environment variable can never point the packaged app at a remote page.
 */
export function originPolicy(opts: { isPackaged: boolean; rendererUrl: string | undefined }): OriginPolicy {
  const devOrigin = opts.isPackaged ? null : devServerOrigin(opts.rendererUrl);
  return { appOrigins: devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin], dev: devOrigin !== null };
}

function devServerOrigin(rendererUrl: string | undefined): string | null {
  if (rendererUrl === undefined || rendererUrl === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(rendererUrl);
  } catch {
    return null;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  return parsed.protocol === 'http:' && loopback ? originOf(rendererUrl) : null;
}

/** The URL the window loads first. */
export function startUrl(policy: OriginPolicy, rendererUrl: string | undefined): string {
  return policy.dev && rendererUrl !== undefined ? rendererUrl : APP_INDEX_URL;
}

/** True when the URL belongs to one of our origins (the only pages that may be shown or call the core). */
export function isAppUrl(url: string | null | undefined, policy: OriginPolicy): boolean {
  if (url === null || url === undefined) return false;
  const origin = originOf(url);
  return origin !== null && policy.appOrigins.includes(origin);
}

/** Navigation of any frame: stay inside our origin, never leave it (links, redirects, window.location). */
export function isNavigationAllowed(url: string, policy: OriginPolicy): boolean {
  return isAppUrl(url, policy);
}

/** A link the user clicked that leads outside: open it in the system browser only if it is on the allow-list. */
export function isExternalLinkAllowed(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Credentials in a URL are a classic phishing disguise (https://najiz.sa@evil.example/).
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.protocol === 'https:' && hosts.includes(parsed.hostname.toLowerCase());
}

/**
 * Every network request from every page passes here: our protocol, inline data: images (the CSP allows them),
 * and in development the devtools and the dev server (HTTP and its hot-reload websocket). Nothing remote, ever.
 */
export function isRequestAllowed(url: string, policy: OriginPolicy): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:') return true;
  if (isAppUrl(url, policy)) return true;
  if (!policy.dev) return false;
  if (parsed.protocol === 'devtools:') return true;
  if (parsed.protocol === 'ws:') {
    // Vite's HMR socket lives on the dev server's host and port.
    return isAppUrl(`http://${parsed.host}/`, policy);
  }
  return false;
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reads, HID…: an office ledger needs none of them.
 * The one exception is writing text to the clipboard from our own page (the recovery code's Copy button uses
 * navigator.clipboard.writeText, which Electron gates behind this permission and which fails silently when
 * denied). It is write-only, sanitised by Chromium, and needs a user gesture; reading stays denied.
 */
export function isPermissionGranted(permission: string, origin: string, policy: OriginPolicy): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(origin, policy);
}
