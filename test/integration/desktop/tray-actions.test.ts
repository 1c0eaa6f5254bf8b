import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../main/contract/ipc';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setupFile, setupLink } from '../../../main/core';
import { createAppActions, type SecretClipboard } from '../../../main/desktop';
import { addCodeProfile, addPasswordProfile, createHarness, type Harness } from '../core/support/engine-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

function actionsOver(harness: Harness) {
  const notes: Array<{ title: string; body: string }> = [];
  const shown: Array<Extract<AppEvent, { type: 'show' }> | undefined> = [];
  const copied: string[] = [];
  const clipboard: SecretClipboard = {
    copySecret: async (text) => {
      copied.push(text);
      return { clearsInSeconds: 0 };
    },
    copyText: async () => undefined,
    dispose: async () => undefined,
  };
  const actions = createAppActions({
    engine: harness.engine,
    clipboard,
    showWindow: (view) => void shown.push(view),
    windowVisible: () => false,
    notify: (title, body) => void notes.push({ title, body }),
    quit: () => undefined,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now: harness.clock.now,
  });
  return { actions, notes, shown, copied };
}

describe('tray actions', () => {
  it('"Sign in" from the tray with no browser to open sends the person to the window, which shows the link', async () => {
    h = await createHarness({
      openBrowser: async () => {
        throw new Error('xdg-open: no method available for opening');
      },
    });
    const profile = await addCodeProfile(h);
    const { actions, notes, shown } = actionsOver(h);
    actions.onMenu({ kind: 'sign-in', profileId: profile.id });
    await expect.poll(() => notes.length).toBe(1);
    expect(notes[0]).toEqual({
      title: 'Your browser did not open',
      body: 'Click “Sign in with my browser” in the Token Tray window to copy the sign-in link.',
    });
    expect(shown).toEqual([{ type: 'show', view: 'token', profileId: profile.id }]);
    // The tray's sign-in was ended, not left waiting for a browser that never opened.
    const started = h.events.flatMap((e) => (e.type === 'sign-in-progress' ? [e.flowId] : []));
    expect(started).toHaveLength(1);
    await expect(h.engine.waitForSignIn(started[0] ?? '')).rejects.toMatchObject({ code: 'not_found' });
    expect((await h.engine.getProfile(profile.id)).status.state).toBe('signed_out');
  });
});

describe('a refused renewal’s next step in the tray', () => {
  it('"What to do" opens the window on that profile’s token view', async () => {
    h = await createHarness();
    const profile = await addCodeProfile(h);
    const { actions, shown } = actionsOver(h);
    actions.onMenu({ kind: 'show-profile', profileId: profile.id });
    expect(shown).toEqual([{ type: 'show', view: 'token', profileId: profile.id }]);
  });
});

describe('copying from the tray', () => {
  it('a token that has ended while ProcessMaker is out of reach: the notification says so in plain words', async () => {
    h = await createHarness({ server: { config: { accessTokenTtl: 3600 } } });
    const profile = await addPasswordProfile(h, 'Acme');
    await h.engine.signInWithPassword(profile.id, h.server.seed.user.username, h.server.seed.user.password);
    const { actions, notes, copied } = actionsOver(h);
    await h.server.close();
    // Still valid: the token is copied without asking ProcessMaker.
    actions.onMenu({ kind: 'copy-token', profileId: profile.id, format: 'raw' });
    await expect.poll(() => copied.length).toBe(1);
    h.clock.advance(2 * 3_600_000);
    actions.onMenu({ kind: 'copy-token', profileId: profile.id, format: 'raw' });
    await expect.poll(() => notes.length, { timeout: 10_000 }).toBe(1);
    expect(notes[0]).toEqual({
      title: 'Could not copy the token',
      body:
        'Your token for Acme has expired, and Token Tray can’t reach ProcessMaker to get a new one. ' +
        'Check your internet connection; copying works again once ProcessMaker answers.',
    });
  });
});

describe('setup links clicked outside the app', () => {
  it('a setup link opens its confirmation in the window; nothing is set up yet', async () => {
    h = await createHarness();
    const { actions, notes, shown } = actionsOver(h);
    const url = setupLink({ name: 'Acme', instanceUrl: h.server.url, grant: 'password', clientId: '2' });
    actions.onDeepLink({ kind: 'setup', url });
    await expect.poll(() => shown.length).toBe(1);
    expect(shown[0]).toMatchObject({ type: 'show', view: 'setup', setup: { name: 'Acme', grant: 'password' } });
    expect(notes).toEqual([]);
    expect(await h.engine.listProfiles()).toEqual([]);
  });

  it('a double-clicked setup file is read by the same parser, and a missing one is said plainly', async () => {
    h = await createHarness();
    const { actions, notes, shown } = actionsOver(h);
    const path = join(h.configDir, 'Acme.pmtokentray');
    await writeFile(path, setupFile({ name: 'Acme', instanceUrl: h.server.url, grant: 'password', clientId: '2' }));
    actions.onDeepLink({ kind: 'setup-file', path });
    await expect.poll(() => shown.length).toBe(1);
    expect(shown[0]).toMatchObject({ view: 'setup', setup: { name: 'Acme' } });
    actions.onDeepLink({ kind: 'setup-file', path: join(h.configDir, 'gone.pmtokentray') });
    await expect.poll(() => notes.length).toBe(1);
    expect(notes[0]).toEqual({
      title: 'This setup file cannot be used',
      body: 'Token Tray could not open this setup file. Check that the file is still there, then open it again.',
    });
  });

  it('a setup link that cannot be used says why in a notification, and opens nothing', async () => {
    h = await createHarness();
    const { actions, notes, shown } = actionsOver(h);
    actions.onDeepLink({ kind: 'setup', url: 'pmtokentray://setup?v=7&name=Acme' });
    await expect.poll(() => notes.length).toBe(1);
    expect(notes[0]?.title).toBe('This setup link cannot be used');
    expect(notes[0]?.body).toContain('This setup was made by a newer Token Tray.');
    expect(shown).toEqual([]);
  });
});
