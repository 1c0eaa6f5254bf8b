/**
 * Main's side of every IPC channel, without Electron: each handler takes its
 * arguments as `unknown`, validates them with the channel's zod tuple, calls
 * core, and answers with a {@link Result}. The shell registers these with
 * `ipcMain.handle`; the UI tests call them directly.
 */
import type { z } from 'zod';
import type { AppEvent, AppInfo, ChannelName, IpcChannels, OrganizationFacts, Result } from '../contract/ipc';
import { channelNames } from '../contract/ipc';
import { setupFileName, toCurl } from '../core';
import type { TokenEngine } from '../core';
import { TokenTrayError, toUserError } from '../core';
import { english, messagesFor, type Translator } from '../i18n';
import type { HistoryStore, UpdateController } from '../desktop';
import { noUpdaterState, updateStatus } from '../desktop';
import type { PreferencesStore } from '../desktop';
import type { SecretClipboard } from '../desktop';
import { formatToken } from '../core';
import { describeInvalidArgs } from './invalid-input';
import { argSchemas } from './schemas';
import { isWebUrl } from './web-url';

/** What the handlers need. */
export interface IpcHandlerDeps {
  engine: TokenEngine;
  clipboard: SecretClipboard;
  history: HistoryStore;
  preferences: PreferencesStore;
  /** Opens an http(s) URL in the system browser (Electron's shell.openExternal). */
  openExternal(url: string): Promise<void>;
  /**
   * Asks where to save a file (the system's save dialog, starting at `suggestedName`) and writes
   * `content` there; false when the person cancelled. Absent: saving files is not offered.
   */
  saveFile?(suggestedName: string, content: string): Promise<boolean>;
  /** Settings › Install the pmtoken command (macOS, main/desktop's installPmtokenCommand). Absent: not offered. */
  installPmtokenCommand?(): Promise<'installed' | 'cancelled'>;
  appInfo: Omit<AppInfo, 'organization'>;
  /** The organisation's policies as the window shows them, read at each call (they are read again after sleep). */
  organization?: () => OrganizationFacts;
  /** Pushes an event to the window. */
  emit(event: AppEvent): void;
  /**
   * The app's updater, once it exists (the shell makes it after the window's handlers); until then,
   * and where there is none, Settings says that this copy does not update itself.
   */
  updates?: () => UpdateController | null;
  /**
   * The window's language (main's choice), for what main words itself: the set-aside notes and the
   * names of details in a refused call. English by default. Errors carry their keys; the window says them.
   */
  translator?: () => Translator;
  /** Told about errors that were not TokenTrayErrors (they reach the window as `internal`). */
  onUnexpectedError?(channel: ChannelName, error: unknown): void;
  /** Called when a call is refused before it reaches core: the channel and why, never the arguments. */
  onRefused?(channel: ChannelName, reason: string): void;
}

/** One function per channel: unknown arguments in, a Result out. Never rejects. */
export type IpcHandlers = {
  [K in ChannelName]: (...args: unknown[]) => Promise<Result<ReturnType<IpcChannels[K]>>>;
};

type Impl<K extends ChannelName> = (...args: Parameters<IpcChannels[K]>) => Promise<ReturnType<IpcChannels[K]>>;
type Impls = { [K in ChannelName]: Impl<K> };

