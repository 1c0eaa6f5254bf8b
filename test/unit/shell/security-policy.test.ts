import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset, contentTypeFor } from '../../../main/shell/app-asset-path';
import {
  APP_INDEX_URL,
  contentSecurityPolicy,
  decideWindowOpen,
  isAllowedNavigation,
  isTrustedSender,
  windowSecurityOptions,
  withCspHeader,
} from '../../../main/shell/security-policy';

describe('window security options', () => {
  it('isolates and sandboxes the page without Node', () => {
    const prefs = windowSecurityOptions('/app/dist/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('sends the strict CSP and replaces any other', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] });
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe');
  });
});

describe('IPC sender check', () => {
  const windowId = 7;
  it('trusts only our window main frame showing our page', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: APP_INDEX_URL, isMainFrame: true }, windowId)).toBe(true);
  });

  it.each([
    ['another webContents', { webContentsId: 8, frameUrl: APP_INDEX_URL, isMainFrame: true }],
    ['an iframe', { webContentsId: 7, frameUrl: APP_INDEX_URL, isMainFrame: false }],
    ['a page from the web', { webContentsId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a local file', { webContentsId: 7, frameUrl: 'file:///tmp/index.html', isMainFrame: true }],
    ['a look-alike host', { webContentsId: 7, frameUrl: 'app://token-tray.evil/index.html', isMainFrame: true }],
    ['a destroyed frame', { webContentsId: 7, frameUrl: null, isMainFrame: true }],
  ])('rejects %s', (_name, sender) => {
    expect(isTrustedSender(sender, windowId)).toBe(false);
  });

  it('rejects everyone when there is no window', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: APP_INDEX_URL, isMainFrame: true }, null)).toBe(false);
  });
});

describe('links and navigation', () => {
  it('denies every new window, sending only http(s) links to the browser', () => {
    expect(decideWindowOpen('https://docs.example/help')).toEqual({
      action: 'deny',
      openExternally: 'https://docs.example/help',
    });
    expect(decideWindowOpen('http://127.0.0.1:8080/')).toEqual({
      action: 'deny',
      openExternally: 'http://127.0.0.1:8080/',
    });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'pmtokentray://open',
      'not a url',
    ]) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
    }
  });

  it('blocks navigation away from our page', () => {
    expect(isAllowedNavigation(APP_INDEX_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_INDEX_URL}#/console`)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/')).toBe(false);
    expect(isAllowedNavigation('app://token-tray/other.html')).toBe(false);
  });
});

describe('serving the renderer from app://', () => {
  const root = join('/opt', 'token-tray', 'renderer');
  it('maps our URLs to files in the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://token-tray/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://token-tray/assets/main-abc.js')).toBe(join(root, 'assets', 'main-abc.js'));
  });

  it('keeps dot segments inside the folder (the URL parser folds them away)', () => {
    expect(resolveAppAsset(root, 'app://token-tray/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppAsset(root, 'app://token-tray/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });

  it('refuses encoded separators that would leave the folder, and foreign hosts', () => {
    for (const url of [
      'app://token-tray/..%2fconfig.json',
      'app://token-tray/..%5c..%5cconfig.json',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://token-tray/a%00b',
    ]) {
      expect(resolveAppAsset(root, url)).toBeNull();
    }
  });

  it('serves scripts and styles with their content types', () => {
    expect(contentTypeFor('x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('x/main.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('x/index.css')).toMatch(/^text\/css/);
  });
});
