// The one object the preload puts on `window.tahseel`, and the two IPC channel names it shares with main.
// Types and constants only: safe to import from main, preload, tests (and later the renderer's IPC client).
import type { ApiResult } from './result';

/** Key on `window` the bridge is exposed under. */
export const BRIDGE_KEY = 'tahseel';
/** renderer → main: `invoke(CALL_CHANNEL, name, input, session)` answers an ApiResult. */
export const CALL_CHANNEL = 'tahseel:call';
/** main → renderer: core events (job progress, lock, …). */
export const EVENT_CHANNEL = 'tahseel:event';
/** renderer → main: `invoke(CHOOSE_FOLDER_CHANNEL, { title })` shows the system's folder dialog; answers a path or null. */
export const CHOOSE_FOLDER_CHANNEL = 'tahseel:choose-folder';

/** What the page may say about the folder dialog: its title (in the user's language) and where it opens. */
export interface ChooseFolderOptions {
  title: string;
  defaultPath?: string;
}

export type TahseelEvent = { type: string } & Record<string, unknown>;

/** Function properties, not methods: the page calls them detached from the object, and `this` means nothing here. */
export interface TahseelBridge {
  /** Run a procedure (`cases.list`, …). Never rejects: failures come back as `{ ok: false, error }`. */
  call: (name: string, input: unknown, session: string | null) => Promise<ApiResult<unknown>>;
  /** Listen to core events; returns the function that stops listening. */
  onEvent: (listener: (event: TahseelEvent) => void) => () => void;
  /** The system's dialog for choosing (or making) a folder; null when the user cancels. Desktop app only. */
  chooseFolder: (options: ChooseFolderOptions) => Promise<string | null>;
}
