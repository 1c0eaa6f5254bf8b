import { describe, expect, it } from 'vitest';
import { classifyUpdateError, describeUpdate, updateStatus, updateSupport } from '../../../../main/desktop';

describe('update errors', () => {
  it('reads lost connections as "offline", from Node codes and Chromium net errors', () => {
    const offline = [
      Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' }),
      new Error('connect ECONNREFUSED 127.0.0.1:9'),
      new Error('net::ERR_INTERNET_DISCONNECTED'),
      new Error('net::ERR_NAME_NOT_RESOLVED'),
      { code: 'ETIMEDOUT' },
    ];
    for (const err of offline) expect(classifyUpdateError(err)).toBe('offline');
  });

  it('reads anything else as "other"', () => {
    expect(classifyUpdateError(new Error('sha512 checksum mismatch, expected x, got y'))).toBe('other');
    expect(classifyUpdateError(new Error('HttpError: 404'))).toBe('other');
    expect(classifyUpdateError('weird')).toBe('other');
    expect(classifyUpdateError(null)).toBe('other');
  });
});

describe('what the tray and Settings say', () => {
  it('offers the restart in the tray once an update is ready, with its version', () => {
    const words = describeUpdate({ kind: 'ready', version: '1.4.0', restartWaitsForSignIn: false });
    expect(words.menu).toEqual({ label: 'Update ready: restart to install 1.4.0', enabled: true });
    expect(words.status).toBe('Update ready: restart to install version 1.4.0');
    expect(words.detail).toMatch(/installs the next time you quit/);
  });

  it('shows a waiting, unclickable item while a sign-in holds the restart back', () => {
    const words = describeUpdate({ kind: 'ready', version: '1.4.0', restartWaitsForSignIn: true });
    expect(words.menu).toEqual({ label: 'Update ready (1.4.0): restarts after sign-in', enabled: false });
  });

  it('says "You’re up to date" and "Could not check: no connection", and only then allows a new check', () => {
    expect(describeUpdate({ kind: 'up-to-date', checkedAt: 1 })).toMatchObject({
      status: 'You’re up to date',
      menu: null,
      canCheck: true,
    });
    expect(describeUpdate({ kind: 'failed', problem: 'offline', checkedAt: 1 })).toMatchObject({
      status: 'Could not check: no connection',
      canCheck: true,
    });
    expect(describeUpdate({ kind: 'checking' }).canCheck).toBe(false);
    expect(describeUpdate({ kind: 'downloading', version: '2.0.0', percent: 41.6 })).toMatchObject({
      status: 'Downloading version 2.0.0… 42%',
      canCheck: false,
    });
  });

  it('shows why updates are off and how to update instead, with nothing in the tray', () => {
    const support = updateSupport({ install: 'portable', canWriteInstall: true, env: {} });
    if (support.enabled) throw new Error('expected off');
    const words = describeUpdate({ kind: 'off', support });
    expect(words).toEqual({
      status: 'This portable copy of Token Tray cannot update itself.',
      detail: 'Download the new version from the Token Tray releases page and replace this file with it.',
      menu: null,
      canCheck: false,
    });
  });

  it('says it in the app’s language', async () => {
    const { createTranslator, messagesFor } = await import('../../../../main/i18n');
    const de = createTranslator('de', messagesFor('de'));
    const words = describeUpdate({ kind: 'ready', version: '2.0.0', restartWaitsForSignIn: false }, de);
    expect(words.status).toBe(de.t('app.update.ready', { version: '2.0.0' }));
    expect(words.status).toContain('2.0.0');
    expect(words.status).not.toBe(
      describeUpdate({ kind: 'ready', version: '2.0.0', restartWaitsForSignIn: false }).status,
    );
    expect(describeUpdate({ kind: 'downloading', version: '2.0.0', percent: 42 }).status).toBe(
      'Downloading version 2.0.0… 42%',
    );
  });
});

describe('what Settings gets for each state', () => {
  it('offers Restart only for a ready update that does not wait for a sign-in, and marks checks and downloads busy', () => {
    expect(updateStatus({ kind: 'ready', version: '2.0.0', restartWaitsForSignIn: false })).toMatchObject({
      canRestart: true,
      canCheck: false,
      busy: false,
    });
    expect(updateStatus({ kind: 'ready', version: '2.0.0', restartWaitsForSignIn: true }).canRestart).toBe(false);
    expect(updateStatus({ kind: 'checking' })).toMatchObject({ busy: true, canCheck: false, canRestart: false });
    expect(updateStatus({ kind: 'downloading', version: '2.0.0', percent: 10 }).busy).toBe(true);
    expect(updateStatus({ kind: 'failed', problem: 'offline', checkedAt: 0 })).toEqual({
      status: 'Could not check: no connection',
      detail: 'Token Tray tries again later by itself.',
      canCheck: true,
      canRestart: false,
      busy: false,
    });
  });
});
