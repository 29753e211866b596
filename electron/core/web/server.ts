// Browser mode: the same router over HTTP on 127.0.0.1, with a per-run token and a Host check.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../contract';
import type { CoreApp } from '../app';
import { readStatic } from './static';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src blob:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Documents travel as base64 in the JSON body: the contract's own limit (~700 MB of base64) bounds it.
const MAX_BODY_BYTES = 720 * 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': CSP,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function refuse(req: IncomingMessage, res: ServerResponse, message: string): void {
  req.resume(); // drain any body so the connection closes cleanly
  sendJson(res, 403, { ok: false, error: { code: 'auth.required', message } });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebServer(opts: {
  core: CoreApp;
  rendererDir: string;
  port: number;
  token?: string;
}): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let port = opts.port;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('[tahseel] http', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A foreign Host means DNS rebinding or a proxy: never answer it.
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(req, res, 'Unknown host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain');
      if (!sameSecret(req.headers['x-tahseel-token'] as string | undefined, token)) return refuse(req, res, 'Missing or wrong token');
      const origin = req.headers.origin;
      if (origin && !allowedHosts().some((h) => origin === `http://${h}`)) return refuse(req, res, 'Foreign origin');
      const raw = await readBody(req);
      if (raw === null) {
        return sendJson(res, 413, { ok: false, error: { code: 'input.invalid', message: 'The request is too large' } });
      }
      let input: unknown;
      try {
        input = raw === '' ? {} : (JSON.parse(raw) as { input?: unknown }).input;
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'input.invalid', message: 'The request is not JSON' } });
      }
      const session = (req.headers['x-tahseel-session'] as string | undefined) || null;
      const result = await opts.core.call(decodeURIComponent(url.pathname.slice('/api/'.length)), input, session);
      return sendJson(res, 200, result);
    }

    if (url.pathname === '/events') {
      if (!sameSecret(url.searchParams.get('token'), token)) return refuse(req, res, 'Missing or wrong token');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const off = opts.core.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.on('close', () => {
        off();
        clearInterval(ping);
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    // Unknown paths without an extension get the app (hash routes); a missing asset is a plain 404.
    const isAsset = /\.[a-z0-9]+$/i.test(url.pathname);
    const file = (await readStatic(opts.rendererDir, url.pathname)) ?? (isAsset ? null : await readStatic(opts.rendererDir, '/'));
    if (!file) return send(res, 404, 'Not found. Build the interface first: npm run build', 'text/plain; charset=utf-8');
    return send(res, 200, file.body, file.type);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
