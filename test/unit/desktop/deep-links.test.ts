import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DeepLinkRoute } from '../../../main/desktop';
import { wireDeepLinks, type DeepLinkAppPort } from '../../../main/desktop';

/** Stands in for Electron's `app` (an EventEmitter, as Electron's is). */
function fakeApp() {
  return new EventEmitter() as EventEmitter & DeepLinkAppPort;
}

function wire(firstArgv: string[] = ['/opt/Token Tray/token-tray']) {
  const app = fakeApp();
  const delivered: DeepLinkRoute[] = [];
  let focused = 0;
  const queue = wireDeepLinks(app, firstArgv, { deliver: (r) => delivered.push(r), onSecondInstance: () => focused++ });
  return { app, queue, delivered, focused: () => focused };
}

const cb = (s: string) => `pmtokentray://oauth/callback?code=c${s}&state=${s}`;

describe('deep links from the three entry points', () => {
  it('macOS: open-url, registered in will-finish-launching, held until ready', () => {
    const { app, queue, delivered } = wire();
    app.emit('will-finish-launching');
    let prevented = false;
    app.emit('open-url', { preventDefault: () => (prevented = true) }, cb('mac'));
    expect(prevented).toBe(true);
    expect(delivered).toEqual([]);
    queue.markReady();
    expect(delivered).toEqual([{ kind: 'oauth-callback', url: cb('mac') }]);
  });

  it('Windows and Linux: a second launch hands its argv to the running app', () => {
    const { app, queue, delivered, focused } = wire();
    queue.markReady();
    app.emit(
      'second-instance',
      {},
      ['C:\\Token Tray.exe', '--allow-file-access-from-files', cb('win'), '--original-process-start-time=1'],
      'C:\\',
    );
    expect(delivered).toEqual([{ kind: 'oauth-callback', url: cb('win') }]);
    expect(focused()).toBe(0);
  });

  it('a double-clicked setup file arrives the same three ways: open-file, a second launch, the first argv', () => {
    const { app, queue, delivered, focused } = wire(['C:\\Token Tray.exe', 'C:\\Users\\jane\\Acme.pmtokentray']);
    app.emit('will-finish-launching');
    app.emit('open-file', { preventDefault: () => undefined }, '/Users/jane/Downloads/Acme.PMTOKENTRAY');
    queue.markReady();
    app.emit(
      'second-instance',
      {},
      ['/usr/bin/token-tray', '--no-sandbox', '"/home/jane/Acme Staging.pmtokentray"'],
      '/',
    );
    expect(delivered).toEqual([
      { kind: 'setup-file', path: 'C:\\Users\\jane\\Acme.pmtokentray' },
      { kind: 'setup-file', path: '/Users/jane/Downloads/Acme.PMTOKENTRAY' },
      { kind: 'setup-file', path: '/home/jane/Acme Staging.pmtokentray' },
    ]);
    // A launch that brought a file does not also just focus the window.
    expect(focused()).toBe(0);
  });

  it('a second launch without a link just focuses the app', () => {
    const { app, queue, delivered, focused } = wire();
    queue.markReady();
    app.emit('second-instance', {}, ['/usr/bin/token-tray', '--no-sandbox'], '/home/jane');
    expect(delivered).toEqual([]);
    expect(focused()).toBe(1);
  });

  it('first launch: a link in argv waits for ready (development form with the app path)', () => {
    const { queue, delivered } = wire(['/usr/lib/electron/electron', '/work/app', cb('first')]);
    expect(queue.size).toBe(1);
    expect(delivered).toEqual([]);
    queue.markReady();
    expect(delivered).toEqual([{ kind: 'oauth-callback', url: cb('first') }]);
  });

  it('open-url is not listened to before will-finish-launching', () => {
    const { app, queue, delivered } = wire();
    expect(app.listenerCount('open-url')).toBe(0);
    app.emit('will-finish-launching');
    expect(app.listenerCount('open-url')).toBe(1);
    queue.markReady();
    expect(delivered).toEqual([]);
  });
});
