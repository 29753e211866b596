// The IPC transport's one handler: checks who is calling and what they pass, then hands the call to the core.
// No 'electron' import: it works on the few fields of an IpcMainInvokeEvent it needs, so tests call it directly.
import type { ChooseFolderOptions } from '../contract/bridge';
import type { ApiError, ApiResult } from '../contract/result';
import { isAppUrl, type OriginPolicy } from './policy';

/** The part of the core the transport uses (electron/core/app.ts's CoreApp satisfies it). */
export interface CoreCaller {
  call(name: string, input: unknown, session: string | null): Promise<ApiResult<unknown>>;
}

/** What the handler reads from Electron's IpcMainInvokeEvent. */
export interface InvokeSender {
  senderFrame: { url: string } | null;
}

/**
 * The frame that sent the message must show our own page. A frame that navigated elsewhere (it should not be
 * able to, but this is the last line) or was destroyed (`senderFrame` null) may not call the core.
 */
export function isTrustedSender(event: InvokeSender, policy: OriginPolicy): boolean {
  let url: string | undefined;
  try {
    url = event.senderFrame?.url;
  } catch {
    // Reading a disposed WebFrameMain throws in some Electron versions.
    return false;
  }
  return isAppUrl(url, policy);
}

function failure(code: ApiError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/** `ipcMain.handle(CALL_CHANNEL, createCallHandler(core, policy))`. Always resolves to an ApiResult. */
export function createCallHandler(
  core: CoreCaller,
  policy: OriginPolicy,
  log: (message: string) => void = () => undefined,
): (event: InvokeSender, name: unknown, input: unknown, session: unknown) => Promise<ApiResult<unknown>> {
  return async (event, name, input, session) => {
    if (!isTrustedSender(event, policy)) {
      log(`IPC call refused from ${safeUrl(event)}`);
      return failure('permission.denied', 'Calls are accepted only from the application page');
    }
    if (typeof name !== 'string' || name === '' || name.length > 200) {
      return failure('input.invalid', 'Procedure name must be a non-empty string');
    }
    if (session !== null && session !== undefined && typeof session !== 'string') {
      return failure('input.invalid', 'Session must be a string or null');
    }
    try {
      return await core.call(name, input, session ?? null);
    } catch (cause) {
      // The core promises never to throw; if it does anyway the renderer still gets a result, not a rejection.
      log(`core.call(${name}) threw: ${String(cause)}`);
      return failure('internal', 'Internal error');
    }
  };
}

function safeUrl(event: InvokeSender): string {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(disposed frame)';
  }
}

/** The part of Electron's dialog.showOpenDialog the folder handler uses. */
export type ShowOpenDialog = (options: {
  title: string;
  defaultPath?: string;
  properties: Array<'openDirectory' | 'createDirectory'>;
}) => Promise<{ canceled: boolean; filePaths: string[] }>;

/** What the page passed, if it is a title (and perhaps a starting folder) of sane length; else null. */
export function folderDialogOptions(input: unknown): ChooseFolderOptions | null {
  if (typeof input !== 'object' || input === null) return null;
  const { title, defaultPath } = input as { title?: unknown; defaultPath?: unknown };
  if (typeof title !== 'string' || title.length > 200) return null;
  if (defaultPath !== undefined && (typeof defaultPath !== 'string' || defaultPath.length > 4096)) return null;
  return defaultPath === undefined || defaultPath === '' ? { title } : { title, defaultPath };
}

/**
 * `ipcMain.handle(CHOOSE_FOLDER_CHANNEL, createChooseFolderHandler(policy, show))`: the system's folder dialog (a
 * folder may be made in it), for our page only. Answers the chosen path, or null (cancelled, refused, bad input). The
 * path is only a suggestion for a form: the core checks the folder when the setting is saved.
 */
export function createChooseFolderHandler(
  policy: OriginPolicy,
  show: ShowOpenDialog,
  log: (message: string) => void = () => undefined,
): (event: InvokeSender, input: unknown) => Promise<string | null> {
  return async (event, input) => {
    if (!isTrustedSender(event, policy)) {
      log(`folder dialog refused from ${safeUrl(event)}`);
      return null;
    }
    const options = folderDialogOptions(input);
    if (options === null) return null;
    try {
      const answer = await show({ ...options, properties: ['openDirectory', 'createDirectory'] });
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    } catch (cause) {
      log(`folder dialog failed: ${String(cause)}`);
      return null;
    }
  };
}
