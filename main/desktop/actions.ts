/**
 * What tray clicks, the copy shortcut and deep links do. Failures become a
 * notification in plain words (the error's sentence and next step).
 */
import type { AppEvent, CopyFormat } from '../contract/ipc';
import type { DeepLinkRoute } from './deep-link-router';
import type { TokenEngine } from '../core';
import { formatToken, isErrorCode, readSetupFile, TokenTrayError, toUserError } from '../core';
import type { LogSink } from '../core';
import type { SecretClipboard } from './secret-clipboard';
import type { MenuAction } from './tray-menu';

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

  const tell = (title: string, err: unknown) => {
    const e = toUserError(err);
    if (e.code === 'internal') deps.log.error(`${title}: ${err instanceof Error ? err.message : String(err)}`);
    deps.notify(title, e.nextStep ? `${e.message} ${e.nextStep}` : e.message);
  };

  async function copy(profileId: string, format: CopyFormat): Promise<void> {
    try {
      // freshToken refreshes first when the token is close to expiry.
      await deps.clipboard.copySecret(formatToken(await engine.freshToken(profileId), format));
    } catch (err) {
      tell('Could not copy the token', err);
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
        deps.notify(
          'Your browser did not open',
          'Click “Sign in with my browser” in the Token Tray window to copy the sign-in link.',
        );
        return;
      }
      const done = await engine.waitForSignIn(pending.flowId);
      deps.notify(
        'Signed in',
        `${done.name}: signed in${done.status.state === 'signed_in' && done.status.user ? ` as ${done.status.user.name}` : ''}.`,
      );
    } catch (err) {
      if (err instanceof TokenTrayError && err.code === 'sign_in_cancelled') return;
      tell('Sign-in did not finish', err);
    }
  }

  async function signOut(profileId: string): Promise<void> {
    try {
      const { note } = await engine.signOut(profileId);
      if (note) deps.notify('Signed out', note);
    } catch (err) {
      tell('Could not sign out', err);
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
            .catch((err: unknown) => tell('Could not switch profile', err));
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
        (active) =>
          active
            ? copy(active.id, 'raw')
            : deps.notify(
                'No profile yet',
                'There is no profile to copy a token from yet. Open Token Tray from the tray icon to set one up.',
              ),
        (err: unknown) => tell('Could not copy the token', err),
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
              tell(route.kind === 'setup' ? 'This setup link cannot be used' : 'This setup file cannot be used', err),
          );
        return;
      }
      void engine.handleCallbackUrl(route.url).then(
        (matched) => {
          if (matched && deps.windowVisible()) deps.showWindow();
          if (!matched) {
            deps.notify(
              'Sign-in link not recognised',
              'That sign-in link does not belong to a sign-in started here. Start the sign-in again from Token Tray.',
            );
          }
        },
        (err: unknown) =>
          tell(isErrorCode(err, 'state_mismatch') ? 'Sign-in link not recognised' : 'Sign-in did not finish', err),
      );
    },
  };
}
