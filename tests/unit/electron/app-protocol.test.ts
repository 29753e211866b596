// The app:// protocol: URL-to-file resolution under attack, MIME types, headers, and the handler end to end on a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath, { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppFile } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/policy';

const posixRoot = '/opt/tahseel/out/renderer';
const winRoot = 'C:\\Program Files\\Tahseel\\resources\\app.asar\\out\\renderer';

function posix(url: string): ReturnType<typeof resolveAppFile> {
  return resolveAppFile(url, posixRoot, nodePath.posix);
}
function win(url: string): ReturnType<typeof resolveAppFile> {
  return resolveAppFile(url, winRoot, nodePath.win32);
}

describe('resolveAppFile', () => {
  it('serves index.html for the root', () => {
    expect(posix('app://tahseel/')).toEqual({ kind: 'file', path: `${posixRoot}/index.html` });
    expect(posix('app://tahseel')).toEqual({ kind: 'file', path: `${posixRoot}/index.html` });
    expect(win('app://tahseel/')).toEqual({ kind: 'file', path: `${winRoot}\\index.html` });
  });
  it('maps ordinary files, ignoring query and hash', () => {
    expect(posix('app://tahseel/assets/index-Ab12.js?v=1#x')).toEqual({ kind: 'file', path: `${posixRoot}/assets/index-Ab12.js` });
    expect(win('app://tahseel/assets/vazirmatn.woff2')).toEqual({ kind: 'file', path: `${winRoot}\\assets\\vazirmatn.woff2` });
    // Percent-encoded ordinary characters (Arabic file names, spaces) decode once.
    expect(posix('app://tahseel/assets/%D8%AA%D8%AD%D8%B5%D9%8A%D9%84%20logo.svg')).toEqual({
      kind: 'file',
      path: `${posixRoot}/assets/تحصيل logo.svg`,
    });
  });

  const attacks: Array<[string, string]> = [
    ['encoded slash', 'app://tahseel/..%2f..%2fetc%2fpasswd'],
    ['encoded slash alone', 'app://tahseel/assets%2Findex.js'],
    ['encoded backslash', 'app://tahseel/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://tahseel/..\\..\\windows\\win.ini'],
    ['NUL', 'app://tahseel/index.html%00.png'],
    ['double-encoded dots', 'app://tahseel/%252e%252e/%252e%252e/etc/passwd'],
    ['drive letter', 'app://tahseel/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://tahseel/C%3A%5CWindows%5Cwin.ini'],
    ['UNC', 'app://tahseel/%5c%5cserver%5cshare%5cx'],
    ['alternate data stream', 'app://tahseel/index.html::$DATA'],
    ['malformed escape', 'app://tahseel/%E0%A4%A'],
    ['foreign host', 'app://evil/index.html'],
    ['foreign scheme', 'file:///etc/passwd'],
    ['not a URL', '::::'],
  ];
  for (const [what, url] of attacks) {
    it(`refuses ${what}`, () => {
      for (const result of [posix(url), win(url)]) {
        // Double-encoded dots decode once to a literal "%2e%2e" name: harmless and inside the root.
        if (result.kind === 'file') {
          expect(what).toBe('double-encoded dots');
          expect(result.path.startsWith(result.path.includes('\\') ? winRoot : posixRoot)).toBe(true);
        } else {
          expect(result.kind).toBe('forbidden');
        }
      }
    });
  }

  it('never resolves outside the root for ../ and %2e%2e/ (the URL parser folds them; the result stays inside)', () => {
    for (const url of [
      'app://tahseel/%2e%2e/%2e%2e/etc/passwd',
      'app://tahseel/assets/.%2e/.%2E/secret',
      'app://tahseel/../../etc/passwd', 'app://tahseel/assets/../../../x', 'app://tahseel//etc/passwd', 'app://tahseel///server/share']) {
      const p = posix(url);
      if (p.kind === 'file') expect(p.path.startsWith(`${posixRoot}/`)).toBe(true);
      const w = win(url);
      if (w.kind === 'file') expect(w.path.startsWith(`${winRoot}\\`)).toBe(true);
    }
  });
  it('checks containment itself, not only the URL parser (an absolute segment cannot escape)', () => {
    // A root with a trailing separator and a sibling folder sharing the prefix.
    expect(resolveAppFile('app://tahseel/x', '/srv/renderer/', nodePath.posix)).toEqual({ kind: 'file', path: '/srv/renderer/x' });
    const sibling = resolveAppFile('app://tahseel/x', '/srv/renderer', nodePath.posix);
    expect(sibling.kind === 'file' && sibling.path.startsWith('/srv/renderer-evil')).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it('knows what the renderer build emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/b/index-x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('chunk.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('style.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('font.ttf')).toBe('font/ttf');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('logo.png')).toBe('image/png');
    expect(mimeTypeFor('data.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('module.wasm')).toBe('application/wasm');
  });
  it('serves unknown files as opaque bytes', () => {
    expect(mimeTypeFor('file.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('noextension')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let root = '';
  const logged: string[] = [];
  let handle: (request: Request) => Promise<Response>;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'tahseel-proto-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'do not serve');
    handle = createAppProtocolHandler(root, { log: (m) => logged.push(m) });
  });
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('serves index.html at / with the CSP and nosniff headers', async () => {
    const res = await handle(new Request('app://tahseel/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>t</title>');
  });
  it('serves assets with their MIME type; HEAD has no body', async () => {
    const res = await handle(new Request('app://tahseel/assets/app.js'));
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
    const head = await handle(new Request('app://tahseel/assets/app.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
  it('answers 404 for missing files and folders, and for escapes (logged)', async () => {
    expect((await handle(new Request('app://tahseel/nope.js'))).status).toBe(404);
    expect((await handle(new Request('app://tahseel/assets'))).status).toBe(404);
    const escape = await handle(new Request('app://tahseel/..%2fsecret.txt'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('do not serve');
    expect(logged.some((m) => m.includes('secret.txt'))).toBe(true);
  });
  it('refuses methods other than GET and HEAD', async () => {
    const res = await handle(new Request('app://tahseel/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });
});
