import { describe, expect, it } from 'vitest';
import {
  createDeepLinkQueue,
  extractCallbackUrls,
  maxQueuedLinks,
  routeDeepLink,
  type DeepLinkRoute,
} from '../../../main/desktop';

const callback = (state = 'st-1') => `pmtokentray://oauth/callback?code=c-${state}&state=${state}`;

describe('extracting deep links from a command line', () => {
  it('finds the URL after the executable on a first launch (Windows packaged)', () => {
    expect(extractCallbackUrls(['C:\\Program Files\\Token Tray\\Token Tray.exe', callback()])).toEqual([callback()]);
  });

  it('finds the URL anywhere among Chromium switches on a second launch (Windows)', () => {
    const argv = [
      'C:\\Token Tray.exe',
      '--allow-file-access-from-files',
      callback(),
      '--original-process-start-time=13370000',
    ];
    expect(extractCallbackUrls(argv)).toEqual([callback()]);
  });

  it('finds the URL in the development form (electron, app path, URL)', () => {
    expect(extractCallbackUrls(['/usr/bin/electron', '/work/app/dist/main/index.js', callback()])).toEqual([
      callback(),
    ]);
  });

  it('accepts the scheme in any letter case and strips stray quotes', () => {
    const url = 'PMTokenTray://oauth/callback?code=a&state=b';
    expect(extractCallbackUrls(['app.exe', `"${url}"`])).toEqual([url]);
  });

  it('ignores every other argument, including other schemes and look-alikes', () => {
    const argv = [
      'app',
      '--inspect',
      'https://evil.example/pmtokentray://oauth/callback',
      'xpmtokentray://x',
      '--url=pmtokentray://oauth/callback',
    ];
    expect(extractCallbackUrls(argv)).toEqual([]);
  });
});

describe('routing a deep link', () => {
  it('routes a sign-in callback with code and state', () => {
    expect(routeDeepLink(callback('abc'))).toEqual({ kind: 'oauth-callback', url: callback('abc') });
  });

  it('routes a cancelled sign-in (error=access_denied) to the waiting flow too', () => {
    const url = 'pmtokentray://oauth/callback?error=access_denied&state=s1';
    expect(routeDeepLink(url)).toEqual({ kind: 'oauth-callback', url });
  });

  it('routes a setup link to the setup parser (nothing is set up before the window confirms)', () => {
    const url = 'pmtokentray://setup?v=1&name=Acme&url=https%3A%2F%2Facme.processmaker.net&kind=password&client_id=2';
    expect(routeDeepLink(url)).toEqual({ kind: 'setup', url });
    expect(routeDeepLink(`"${url}"`)).toEqual({ kind: 'setup', url });
  });

  it('opens the app for a bare scheme link', () => {
    expect(routeDeepLink('pmtokentray://')).toEqual({ kind: 'open' });
    expect(routeDeepLink('pmtokentray://open')).toEqual({ kind: 'open' });
  });

  it.each([
    ['https://acme.example/oauth/callback?code=1&state=2', 'not-our-scheme'],
    ['pmtokentray://oauth/callback', 'malformed'],
    ['pmtokentray://settings/delete-everything', 'unknown-path'],
  ] as const)('ignores %s (%s)', (url, reason) => {
    expect(routeDeepLink(url)).toEqual({ kind: 'ignored', reason });
  });
});

describe('the deep-link queue', () => {
  function collect() {
    const delivered: DeepLinkRoute[] = [];
    return { delivered, queue: createDeepLinkQueue((r) => delivered.push(r)) };
  }

  it('holds links that arrive before the app is ready, then delivers them in order', () => {
    const { delivered, queue } = collect();
    queue.push(callback('one'));
    queue.push('pmtokentray://open');
    expect(delivered).toEqual([]);
    expect(queue.size).toBe(2);
    queue.markReady();
    expect(delivered).toEqual([{ kind: 'oauth-callback', url: callback('one') }, { kind: 'open' }]);
    expect(queue.size).toBe(0);
  });

  it('delivers at once after ready', () => {
    const { delivered, queue } = collect();
    queue.markReady();
    expect(queue.push(callback('two'))).toBe(true);
    expect(delivered).toEqual([{ kind: 'oauth-callback', url: callback('two') }]);
  });

  it('delivers the same launch URL once when macOS reports it twice', () => {
    const { delivered, queue } = collect();
    queue.push(callback('dup'));
    queue.push(callback('dup'));
    queue.markReady();
    expect(delivered).toHaveLength(1);
  });

  it('drops links that route nowhere', () => {
    const { delivered, queue } = collect();
    queue.markReady();
    expect(queue.push('pmtokentray://unknown')).toBe(false);
    expect(queue.push('--flag')).toBe(false);
    expect(delivered).toEqual([]);
  });

  it('holds at most a bounded number of links before ready', () => {
    const { delivered, queue } = collect();
    for (let i = 0; i < maxQueuedLinks + 5; i++) queue.push(callback(`s${i}`));
    expect(queue.size).toBe(maxQueuedLinks);
    queue.markReady();
    expect(delivered).toHaveLength(maxQueuedLinks);
  });
});
