import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channelPrefix, type AppEvent, type ChannelName } from '../../../main/contract/ipc';
import { buildTokenTrayApi } from '../../../main/preload/build-api';
import { createIpcFixture, type IpcFixture } from './ipc-fixture';

let fx: IpcFixture;
beforeAll(async () => {
  fx = await createIpcFixture();
});
afterAll(async () => fx.close());

describe('the preload API', () => {
  it('has exactly one method per channel plus onEvent, and is frozen', () => {
    const api = buildTokenTrayApi(
      async () => null,
      () => () => undefined,
    );
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'onEvent'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('reaches the real handlers through prefixed channels', async () => {
    const seen: string[] = [];
    const api = buildTokenTrayApi(
      async (channel, ...args) => {
        seen.push(channel);
        const name = channel.slice(channelPrefix.length) as ChannelName;
        return fx.handlers[name](...args);
      },
      () => () => undefined,
    );
    expect(await api.listProfiles()).toEqual({ ok: true, value: [] });
    const refused = await api.openExternal('file:///etc/passwd');
    expect(refused.ok).toBe(false);
    expect(seen).toEqual([`${channelPrefix}listProfiles`, `${channelPrefix}openExternal`]);
  });

  it('passes events to listeners and lets them unsubscribe', () => {
    const listeners = new Set<(e: AppEvent) => void>();
    const api = buildTokenTrayApi(
      async () => null,
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    );
    const got: AppEvent[] = [];
    const off = api.onEvent((e) => got.push(e));
    for (const l of listeners) l({ type: 'profiles-changed' });
    off();
    expect(listeners.size).toBe(0);
    expect(got).toEqual([{ type: 'profiles-changed' }]);
    expect(() => api.onEvent(42 as unknown as () => void)).toThrow(TypeError);
  });
});
