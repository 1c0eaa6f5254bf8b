/**
 * Runs the built window in Debian's Chromium with `window.tokenTray` bound to
 * the REAL main-side handlers (createIpcHandlers) over the real engine, the
 * real keyring and pm-server. Every UI test uses this; the benchmark can use
 * {@link timeToFirstInput}.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppEvent, AppInfo, OrganizationFacts } from '../../main/contract/ipc';
import { channelNames } from '../../main/contract/ipc';
import { createTokenEngine } from '../../main/core';
import type { TokenEngine } from '../../main/core/model';
import { createHistoryStore, type UpdateController } from '../../main/desktop';
import { createKeytarSecretStore } from '../../main/core/tokens';
import { createAppLanguage, createPreferencesStore } from '../../main/desktop';
import { createSecretClipboard, type ClipboardPort } from '../../main/desktop';
import { createIpcHandlers, type IpcHandlers } from '../../main/ipc/handlers';
import { startPmServer, type PmServer, type StartOptions } from '../server';
import { installBridge, emitToPage } from './bridge';
import { buildRenderer, serveStatic, type StaticServer } from './static-server';

export { chromiumArgs, launchChromium } from '../support/chromium';

/** The built renderer, served; share one per test file. */
export interface RendererSite {
  url: string;
  close(): Promise<void>;
}

/** Builds the renderer (Vite JS API) and serves it with the CSP header. */
export async function startRendererSite(): Promise<RendererSite> {
  const built = await buildRenderer();
  const server: StaticServer = await serveStatic(built.dir);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      built.remove();
    },
  };
}

/** An in-memory clipboard port: what main would put on the system clipboard. */
export interface MemoryClipboard extends ClipboardPort {
  text: string;
}

