// The IPC transport's handler: only our page may call, bad arguments are refused, the core's answer passes through.
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/contract/result';
import { createCallHandler, createChooseFolderHandler, isTrustedSender, type CoreCaller, type ShowOpenDialog } from '../../../electron/main/ipc';
import { originPolicy } from '../../../electron/main/policy';

const prod = originPolicy({ isPackaged: true, rendererUrl: undefined });
const dev = originPolicy({ isPackaged: false, rendererUrl: 'http://localhost:5173' });
const fromApp = { senderFrame: { url: 'app://tahseel/index.html#/cases' } };

function recordingCore(answer: ApiResult<unknown> = { ok: true, value: 42 }): CoreCaller & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    call: (name, input, session) => {
      calls.push([name, input, session]);
      return Promise.resolve(answer);
    },
  };
}

describe('isTrustedSender', () => {
  it('trusts frames showing our app', () => {
    expect(isTrustedSender(fromApp, prod)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:5173/' } }, dev)).toBe(true);
  });
  it('refuses other origins, missing frames and disposed frames', () => {
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' } }, prod)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:5173/' } }, prod)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'about:blank' } }, prod)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: '' } }, prod)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, prod)).toBe(false);
    const disposed = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(disposed, prod)).toBe(false);
  });
});

describe('createCallHandler', () => {
  it('passes name, input and session to the core and returns its result', async () => {
    const core = recordingCore({ ok: true, value: { id: 'c1' } });
    const handler = createCallHandler(core, prod);
    await expect(handler(fromApp, 'cases.get', { id: 'c1' }, 'tok')).resolves.toEqual({ ok: true, value: { id: 'c1' } });
    await expect(handler(fromApp, 'auth.status', undefined, undefined)).resolves.toEqual({ ok: true, value: { id: 'c1' } });
    expect(core.calls).toEqual([
      ['cases.get', { id: 'c1' }, 'tok'],
      ['auth.status', undefined, null],
    ]);
  });
  it('answers permission.denied to a foreign frame without reaching the core', async () => {
    const core = recordingCore();
    const logs: string[] = [];
    const handler = createCallHandler(core, prod, (m) => logs.push(m));
    const result = await handler({ senderFrame: { url: 'https://evil.example/' } }, 'users.list', {}, 'tok');
    expect(result).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    expect(core.calls).toHaveLength(0);
    expect(logs.join()).toContain('evil.example');
  });
  it('answers input.invalid for a bad name or session', async () => {
    const core = recordingCore();
    const handler = createCallHandler(core, prod);
    for (const name of [undefined, 42, {}, '', 'x'.repeat(201)]) {
      await expect(handler(fromApp, name, {}, null)).resolves.toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    await expect(handler(fromApp, 'cases.list', {}, 7)).resolves.toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(core.calls).toHaveLength(0);
  });
  it('turns a throwing core into an internal error, never a rejection', async () => {
    const core: CoreCaller = { call: () => Promise.reject(new Error('boom')) };
    const result = await createCallHandler(core, prod)(fromApp, 'cases.list', {}, null);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
  });
});

describe('createChooseFolderHandler', () => {
  function dialog(answer: { canceled: boolean; filePaths: string[] } | Error): ShowOpenDialog & { shown: unknown[] } {
    const shown: unknown[] = [];
    const show: ShowOpenDialog = (options) => {
      shown.push(options);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    };
    return Object.assign(show, { shown });
  }
  it('shows a folder dialog that can make a folder, and answers the chosen path', async () => {
    const show = dialog({ canceled: false, filePaths: ['/media/usb/tahseel'] });
    const handler = createChooseFolderHandler(prod, show);
    await expect(handler(fromApp, { title: 'مجلد النسخ الاحتياطية', defaultPath: '/media/usb' })).resolves.toBe('/media/usb/tahseel');
    expect(show.shown).toEqual([{ title: 'مجلد النسخ الاحتياطية', defaultPath: '/media/usb', properties: ['openDirectory', 'createDirectory'] }]);
  });
  it('answers null when the user cancels, or the dialog fails', async () => {
    await expect(createChooseFolderHandler(prod, dialog({ canceled: true, filePaths: [] }))(fromApp, { title: 'x' })).resolves.toBeNull();
    await expect(createChooseFolderHandler(prod, dialog(new Error('no display')))(fromApp, { title: 'x' })).resolves.toBeNull();
  });
  it('shows nothing to a foreign frame or for bad input', async () => {
    const show = dialog({ canceled: false, filePaths: ['/tmp'] });
    const handler = createChooseFolderHandler(prod, show);
    await expect(handler({ senderFrame: { url: 'https://evil.example/' } }, { title: 'x' })).resolves.toBeNull();
    for (const bad of [null, 'x', { title: 5 }, { title: 'x'.repeat(201) }, { title: 'x', defaultPath: 7 }]) {
      await expect(handler(fromApp, bad)).resolves.toBeNull();
    }
    expect(show.shown).toEqual([]);
  });
});
