/**
 * Catches `pmtokentray://` links from all three entry points and feeds them
 * to one in-memory queue: macOS `open-url` (registered in
 * `will-finish-launching`, so a link that launched the app is not missed),
 * the argv of a second launch (Windows, Linux) and the first launch's argv.
 * Takes an app-like event port, so it is tested without Electron.
 */
import {
  createDeepLinkQueue,
  extractCallbackUrls,
  extractSetupFiles,
  type DeepLinkQueue,
  type DeepLinkRoute,
} from './deep-link-router';

/** The slice of Electron's `app` this module listens to. */
export interface DeepLinkAppPort {
  on(event: 'will-finish-launching', listener: () => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/** What to do with the links and with a second launch. */
export interface DeepLinkHandlers {
  /** A link that routes somewhere, once the app is ready. */
  deliver(route: Exclude<DeepLinkRoute, { kind: 'ignored' }>): void;
  /** Someone launched the app again: bring the window forward. */
  onSecondInstance(): void;
}

/** Wires the entry points; call before `ready`. Call `markReady()` on the result once core is up. */
export function wireDeepLinks(
  app: DeepLinkAppPort,
  firstArgv: readonly string[],
  handlers: DeepLinkHandlers,
): DeepLinkQueue {
  const queue = createDeepLinkQueue(handlers.deliver);
  app.on('will-finish-launching', () => {
    app.on('open-url', (event, url) => {
      event.preventDefault();
      queue.push(url);
    });
    // macOS: a double-clicked setup file (electron-builder's fileAssociations).
    app.on('open-file', (event, path) => {
      event.preventDefault();
      queue.pushFile(path);
    });
  });
  app.on('second-instance', (_event, argv) => {
    const urls = extractCallbackUrls(argv);
    const files = extractSetupFiles(argv);
    for (const url of urls) queue.push(url);
    for (const path of files) queue.pushFile(path);
    // A callback brings its own window forward once handled; a bare relaunch focuses now.
    if (urls.length === 0 && files.length === 0) handlers.onSecondInstance();
  });
  for (const url of extractCallbackUrls(firstArgv)) queue.push(url);
  for (const path of extractSetupFiles(firstArgv)) queue.pushFile(path);
  return queue;
}
