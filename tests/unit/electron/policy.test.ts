// The shell's URL, request, permission and CSP decisions (electron/main/policy.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  originOf,
  originPolicy,
  startUrl,
} from '../../../electron/main/policy';

const prod = originPolicy({ isPackaged: true, rendererUrl: undefined });
const dev = originPolicy({ isPackaged: false, rendererUrl: 'http://localhost:5173/' });

describe('originOf', () => {
  it('gives scheme://host for our custom scheme (URL.origin would say "null")', () => {
    expect(new URL('app://tahseel/index.html').origin).toBe('null');
    expect(originOf('app://tahseel/index.html')).toBe('app://tahseel');
    expect(originOf('APP://TAHSEEL/x')).toBe('app://tahseel');
    expect(originOf('http://localhost:5173/a?b')).toBe('http://localhost:5173');
  });
  it('is null for URLs without a host or that do not parse', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});

describe('originPolicy', () => {
  it('trusts only app://tahseel when packaged, whatever the environment says', () => {
    expect(originPolicy({ isPackaged: true, rendererUrl: 'http://localhost:5173' })).toEqual({ appOrigins: [APP_ORIGIN], dev: false });
  });
  it('adds the dev server in development, only on loopback http', () => {
    expect(dev).toEqual({ appOrigins: [APP_ORIGIN, 'http://localhost:5173'], dev: true });
    expect(originPolicy({ isPackaged: false, rendererUrl: 'http://127.0.0.1:5199' }).appOrigins).toContain('http://127.0.0.1:5199');
    for (const bad of ['https://evil.example/', 'http://192.168.1.5:5173', 'http://localhost.evil.example:5173', 'file:///x', 'garbage']) {
      expect(originPolicy({ isPackaged: false, rendererUrl: bad })).toEqual({ appOrigins: [APP_ORIGIN], dev: false });
    }
  });
  it('starts on app://tahseel/index.html, or on the dev server in development', () => {
    expect(startUrl(prod, undefined)).toBe(APP_INDEX_URL);
    expect(startUrl(prod, 'http://localhost:5173/')).toBe(APP_INDEX_URL);
    expect(startUrl(dev, 'http://localhost:5173/')).toBe('http://localhost:5173/');
  });
});

describe('navigation', () => {
  it('allows our own pages', () => {
    expect(isNavigationAllowed('app://tahseel/index.html', prod)).toBe(true);
    expect(isNavigationAllowed('app://tahseel/index.html#/cases/12', prod)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
  });
  it('denies everything else', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173/', // the dev server is not ours in production
      'app://other/index.html',
      'app://tahseel.evil.example/',
      'file:///C:/Windows/System32/calc.exe',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'chrome://settings',
      '',
    ]) {
      expect(isNavigationAllowed(url, prod), url).toBe(false);
    }
    expect(isAppUrl(null, prod)).toBe(false);
    expect(isAppUrl(undefined, prod)).toBe(false);
  });
});

describe('external links', () => {
  it('opens only https links to allow-listed hosts', () => {
    expect(isExternalLinkAllowed('https://najiz.sa/applications/landing')).toBe(true);
    expect(isExternalLinkAllowed('https://www.najiz.sa/')).toBe(true);
    expect(isExternalLinkAllowed('https://NAJIZ.SA/')).toBe(true);
  });
  it('refuses other schemes, hosts, look-alikes and credentials', () => {
    for (const url of [
      'http://najiz.sa/',
      'https://najiz.sa.evil.example/',
      'https://evilnajiz.sa/',
      'https://najiz.sa@evil.example/',
      'https://user:pw@najiz.sa/',
      'file:///C:/x.exe',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
    expect(isExternalLinkAllowed('https://example.com/', [])).toBe(false);
  });
});

describe('requests', () => {
  it('lets our protocol and data: images through in production, nothing remote', () => {
    expect(isRequestAllowed('app://tahseel/assets/index-abc.js', prod)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA', prod)).toBe(true);
    for (const url of [
      'https://fonts.googleapis.com/css',
      'http://127.0.0.1:8080/api',
      'ws://localhost:5173/',
      'devtools://devtools/bundled/inspector.html',
      'file:///etc/passwd',
      'app://elsewhere/x.js',
      'blob:app://tahseel/123',
      'nonsense',
    ]) {
      expect(isRequestAllowed(url, prod), url).toBe(false);
    }
  });
  it('in development also allows devtools and the dev server (HTTP and its hot-reload socket)', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:9999/', dev)).toBe(false);
    expect(isRequestAllowed('https://evil.example/', dev)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission, even to our own origin', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(p, APP_ORIGIN, prod)).toBe(false);
    }
  });
  it('except a clipboard write from our own page (the Copy buttons), never from elsewhere', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ORIGIN, prod)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://tahseel/index.html#/setup', prod)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example', prod)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', '', prod)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173', prod)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173', dev)).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  it('is exactly the renderer meta policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
  it('matches the meta tag in renderer/index.html (the two must not drift apart)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
  it('allows no inline script, eval or remote source', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