function implementations(deps: IpcHandlerDeps): Impls {
  const { engine, clipboard, history, preferences } = deps;
  const inFlight = new Map<string, AbortController>();
  /** The links of the browser sign-ins this window is waiting for, by flow. */
  const signInLinks = new Map<string, string>();

  const updates = (): UpdateController | null => deps.updates?.() ?? null;
  const say = (): Translator => deps.translator?.() ?? english;

  return {
    appInfo: async () => ({ ...deps.appInfo, organization: deps.organization?.() ?? noOrganization }),
    windowLocale: async () => {
      const current = say();
      return { locale: current.locale, formatLocale: current.formatLocale, messages: messagesFor(current.locale) };
    },
    listProfiles: () => engine.listProfiles(),
    setAsideNotes: async () =>
      (await engine.setAsideNotes()).map((note) => (note.key ? say().t(note.key, note.params) : note.reason)),
    previewSetup: (input) => engine.previewSetup(input),
    applySetup: (setupId, insecureConfirmed, clientSecret) =>
      engine.applySetup(setupId, { insecureConfirmed, ...(clientSecret !== null ? { clientSecret } : {}) }),
    // The window checks the Auth Client as it saves: a wrong secret is found now, not at sign-in.
    addProfile: (input) => engine.addProfile(input, { checkClient: true }),
    updateProfile: (id, patch) => engine.updateProfile(id, patch, { checkClient: true }),
    duplicateProfile: (id, name) => engine.duplicateProfile(id, name),
    removeProfile: async (id) => (await engine.removeProfile(id), null),
    setActiveProfile: async (id) => (await engine.setActiveProfile(id), null),
    checkInstance: (url, allowInsecure) => engine.checkInstance(url, { allowInsecure }),
    startBrowserSignIn: async (profileId, redirectMode) => {
      const pending = await engine.startBrowserSignIn(profileId, redirectMode ? { redirectMode } : {});
      signInLinks.set(pending.flowId, pending.authorizeUrl);
      return pending;
    },
    waitForSignIn: (flowId) => engine.waitForSignIn(flowId).finally(() => signInLinks.delete(flowId)),
    cancelSignIn: async (flowId) => {
      signInLinks.delete(flowId);
      engine.cancelSignIn(flowId);
      return null;
    },
    async copySetupLink(profileId, includeSecret) {
      const link = await engine.exportSetup(profileId, { format: 'link', includeSecret });
      if (includeSecret) return clipboard.copySecret(link);
      await clipboard.copyText(link);
      return { clearsInSeconds: 0 };
    },
    async saveSetupFile(profileId, includeSecret) {
      if (!deps.saveFile) throw new TokenTrayError('internal');
      const profile = await engine.getProfile(profileId);
      const text = await engine.exportSetup(profile.id, { format: 'file', includeSecret });
      return (await deps.saveFile(setupFileName(profile.name), text)) ? 'saved' : 'cancelled';
    },
    copySignInLink: async (flowId) => {
      const link = signInLinks.get(flowId);
      if (!link) throw new TokenTrayError('sign_in_failed', 'error.sign_in.link_ended');
      // The link holds no secret (PKCE keeps the verifier in main); it is not cleared like a token.
      await clipboard.copyText(link);
      return null;
    },
    signInWithPassword: (profileId, username, password) => engine.signInWithPassword(profileId, username, password),
    savePersonalAccessToken: (profileId, token) => engine.savePersonalAccessToken(profileId, token),
    refreshNow: (profileId) => engine.refreshNow(profileId),
    tokenDetails: (profileId) => engine.tokenDetails(profileId),
    revealToken: (profileId) => engine.freshToken(profileId),
    copyToken: async (profileId, format) =>
      clipboard.copySecret(formatToken(await engine.freshToken(profileId), format)),
    signOut: (profileId) => engine.signOut(profileId),
    whoami: (profileId) => engine.whoami(profileId),
    sendRequest: async (requestId, profileId, request) => {
      // A reused id cancels the older request: only one can be answered under that id.
      inFlight.get(requestId)?.abort();
      const controller = new AbortController();
      inFlight.set(requestId, controller);
      try {
        const response = await engine.request(profileId, request, controller.signal);
        await history.add({ profileId, request, status: response.status, durationMs: response.durationMs });
        return response;
      } catch (err) {
        // Failed requests are remembered too (to re-run them), but not a cancelled one.
        if (!controller.signal.aborted)
          await history.add({ profileId, request, status: null, durationMs: null }).catch(() => undefined);
        throw err;
      } finally {
        if (inFlight.get(requestId) === controller) inFlight.delete(requestId);
      }
    },
    cancelRequest: async (requestId) => (inFlight.get(requestId)?.abort(), null),
    apiEndpoints: (profileId, reload) => engine.apiEndpoints(profileId, { reload }),
    listHistory: (profileId, search) => history.list(profileId, search),
    clearHistory: async (profileId) => (await history.clear(profileId), null),
    copyCurl: async (profileId, request, withToken) => {
      const profile = await engine.getProfile(profileId);
      if (withToken) {
        await clipboard.copySecret(toCurl(profile.instanceUrl, request, await engine.freshToken(profileId)));
      } else {
        await clipboard.copyText(toCurl(profile.instanceUrl, request, null));
      }
      return null;
    },
    copyText: async (text) => (await clipboard.copyText(text), null),
    getPreferences: async () => preferences.get(),
    preferenceSources: async () => preferences.sources(),
    setPreferences: async (patch) => {
      const next = preferences.update(patch);
      deps.emit({ type: 'preferences-changed' });
      return next;
    },
    updateStatus: async () => updateStatus(updates()?.state() ?? noUpdaterState, say()),
    checkForUpdates: async () => {
      const updater = updates();
      updater?.checkNow();
      return updateStatus(updater?.state() ?? noUpdaterState, say());
    },
    restartToInstall: async () => updates()?.restartToInstall() ?? 'nothing-to-install',
    installPmtokenCommand: async () => {
      if (!deps.installPmtokenCommand) throw new TokenTrayError('internal', 'error.pmtoken_command.missing');
      return deps.installPmtokenCommand();
    },
    openExternal: async (url) => {
      if (!isWebUrl(url)) throw new TokenTrayError('invalid_input', 'error.open_link.not_web');
      await deps.openExternal(url);
      return null;
    },
  };
}

function wrap<K extends ChannelName>(
  name: K,
  impl: Impl<K>,
  deps: IpcHandlerDeps,
): (...args: unknown[]) => Promise<Result<ReturnType<IpcChannels[K]>>> {
  const schema = argSchemas[name] as unknown as z.ZodType<Parameters<IpcChannels[K]>>;
  return async (...args) => {
    const say = deps.translator?.() ?? english;
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      const { key, params } = describeInvalidArgs(name, args, parsed.error, say);
      // The reason is the zod issue codes and paths only: values may hold a password or a token.
      deps.onRefused?.(name, `invalid arguments (${refusalReason(parsed.error)})`);
      return { ok: false, error: toUserError(new TokenTrayError('invalid_input', key, { params })) };
    }
    try {
      return { ok: true, value: await impl(...parsed.data) };
    } catch (err) {
      if (!(err instanceof TokenTrayError)) deps.onUnexpectedError?.(name, err);
      return { ok: false, error: toUserError(err) };
    }
  };
}

/** No organisation policy: every profile is the person's to make, nothing is capped. */
const noOrganization: OrganizationFacts = {
  name: null,
  allowUserProfiles: true,
  clipboardClearMaxSeconds: null,
  language: null,
};

/** Builds every channel's handler over core. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const impls = implementations(deps);
  const entries = channelNames.map((name) => [name, wrap(name, impls[name] as Impl<typeof name>, deps)]);
  return Object.fromEntries(entries) as IpcHandlers;
}

/** Issue codes and argument paths of a refused call, e.g. `invalid_type at 1`: no values. */
function refusalReason(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.code} at ${issue.path.map(String).join('.') || 'arguments'}`)
    .join('; ');
}
