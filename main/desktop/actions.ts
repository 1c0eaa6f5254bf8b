/**
 * What tray clicks, the copy shortcut and deep links do. Failures become a
 * notification in the app's language (the error's sentence and next step).
 */
import type { AppEvent, CopyFormat } from '../contract/ipc';
import type { DeepLinkRoute } from './deep-link-router';
import type { TokenEngine } from '../core';
import { CONNECTION_ERROR_CODES, formatToken, isErrorCode, readSetupFile, TokenTrayError, toUserError } from '../core';
import type { LogSink } from '../core';
import type { SecretClipboard } from './secret-clipboard';
import type { MenuAction } from './tray-menu';
import { english, type MessageKey, type MessageValues, type Translator } from '../i18n';

/** What the actions act on. */
export interface ActionDeps {
  engine: TokenEngine;
  clipboard: SecretClipboard;
  showWindow(view?: Extract<AppEvent, { type: 'show' }>): void;
  /** True when the window exists and is visible (a finished browser sign-in brings it back). */
  windowVisible(): boolean;
  notify(title: string, body: string): void;
  quit(): void;
  /** "Update ready: restart to install" (the updater decides whether it may restart now). */
  restartToInstall?(): void;
  log: LogSink;
  /** The language notifications are written in (English by default). */
  say?: () => Translator;
  /** Epoch ms (Date.now by default; the engine's clock in tests). */
  now?: () => number;
}

/** The app's actions. */
export interface AppActions {
  onMenu(action: MenuAction): void;
  /** The global shortcut: copy the active profile's token. */
  copyActiveToken(): void;
  onDeepLink(route: Exclude<DeepLinkRoute, { kind: 'ignored' }>): void;
}

/** Builds the {@link AppActions}. */
export function createAppActions(deps: ActionDeps): AppActions {
  const { engine } = deps;
  const say = (): Translator => deps.say?.() ?? english;
  const expired = (expiresAt: number | null): boolean => expiresAt !== null && expiresAt <= (deps.now ?? Date.now)();
  const notify = (title: MessageKey, body: MessageKey, values?: MessageValues) =>
    deps.notify(say().t(title), say().t(body, values));

  /** A failure as a notification: what did not happen, then the error's sentence and next step. */
  const tell = (title: MessageKey, err: unknown) => {
    const e = toUserError(err);
    if (e.code === 'internal') deps.log.error(`${title}: ${err instanceof Error ? err.message : String(err)}`);
    const words = say();
    const sentence = words.t(e.key, e.params);
    deps.notify(words.t(title), e.nextKey ? `${sentence} ${words.t(e.nextKey, e.params)}` : sentence);
  };

  async function copy(profileId: string, format: CopyFormat): Promise<void> {
    try {
      // freshToken refreshes first when the token is close to expiry.
      await deps.clipboard.copySecret(formatToken(await engine.freshToken(profileId), format));
    } catch (err) {
      // The token has ended and no new one can be had: say that, not only that the server is out of reach.
      const ended = isErrorCode(err, ...CONNECTION_ERROR_CODES)
        ? await engine.getProfile(profileId).then(
            (p) => (p.status.state === 'signed_in' && expired(p.status.expiresAt) ? p : null),
            () => null,
          )
        : null;
      if (ended) notify('app.notify.copy_failed', 'app.notify.copy_failed.offline', { profile: ended.name });
      else tell('app.notify.copy_failed', err);
    }
  }

  async function signIn(profileId: string): Promise<void> {
    try {
      const profile = await engine.getProfile(profileId);
      if (profile.grant !== 'authorization_code') {
        deps.showWindow({ type: 'show', view: 'token', profileId });
        return;
      }
      const pending = await engine.startBrowserSignIn(profileId);
      if (!pending.browserOpened) {
        // The tray has nowhere to show the link: the window does, with a Copy button.
        engine.cancelSignIn(pending.flowId);
        deps.showWindow({ type: 'show', view: 'token', profileId });
        notify('app.notify.no_browser', 'app.notify.no_browser.body');
        return;
      }
      const done = await engine.waitForSignIn(pending.flowId);
      const user = done.status.state === 'signed_in' ? done.status.user : undefined;
      if (user) notify('app.notify.signed_in', 'app.notify.signed_in.as', { profile: done.name, user: user.name });
      else notify('app.notify.signed_in', 'app.notify.signed_in.body', { profile: done.name });
    } catch (err) {
      if (err instanceof TokenTrayError && err.code === 'sign_in_cancelled') return;
      tell('app.notify.sign_in_failed', err);
    }
  }

  async function signOut(profileId: string): Promise<void> {
    try {
      const { note } = await engine.signOut(profileId);
      if (note) notify('app.notify.signed_out', note);
    } catch (err) {
      tell('app.notify.sign_out_failed', err);
    }
  }

  return {
    onMenu(action) {
      switch (action.kind) {
        case 'copy-token':
          return void copy(action.profileId, action.format);
        case 'sign-in':
          return void signIn(action.profileId);
        case 'sign-out':
          return void signOut(action.profileId);
        case 'activate':
          return void engine
            .setActiveProfile(action.profileId)
            .catch((err: unknown) => tell('app.notify.switch_failed', err));
        case 'show-profile':
          return deps.showWindow({ type: 'show', view: 'token', profileId: action.profileId });
        case 'open':
          return deps.showWindow();
        case 'console':
          return deps.showWindow({ type: 'show', view: 'console' });
        case 'settings':
          return deps.showWindow({ type: 'show', view: 'settings' });
        case 'install-update':
          return deps.restartToInstall?.();
        case 'quit':
          return deps.quit();
      }
    },
    copyActiveToken() {
      void engine.activeProfile().then(
        (active) => (active ? copy(active.id, 'raw') : notify('app.notify.no_profile', 'app.notify.no_profile.body')),
        (err: unknown) => tell('app.notify.copy_failed', err),
      );
    },
    onDeepLink(route) {
      if (route.kind === 'open') return deps.showWindow();
      if (route.kind === 'setup' || route.kind === 'setup-file') {
        // Nothing changes until the person confirms in the window.
        const input = route.kind === 'setup' ? Promise.resolve(route.url) : readSetupFile(route.path);
        void input
          .then((text) => engine.previewSetup(text))
          .then(
            (setup) => deps.showWindow({ type: 'show', view: 'setup', setup }),
            (err: unknown) =>
              tell(route.kind === 'setup' ? 'app.notify.setup_link_bad' : 'app.notify.setup_file_bad', err),
          );
        return;
      }
      void engine.handleCallbackUrl(route.url).then(
        (matched) => {
          if (matched && deps.windowVisible()) deps.showWindow();
          if (!matched) {
            notify('app.notify.link_unknown', 'app.notify.link_unknown.body');
          }
        },
        (err: unknown) =>
          tell(isErrorCode(err, 'state_mismatch') ? 'app.notify.link_unknown' : 'app.notify.sign_in_failed', err),
      );
    },
  };
}
