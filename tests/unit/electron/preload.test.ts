// The preload exposes exactly { call, onEvent, chooseFolder } on window.tahseel and nothing else. The 'electron' module is replaced by a
// tiny fake through vi.mock: the Electron binary cannot be downloaded or run on the CI machines, so this is the only way
// to load the preload in a test here; the real contextBridge is exercised only on a machine with the binary.
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TahseelBridge } from '../../../electron/contract/bridge';

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  return { exposed, invoked, emitter: undefined as unknown as EventEmitter };
});

vi.mock('electron', () => {
  fake.emitter = new EventEmitter();
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        fake.invoked.push(args);
        return Promise.resolve({ ok: true, value: 'pong' });
      },
      on: (channel: string, listener: (...a: unknown[]) => void) => fake.emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...a: unknown[]) => void) => fake.emitter.removeListener(channel, listener),
    },
  };
});

let bridge: TahseelBridge;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  bridge = fake.exposed.get('tahseel') as TahseelBridge;
});

describe('preload bridge', () => {
  it('exposes one object, under "tahseel", with call, onEvent and chooseFolder only', () => {
    expect([...fake.exposed.keys()]).toEqual(['tahseel']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'chooseFolder', 'onEvent']);
    expect(bridge.call).toBeTypeOf('function');
    expect(bridge.onEvent).toBeTypeOf('function');
  });
  it('forwards calls over the one channel', async () => {
    await expect(bridge.call('auth.status', { a: 1 }, 'tok')).resolves.toEqual({ ok: true, value: 'pong' });
    await bridge.call('auth.status', undefined, null);
    expect(fake.invoked).toEqual([
      ['tahseel:call', 'auth.status', { a: 1 }, 'tok'],
      ['tahseel:call', 'auth.status', undefined, null],
    ]);
  });
  it('answers input.invalid for a name that is not a string, without sending anything', async () => {
    const before = fake.invoked.length;
    const call = bridge.call as (name: unknown, input: unknown, session: unknown) => Promise<unknown>;
    await expect(call(42, {}, null)).resolves.toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    await expect(call('', {}, null)).resolves.toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    await expect(call('x', {}, 5)).resolves.toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(fake.invoked.length).toBe(before);
  });
  it('delivers event payloads (never the IPC event) until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = bridge.onEvent((e) => seen.push(e));
    fake.emitter.emit('tahseel:event', { sender: 'ipc-internals' }, { type: 'job.progress', done: 1 });
    stop();
    fake.emitter.emit('tahseel:event', { sender: 'ipc-internals' }, { type: 'job.progress', done: 2 });
    expect(seen).toEqual([{ type: 'job.progress', done: 1 }]);
    expect(fake.emitter.listenerCount('tahseel:event')).toBe(0);
  });
  it('asks main for the folder dialog with only a title and a starting folder', async () => {
    const before = fake.invoked.length;
    await bridge.chooseFolder({ title: 'مجلد النسخ الاحتياطية' });
    await bridge.chooseFolder({ title: 'Backup folder', defaultPath: '/media/usb', extra: 'dropped' } as { title: string; defaultPath: string });
    expect(fake.invoked.slice(before)).toEqual([
      ['tahseel:choose-folder', { title: 'مجلد النسخ الاحتياطية' }],
      ['tahseel:choose-folder', { title: 'Backup folder', defaultPath: '/media/usb' }],
    ]);
  });
  it('refuses a callback that is not a function', () => {
    const onEvent = bridge.onEvent as (cb: unknown) => unknown;
    expect(() => onEvent('nope')).toThrow(TypeError);
  });
});
