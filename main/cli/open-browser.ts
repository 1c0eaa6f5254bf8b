/**
 * The CLI's `openBrowser` port: the platform's opener (`open`, `xdg-open`,
 * Windows' URL handler), or the command in `PMTOKEN_BROWSER`, which receives
 * the URL as its last argument (tests use it to drive the sign-in pages).
 */
import { spawn } from 'node:child_process';

function posixQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Starts the browser on `url`; resolves once the opener started (not when the page loaded). */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return Promise.reject(new Error('Only web addresses can be opened.'));
  const custom = env.PMTOKEN_BROWSER?.trim();
  const child = custom
    ? spawn(`${custom} ${process.platform === 'win32' ? `"${url}"` : posixQuote(url)}`, {
        shell: true,
        stdio: 'ignore',
        detached: true,
        env,
      })
    : process.platform === 'darwin'
      ? spawn('open', [url], { stdio: 'ignore', detached: true })
      : process.platform === 'win32'
        ? spawn('rundll32', ['url.dll,FileProtocolHandler', url], { stdio: 'ignore', detached: true })
        : spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
