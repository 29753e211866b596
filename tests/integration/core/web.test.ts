// Browser mode over real HTTP: the token, the Host check, the API, events and the static files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/core/web/server';
import { resolveStaticPath } from '../../../electron/core/web/static';
import { startCore, tempDir, type TestCore } from '../../fixtures/core';

let t: TestCore | undefined;
let web: WebServer | undefined;
afterEach(async () => {
  await web?.close();
  t?.dispose();
  t = web = undefined;
});

function raw(opts: { port: number; path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: opts.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function serve(): Promise<WebServer> {
  t = startCore();
  const renderer = tempDir('tahseel-ui-');
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Tahseel</title>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  web = await startWebServer({ core: t.core, rendererDir: renderer, port: 0 });
  return web;
}

describe('browser mode', () => {
  it('prints a URL on 127.0.0.1 with the token, and answers API calls that carry it', async () => {
    const w = await serve();
    expect(w.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const ok = await raw({
      port: w.port,
      path: '/api/app.status',
      method: 'POST',
      headers: { host: `127.0.0.1:${w.port}`, 'x-tahseel-token': w.token, 'content-type': 'application/json' },
      body: '{"input":{}}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { state: 'setup' } });
  });

  it('refuses a call without the token, with a wrong token, with a foreign Host or Origin', async () => {
    const w = await serve();
    const base = { port: w.port, path: '/api/app.status', method: 'POST', body: '{}' };
    const host = `127.0.0.1:${w.port}`;
    expect((await raw({ ...base, headers: { host } })).status).toBe(403);
    expect((await raw({ ...base, headers: { host, 'x-tahseel-token': 'x'.repeat(43) } })).status).toBe(403);
    expect((await raw({ ...base, headers: { host: `evil.example:${w.port}`, 'x-tahseel-token': w.token } })).status).toBe(403);
    expect((await raw({ ...base, headers: { host, origin: 'http://evil.example', 'x-tahseel-token': w.token } })).status).toBe(403);
    expect((await raw({ port: w.port, path: `/events?token=wrong`, headers: { host } })).status).toBe(403);
    const bad = await raw({ ...base, headers: { host, 'x-tahseel-token': w.token }, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const unknown = await raw({ ...base, path: '/api/nope.nope', headers: { host, 'x-tahseel-token': w.token } });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'procedure.unknown' } });
  });

  it('serves the interface with a strict CSP and never a file outside its folder', async () => {
    const w = await serve();
    const host = `127.0.0.1:${w.port}`;
    const index = await raw({ port: w.port, path: '/', headers: { host } });
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await raw({ port: w.port, path: '/assets/app.js', headers: { host } })).body).toBe('console.log(1)');
    expect((await raw({ port: w.port, path: '/assets/missing.js', headers: { host } })).status).toBe(404);
    expect((await raw({ port: w.port, path: '/settings', headers: { host } })).body).toContain('<title>Tahseel</title>');
    const traversal = await raw({ port: w.port, path: '/%2e%2e/%2e%2e/etc/passwd', headers: { host } });
    expect(traversal.body).not.toContain('root:');
    expect(resolveStaticPath('/srv/ui', '/../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/ui', '/%2e%2e/x')).toBeNull();
    expect(resolveStaticPath('/srv/ui', '/a%00b')).toBeNull();
    expect(resolveStaticPath('/srv/ui', '/..%5cx')).toBeNull();
    expect(resolveStaticPath('/srv/ui', '/assets/app.js')).toBe('/srv/ui/assets/app.js');
  });

  it('streams events to a client holding the token', async () => {
    const w = await serve();
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: w.port, path: `/events?token=${w.token}`, headers: { host: `127.0.0.1:${w.port}` } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('session.locked')) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await t!.call('auth.lock', {}, null); // no session: refused, no event
    // Emit through a real lock: set up, log in, lock.
    const { seedOffice, unwrap } = await import('../../../bench/factory/office');
    const office = await seedOffice(t!.core, { password: 'Correct-Horse-42' });
    unwrap(await t!.call('auth.lock', {}, office.partnerToken));
    expect(await received).toContain('data: {"type":"session.locked"}');
  });
});
