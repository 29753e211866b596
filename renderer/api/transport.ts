// Carries one procedure call to the core: over the preload bridge in the desktop app, over HTTP in browser mode.
import type { ApiResult } from '../../electron/contract';
import type { TahseelBridge, TahseelEvent } from '../../electron/contract/bridge';

/** An event pushed by the core, e.g. `{ type: 'session.locked' }`. */
export type CoreEvent = TahseelEvent;

declare global {
  interface Window {
    tahseel?: TahseelBridge;
  }
}

const RUN_TOKEN_KEY = 'tahseel.runToken';

/** Read the run token from `?token=` once, keep it for this tab, and take it out of the address bar. */
function takeRunToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(RUN_TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(RUN_TOKEN_KEY) ?? '';
}

let runToken: string | null = null;

function currentRunToken(): string {
  runToken ??= takeRunToken();
  return runToken;
}

/** Call at start-up so the token leaves the address bar before anything renders. */
export function initTransport(): void {
  if (!window.tahseel) currentRunToken();
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

async function httpCall(name: string, input: unknown, session: string | null): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Tahseel-Token': currentRunToken(),
        'X-Tahseel-Session': session ?? '',
      },
      body: JSON.stringify({ input }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The app core cannot be reached.' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (isApiResult(body)) return body;
  return { ok: false, error: { code: 'internal', message: `Unexpected response (HTTP ${response.status}).` } };
}

/** Send one call and return the core's result envelope; never throws. */
export function send(name: string, input: unknown, session: string | null): Promise<ApiResult<unknown>> {
  const bridge = window.tahseel;
  if (bridge) return bridge.call(name, input, session);
  return httpCall(name, input, session);
}

/** Subscribe to core events; returns the unsubscribe function. */
export function subscribeEvents(cb: (e: CoreEvent) => void): () => void {
  const bridge = window.tahseel;
  if (bridge) return bridge.onEvent(cb);
  const source = new EventSource(`/events?token=${encodeURIComponent(currentRunToken())}`);
  source.onmessage = (msg: MessageEvent<string>): void => {
    try {
      const data: unknown = JSON.parse(msg.data);
      if (typeof data === 'object' && data !== null && 'type' in data && typeof data.type === 'string') {
        cb({ ...data, type: data.type });
      }
    } catch {
      // A malformed event is ignored; the next call will surface any real problem.
    }
  };
  return () => source.close();
}
