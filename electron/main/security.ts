// Every window and session guard in one place: navigation, redirects, new windows, webviews, permissions, remote requests.
// Electron objects are taken as small structural types and side effects (openExternal) are injected, so the
// guards are exercised in Node against EventEmitter fakes; index.ts passes the real webContents and session.
import {
  isExternalLinkAllowed,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  type OriginPolicy,
} from './policy';

/** The fields of Electron's navigation events the guards read (will-navigate, will-redirect, will-frame-navigate). */
interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

export interface GuardableContents {
  on(event: string, listener: (...args: never[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export interface GuardDeps {
  /** shell.openExternal in the app; only ever called with an allow-listed https URL. */
  openExternal(url: string): Promise<void>;
  log(message: string): void;
}

/** Apply to every webContents the app ever creates (index.ts calls it from `web-contents-created`). */
export function guardWebContents(contents: GuardableContents, policy: OriginPolicy, deps: GuardDeps): void {
  const openIfAllowed = (url: string): void => {
    if (!isExternalLinkAllowed(url)) {
      deps.log(`blocked link to ${url}`);
      return;
    }
    deps.openExternal(url).catch((cause: unknown) => deps.log(`openExternal failed for ${url}: ${String(cause)}`));
  };

  // A click on an allow-listed link opens the system browser; anything else outside our origin just stays put.
  contents.on('will-navigate', (event: NavigationEvent) => {
    if (isNavigationAllowed(event.url, policy)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  // Sub-frames too (will-navigate covers only the main frame).
  contents.on('will-frame-navigate', (event: NavigationEvent) => {
    if (isNavigationAllowed(event.url, policy)) return;
    event.preventDefault();
    deps.log(`blocked frame navigation to ${event.url}`);
  });
  // A server redirect is never a user's click: refuse without opening anything.
  contents.on('will-redirect', (event: NavigationEvent) => {
    if (isNavigationAllowed(event.url, policy)) return;
    event.preventDefault();
    deps.log(`blocked redirect to ${event.url}`);
  });
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => {
    event.preventDefault();
    deps.log('blocked a <webview>');
  });
  // window.open and target=_blank: never a new Electron window.
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  if (!policy.dev) {
    // Production windows are created with devTools: false; this covers any other webContents.
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** Apply once per session (the default one, and any other a webContents turns up with). */
export function guardSession(session: GuardableSession, policy: OriginPolicy, deps: Pick<GuardDeps, 'log'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl ?? '', policy);
    if (!granted) deps.log(`denied permission ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, origin) => isPermissionGranted(permission, origin, policy));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, policy);
    if (!allowed) deps.log(`cancelled request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/** Sessions already guarded, so `web-contents-created` can guard each new session exactly once. */
export function createSessionGuard(
  policy: OriginPolicy,
  deps: Pick<GuardDeps, 'log'>,
): (session: GuardableSession) => void {
  const seen = new WeakSet<GuardableSession>();
  return (session) => {
    if (seen.has(session)) return;
    seen.add(session);
    guardSession(session, policy, deps);
  };
}
