// The guards module registers its handlers on a webContents and a session, and they hold (EventEmitter fakes stand in
// for Electron's objects: the Electron binary cannot run on the CI machines, so the real window is never created here).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { originPolicy } from '../../../electron/main/policy';
import { createSessionGuard, guardSession, guardWebContents, type GuardableContents, type GuardableSession } from '../../../electron/main/security';

const prod = originPolicy({ isPackaged: true, rendererUrl: undefined });
const dev = originPolicy({ isPackaged: false, rendererUrl: 'http://localhost:5173' });

type FakeContents = GuardableContents & {
  emitter: EventEmitter;
  openHandler?: (d: { url: string }) => { action: 'deny' };
  devToolsClosed: number;
};

function fakeContents(): FakeContents {
  const emitter = new EventEmitter();
  const fake: FakeContents = {
    emitter,
    devToolsClosed: 0,
    on(event, listener) {
      // The guard's listeners take Electron's event objects; the fake emits look-alikes.
      emitter.on(event, listener as (...args: unknown[]) => void);
      return fake;
    },
    setWindowOpenHandler(handler) {
      fake.openHandler = handler;
    },
    closeDevTools() {
      fake.devToolsClosed += 1;
    },
  };
  return fake;
}

function navEvent(url: string): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function setup(policy = prod): { contents: ReturnType<typeof fakeContents>; opened: string[]; logs: string[] } {
  const contents = fakeContents();
  const opened: string[] = [];
  const logs: string[] = [];
  guardWebContents(contents, policy, {
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    log: (m) => logs.push(m),
  });
  return { contents, opened, logs };
}

describe('guardWebContents', () => {
  it('registers every guard', () => {
    const { contents } = setup();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'devtools-opened']) {
      expect(contents.emitter.listenerCount(name), name).toBe(1);
    }
    expect(contents.openHandler).toBeTypeOf('function');
  });
  it('lets in-app navigation through and stops the rest', () => {
    const { contents, opened } = setup();
    const inside = navEvent('app://tahseel/index.html#/debtors');
    contents.emitter.emit('will-navigate', inside);
    expect(inside.prevented).toBe(false);
    for (const channel of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const outside = navEvent('https://evil.example/phish');
      contents.emitter.emit(channel, outside);
      expect(outside.prevented, channel).toBe(true);
    }
    const file = navEvent('file:///C:/Windows/System32/cmd.exe');
    contents.emitter.emit('will-navigate', file);
    expect(file.prevented).toBe(true);
    expect(opened).toEqual([]);
  });
  it('opens allow-listed https links in the system browser, on click only, never on redirect', () => {
    const { contents, opened } = setup();
    const click = navEvent('https://najiz.sa/');
    contents.emitter.emit('will-navigate', click);
    expect(click.prevented).toBe(true);
    const redirect = navEvent('https://najiz.sa/redirected');
    contents.emitter.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
    expect(opened).toEqual(['https://najiz.sa/']);
  });
  it('denies every new window, opening only allow-listed links outside', () => {
    const { contents, opened } = setup();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://tahseel/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://www.najiz.sa/x' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.najiz.sa/x']);
  });
  it('prevents <webview> attachment', () => {
    const { contents } = setup();
    const event = navEvent('');
    contents.emitter.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });
  it('closes devtools in production, leaves them in development', () => {
    const production = setup(prod).contents;
    production.emitter.emit('devtools-opened');
    expect(production.devToolsClosed).toBe(1);
    const development = setup(dev).contents;
    development.emitter.emit('devtools-opened');
    expect(development.devToolsClosed).toBe(0);
    expect(development.emitter.listenerCount('devtools-opened')).toBe(0);
  });
  it('logs a failed openExternal instead of leaving a rejected promise', async () => {
    const contents = fakeContents();
    const logs: string[] = [];
    guardWebContents(contents, prod, { openExternal: () => Promise.reject(new Error('no browser')), log: (m) => logs.push(m) });
    contents.openHandler?.({ url: 'https://najiz.sa/' });
    await new Promise((r) => setTimeout(r, 0));
    expect(logs.join()).toContain('no browser');
  });
});

type RequestHandler = Parameters<GuardableSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<GuardableSession['setPermissionCheckHandler']>[0];
type BeforeRequest = Parameters<GuardableSession['webRequest']['onBeforeRequest']>[0];

function fakeSession(): GuardableSession & { request?: RequestHandler; check?: CheckHandler; device?: () => boolean; beforeRequest?: BeforeRequest } {
  const s: GuardableSession & { request?: RequestHandler; check?: CheckHandler; device?: () => boolean; beforeRequest?: BeforeRequest } = {
    setPermissionRequestHandler: (h) => {
      s.request = h;
    },
    setPermissionCheckHandler: (h) => {
      s.check = h;
    },
    setDevicePermissionHandler: (h) => {
      s.device = h;
    },
    webRequest: {
      onBeforeRequest: (l) => {
        s.beforeRequest = l;
      },
    },
  };
  return s;
}

describe('guardSession', () => {
  it('denies permission requests and checks, and device access', () => {
    const s = fakeSession();
    guardSession(s, prod, { log: () => undefined });
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      s.request?.({}, p, (granted) => answers.push(granted), { requestingUrl: 'app://tahseel/index.html' });
      expect(s.check?.({}, p, 'app://tahseel')).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(s.device?.()).toBe(false);
    // The Copy buttons' clipboard write: only from our page.
    expect(s.check?.({}, 'clipboard-sanitized-write', 'app://tahseel')).toBe(true);
    expect(s.check?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });
  it('cancels remote requests and lets our protocol through', () => {
    const s = fakeSession();
    guardSession(s, prod, { log: () => undefined });
    const decisions: Array<[string, boolean]> = [];
    for (const url of ['app://tahseel/assets/a.js', 'https://cdn.example/x.js', 'http://127.0.0.1:9999/', 'data:image/png;base64,AA']) {
      s.beforeRequest?.({ url }, (r) => decisions.push([url, r.cancel]));
    }
    expect(decisions).toEqual([
      ['app://tahseel/assets/a.js', false],
      ['https://cdn.example/x.js', true],
      ['http://127.0.0.1:9999/', true],
      ['data:image/png;base64,AA', false],
    ]);
  });
  it('guards each session once', () => {
    let installs = 0;
    const s = fakeSession();
    const original = s.setPermissionCheckHandler.bind(s);
    s.setPermissionCheckHandler = (h) => {
      installs += 1;
      original(h);
    };
    const once = createSessionGuard(prod, { log: () => undefined });
    once(s);
    once(s);
    once(fakeSession());
    expect(installs).toBe(1);
  });
});