/** Everything a UI test touches. */
export interface UiApp {
  page: Page;
  context: BrowserContext;
  pm: PmServer;
  engine: TokenEngine;
  handlers: IpcHandlers;
  /** The app's settings folder (config.json and the lock files). */
  configDir: string;
  clipboard: MemoryClipboard;
  /** Files saved through the save dialog (the person chose a place each time). */
  savedFiles: Array<{ name: string; content: string }>;
  /** URLs the engine asked the system browser to open, and links opened with openExternal. */
  browserOpened: string[];
  externalOpened: string[];
  /** Replaces what happens when the engine opens the system browser (default: only recorded). */
  onOpenBrowser(handler: (url: string) => Promise<void>): void;
  events: AppEvent[];
  /** Console messages about Content-Security-Policy violations (must stay empty). */
  cspViolations: string[];
  /** Loads (or reloads) the window. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Admin help link the tests pass in appInfo (as an organisation's policy would; the shell passes none yet). */
export const adminHelpUrl = 'https://help.example.test/token-tray/administrators';

/** Options for {@link startUiApp}. */
export interface UiAppOptions {
  pm?: StartOptions;
  /** A pm-server another app of the same test already runs (a colleague's computer): not closed with this app. */
  server?: PmServer;
  colorScheme?: 'light' | 'dark';
  secretStorage?: AppInfo['secretStorage'];
  /** Default {@link adminHelpUrl}; null as when no help address is set. */
  adminHelpUrl?: string | null;
  /** False: opening the system browser fails, as on a computer with no default browser. */
  browserOpens?: boolean;
  /** The updater Settings talks to (a real controller over a scripted port); default none, as in development. */
  updates?: UpdateController;
  /** The system's preferred languages (as Electron's getPreferredSystemLanguages); default none, so English. */
  systemLanguages?: string[];
  /** The organisation's policies as the shell hands them over (default: none). */
  organization?: Partial<OrganizationFacts>;
  /** The organisation's Defaults policy: preferences people start with. */
  defaults?: Record<string, unknown>;
  /** The system appInfo names (default this one's), e.g. darwin for what only macOS shows. */
  platform?: string;
  /** Settings › Install the pmtoken command, as the shell wires it on macOS (default: not offered). */
  installPmtokenCommand?: () => Promise<'installed' | 'cancelled'>;
  /** The organisation's AllowedServers policy, as the shell hands it to the engine (default: none). */
  isServerAllowed?: (instanceUrl: string) => boolean;
  /** The network gives up on a request after this long (default: never, so the engine's own 30 s limit). */
  networkTimeoutMs?: number;
}

/** Starts pm-server, the engine and handlers over a temp config folder, and a page bound to them. */
export async function startUiApp(browser: Browser, site: RendererSite, options: UiAppOptions = {}): Promise<UiApp> {
  const pm = options.server ?? (await startPmServer(options.pm ?? {}));
  const configDir = mkdtempSync(join(tmpdir(), 'token-tray-ui-'));
  mkdirSync(configDir, { recursive: true });
  const browserOpened: string[] = [];
  const externalOpened: string[] = [];
  const savedFiles: Array<{ name: string; content: string }> = [];
  let openHandler: (url: string) => Promise<void> = async () => undefined;
  const secrets = createKeytarSecretStore(`Token Tray UI test ${randomBytes(4).toString('hex')}`);
  const { networkTimeoutMs } = options;
  const engine = createTokenEngine({
    fetch: (input, init) =>
      fetch(
        input,
        networkTimeoutMs === undefined
          ? init
          : {
              ...init,
              signal: AbortSignal.any([AbortSignal.timeout(networkTimeoutMs), ...(init?.signal ? [init.signal] : [])]),
            },
      ),
    ...(options.isServerAllowed ? { isServerAllowed: options.isServerAllowed } : {}),
    secrets,
    configDir,
    ...(options.organization?.allowUserProfiles === false ? { allowUserProfiles: () => false } : {}),
    openBrowser: async (url) => {
      if (options.browserOpens === false) throw new Error('xdg-open: no method available for opening');
      browserOpened.push(url);
      // Like a real browser: opening returns at once; the person signs in later.
      void openHandler(url).catch(() => undefined);
    },
  });
  const clipboard: MemoryClipboard = {
    text: '',
    writeText(text) {
      this.text = text;
    },
    readText() {
      return this.text;
    },
  };
  const preferences = createPreferencesStore(configDir, { provisioned: () => options.defaults });
  // Main's language, as the shell makes it: the Settings choice, then the system's.
  const language = createAppLanguage({
    choice: () => preferences.get().language,
    policy: () => undefined,
    preferred: () => options.systemLanguages ?? [],
    env: {},
  });
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 860 },
  });
  const page = await context.newPage();
  const events: AppEvent[] = [];
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const push = (event: AppEvent): void => {
    events.push(event);
    void emitToPage(page, event);
  };
  const handlers = createIpcHandlers({
    engine,
    clipboard: createSecretClipboard(clipboard, { clearAfterSeconds: () => preferences.get().clipboardClearSeconds }),
    history: createHistoryStore(configDir),
    preferences,
    openExternal: async (url) => void externalOpened.push(url),
    ...(options.installPmtokenCommand ? { installPmtokenCommand: options.installPmtokenCommand } : {}),
    saveFile: async (name, content) => {
      savedFiles.push({ name, content });
      return true;
    },
    appInfo: {
      version: '0.1.0-test',
      platform: options.platform ?? process.platform,
      secretStorage: options.secretStorage ?? secrets.kind,
      adminHelpUrl: options.adminHelpUrl === undefined ? adminHelpUrl : options.adminHelpUrl,
    },
    emit: push,
    organization: () => ({
      name: null,
      allowUserProfiles: true,
      clipboardClearMaxSeconds: null,
      language: null,
      ...options.organization,
    }),
    translator: () => language.current(),
    updates: () => options.updates ?? null,
  });
  let spoken = language.current().locale;
  preferences.onChange(() => {
    if (language.current().locale === spoken) return;
    spoken = language.current().locale;
    push({ type: 'locale-changed' });
  });
  const offEngine = engine.onEvent(push);
  options.updates?.onChange(() => push({ type: 'update-changed' }));
  await installBridge(page, handlers, channelNames);
  return {
    page,
    context,
    pm,
    engine,
    handlers,
    configDir,
    clipboard,
    browserOpened,
    externalOpened,
    savedFiles,
    events,
    cspViolations,
    onOpenBrowser: (handler) => void (openHandler = handler),
    open: async () => {
      await page.goto(site.url);
      await page.waitForSelector('html[data-ready="true"], main h1');
    },
    close: async () => {
      offEngine();
      await context.close();
      await engine.dispose();
      if (!options.server) await pm.close().catch(() => undefined);
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/**
 * Navigates and measures, in the page's own clock, how many milliseconds after
 * navigation start the first input, select, textarea or button in <main> can
 * take focus. For `npm run bench`; tests never assert on it.
 */
export async function timeToFirstInput(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>(
        'main input:not([type=hidden]):not([disabled]), main select, main textarea, main button:not([disabled])',
      );
      if (!el) return false;
      el.focus();
      return document.activeElement === el ? performance.now() : false;
    },
    undefined,
    { polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}
