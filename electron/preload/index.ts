// The sandboxed preload: puts one small object on window.tahseel (call, onEvent, chooseFolder) and nothing else, never
// ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../contract/result';
import { BRIDGE_KEY, CALL_CHANNEL, CHOOSE_FOLDER_CHANNEL, EVENT_CHANNEL, type ChooseFolderOptions, type TahseelBridge, type TahseelEvent } from '../contract/bridge';

function invalid(message: string): Promise<ApiResult<unknown>> {
  return Promise.resolve({ ok: false, error: { code: 'input.invalid', message } });
}

const api = {
  call(name: string, input: unknown, session: string | null): Promise<ApiResult<unknown>> {
    // The page is ours but checked anyway: main checks again, this only gives a clean answer early.
    if (typeof name !== 'string' || name === '') return invalid('Procedure name must be a non-empty string');
    if (session !== null && session !== undefined && typeof session !== 'string') {
      return invalid('Session must be a string or null');
    }
    return ipcRenderer.invoke(CALL_CHANNEL, name, input, session ?? null) as Promise<ApiResult<unknown>>;
  },
  onEvent(listener: (event: TahseelEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    // The IPC event object (with its sender) is never handed to the page: only the payload.
    const forward = (_event: IpcRendererEvent, payload: TahseelEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  chooseFolder(options: ChooseFolderOptions): Promise<string | null> {
    // Only the title and the starting folder cross over (main checks them again).
    const title = typeof options?.title === 'string' ? options.title : '';
    const defaultPath = typeof options?.defaultPath === 'string' ? options.defaultPath : undefined;
    return ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL, defaultPath === undefined ? { title } : { title, defaultPath }) as Promise<string | null>;
  },
} satisfies TahseelBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
