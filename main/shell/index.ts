/**
 * The composition root of the tray app: wiring only. Order matters: the
 * single-instance lock and the deep-link listeners come before `ready`.
 */
import { join } from 'node:path';
import { app, dialog, net, powerMonitor, session, shell } from 'electron';
import type { AppEvent } from '../contract/ipc';
import { createHistoryStore } from '../desktop';
import { createLogger } from '../core';
import { createPreferencesStore } from '../desktop';
import {
  clipboardClearSeconds,
  createTokenEngine,
  DEFAULT_SIGN_IN_TIMEOUT_MS,
  isServerAllowed,
  isServerListed,
  isSignInKindAllowed,
  keychainService,
  readPolicies,
  watchPolicyStores,
} from '../core';
import {
  applyOrganizationProfiles,
  createAppLanguage,
  saveChosenFile,
  startOrganizationPolicies,
  watchLanguage,
} from '../desktop';
import { english, supportedLocale } from '../i18n';
import { createIpcHandlers } from '../ipc/handlers';
import { isWebUrl } from '../ipc/web-url';
import { coalesce, createAppActions, createRenewalScheduler, createSessionNotices, type AppActions } from '../desktop';
import { createSignInTracker, createUpdateController, describeUpdate, updateSupport } from '../desktop';
import type { UpdateController } from '../desktop';
import { manageLifecycle, registerUrlScheme, setDockVisible, takeSingleInstanceLock } from './app-lifecycle';
import { registerAppSchemePrivileges, serveRenderer } from './app-protocol';
import { createAppClipboard } from './clipboard';
import { wireDeepLinks } from '../desktop';
import { pushEvent, registerIpcHandlers } from './ipc';
import { setUpLogging } from './logging';
import { notify } from './notifications';
import { createPreferencesEffects } from './preferences-effects';
import { createAppSecretStore } from './secret-store';
import { createCopyShortcut } from './shortcut';
import { appFiles } from '../desktop';
import { bundledPmtoken, installPmtokenCommand, osascriptRunner } from '../desktop';
import { e2eMode, installTestHooks } from './test-hooks';
import { createAppTray } from './tray';
import { smokeOptions, startSmokeRun, type SmokeRun } from './smoke-test';
import { createElectronUpdaterPort, gatherUpdateFacts } from './updater';
import { createWindowManager, type WindowManager } from './window';

const configDirOverride = process.env.PMTOKEN_CONFIG_DIR?.trim();
if (configDirOverride) app.setPath('userData', configDirOverride);
registerAppSchemePrivileges();

if (takeSingleInstanceLock()) {
  let actions: AppActions | null = null;
  let windows: WindowManager | null = null;
  const deepLinks = wireDeepLinks(app, process.argv, {
    deliver: (route) => actions?.onDeepLink(route),
    onSecondInstance: () => windows?.show(),
  });
  registerUrlScheme();
  void app
    .whenReady()
    .then(async () => {
      setDockVisible(false);
      const userData = app.getPath('userData');
      const sink = setUpLogging(userData, !app.isPackaged);
      const files = appFiles(__dirname, app.getAppPath());
      serveRenderer(session.defaultSession, files.rendererDir);
      // Read alongside the keychain's start (reg query and plutil are separate processes).
      const policiesRead = readPolicies();
      const secrets = await createAppSecretStore(keychainService(), userData, sink);
      sink.info(`Token Tray ${app.getVersion()} started; secrets kept in the ${secrets.kind}.`);
      // The organisation's policies: read at start, when IT changes them (the policy folder on macOS and
      // Linux, every few minutes on Windows) and after waking; one that cannot be read is left out, and said.
      const policies = await startOrganizationPolicies(
        policiesRead,
        { read: () => readPolicies(), watch: watchPolicyStores },
        sink,
      );
      powerMonitor.on('resume', () => void policies.reread());
      // The organisation's Defaults: what the person starts with and may change.
      const preferences = createPreferencesStore(userData, { provisioned: () => policies.values().Defaults });
      // The language: the person's choice, the organisation's, the system's (read again at each use).
      const language = createAppLanguage({
        choice: () => preferences.get().language,
        policy: () => policies.values().Language,
        preferred: () => app.getPreferredSystemLanguages(),
        env: process.env,
      });
      const say = () => language.current();
      const openedUrls: string[] = [];
      if (policies.problems().length > 0) {
        notify(say().t('app.notify.policy_problem'), say().t('app.notify.policy_problem.body'));
      }
      // The person's delay, capped by the organisation's ClipboardClearMaxSeconds.
      const clipboard = createAppClipboard(
        () => clipboardClearSeconds(policies.values(), preferences.get().clipboardClearSeconds),
        say,
      );
      const engine = createTokenEngine({
        say,
        isServerAllowed: (url) => isServerAllowed(policies.values(), url),
        isServerListed: (url) => isServerListed(policies.values(), url),
        isSignInKindAllowed: (grant) => isSignInKindAllowed(policies.values(), grant),
        allowUserProfiles: () => policies.values().AllowUserProfiles !== false,
        fetch: (input, init) => net.fetch(input, init),
        secrets,
        configDir: userData,
        log: createLogger(sink),
        openBrowser: async (url) => {
          if (!isWebUrl(url)) return;
          if (e2eMode) openedUrls.push(url);
          else await shell.openExternal(url);
        },
      });
      // AutoUpdate: false in the organisation's policy turns updates off (as the environment variable does).
      const autoUpdate = policies.values().AutoUpdate;
      const updateFacts = gatherUpdateFacts(autoUpdate === undefined ? undefined : { updates: autoUpdate });
      const smokeRun = smokeOptions(process.argv);
      let smoke: SmokeRun | null = null;
      const win = createWindowManager({
        preload: files.preload,
        setDockVisible,
        onCreated: (w) => smoke?.windowCreated(w),
      });
      if (smokeRun) smoke = startSmokeRun(smokeRun.reportPath, () => win.show(), smokeRun.idleMs);
      windows = win;
      const emit = (event: AppEvent) => pushEvent(win.contents(), event);
      const logRefusal = (channel: string, reason: string) => sink.warn(`IPC ${channel} refused: ${reason}`);
      let updates: UpdateController | null = null;
      const handlers = createIpcHandlers({
        engine,
        clipboard,
        history: createHistoryStore(userData),
        preferences,
        openExternal: (url) => shell.openExternal(url),
        // The packaged app's pmtoken (extraResources), linked with macOS's administrator prompt.
        ...(process.platform === 'darwin'
          ? {
              installPmtokenCommand: () =>
                installPmtokenCommand(bundledPmtoken(process.resourcesPath), osascriptRunner()),
            }
          : {}),
        saveFile: (suggestedName, content) =>
          saveChosenFile(content, async () => {
            const parent = win.window();
            const options = {
              defaultPath: join(app.getPath('documents'), suggestedName),
              filters: [{ name: say().t('app.save.setupFiles'), extensions: ['pmtokentray'] }],
            };
            const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
            return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
          }),
        appInfo: {
          version: app.getVersion(),
          platform: process.platform,
          secretStorage: secrets.kind,
          // The "How your administrator sets this up" link exists only when the organisation set one.
          adminHelpUrl: policies.values().HelpUrl ?? null,
        },
        organization: () => ({
          name: policies.values().OrganizationName ?? null,
          allowUserProfiles: policies.values().AllowUserProfiles !== false,
          clipboardClearMaxSeconds: policies.values().ClipboardClearMaxSeconds ?? null,
          language: supportedLocale(policies.values().Language) ?? null,
        }),
        emit,
        translator: say,
        updates: () => updates,
        onUnexpectedError: (channel, err) =>
          sink.error(`${channel} failed: ${err instanceof Error ? err.message : String(err)}`),
        onRefused: logRefusal,
      });
      registerIpcHandlers(handlers, () => win.contents(), logRefusal);
      const timers = { setTimeout, clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
      const signIns = createSignInTracker(timers, DEFAULT_SIGN_IN_TIMEOUT_MS);
      const appActions = createAppActions({
        engine,
        clipboard,
        showWindow: (view) => win.show(view),
        windowVisible: () => win.isVisible(),
        notify,
        quit: () => app.quit(),
        restartToInstall: () => void updates?.restartToInstall(),
        log: sink,
        say,
      });
      actions = appActions;
      app.on('activate', () => win.show());
      const tray = createAppTray(files.trayAssetsDir, appActions.onMenu, () => win.show(), say);
      let trayUpdated: Promise<void> = Promise.resolve();
      // Events that come together (a sign-in, a refresh) rebuild the menu once.
      const refreshTray = coalesce(() => {
        trayUpdated = engine
          .listProfiles()
          .then(tray.update, (err: unknown) => sink.error(`Tray update failed: ${String(err)}`));
      });
      const sessionNotices = createSessionNotices({
        engine,
        notify,
        signIn: (profileId) => appActions.onMenu({ kind: 'sign-in', profileId }),
        say,
      });
      const renewals = createRenewalScheduler({
        engine,
        timers,
        now: Date.now,
        onSessionEnded: (profileId) => sessionNotices.sessionEnded(profileId),
        log: sink,
      });
      // A sign-in, a refresh or a change of profiles moves the next renewal: plan once per burst.
      const replanRenewals = coalesce(() => void renewals.replan());
      powerMonitor.on('resume', () => void renewals.resumed());
      engine.onEvent((event) => {
        signIns.observe(event);
        sessionNotices.observe(event);
        emit(event);
        refreshTray();
        if (event.type !== 'sign-in-progress') replanRenewals();
      });
      refreshTray();
      replanRenewals();
      if (smoke) void trayUpdated.then(() => smoke?.trayReady());
      const support = updateSupport(await updateFacts);
      sink.info(support.enabled ? 'Updates: on.' : `Updates: off (${english.t(support.message)})`);
      updates = createUpdateController({
        support,
        createPort: () => createElectronUpdaterPort(sink),
        signIns,
        timers,
        now: Date.now,
      });
      updates.onChange((state) => {
        tray.setUpdateItem(describeUpdate(state, say()).menu);
        emit({ type: 'update-changed' });
      });
      updates.start();
      const shortcut = createCopyShortcut(() => appActions.copyActiveToken());
      const applyPreferences = createPreferencesEffects(shortcut, notify, sink, say);
      applyPreferences(preferences.get());
      preferences.onChange(applyPreferences);
      // A new language (chosen in Settings, or the organisation's after a new reading) reaches the tray and the window at once.
      const languageMaybeChanged = watchLanguage(
        () => say().locale,
        () => {
          refreshTray();
          tray.setUpdateItem(updates ? describeUpdate(updates.state(), say()).menu : null);
          emit({ type: 'locale-changed' });
        },
      );
      preferences.onChange(languageMaybeChanged);
      // The organisation's profiles (the Profiles policy): made to match at start and after each new reading.
      void applyOrganizationProfiles(engine, policies, sink);
      policies.onRead(() => {
        languageMaybeChanged();
        void applyOrganizationProfiles(engine, policies, sink);
      });
      manageLifecycle(async () => {
        policies.dispose();
        win.allowClose();
        renewals.dispose();
        updates?.dispose();
        signIns.dispose();
        shortcut.dispose();
        await clipboard.dispose();
        tray.destroy();
        await engine.dispose();
      });
      if (e2eMode) {
        installTestHooks({
          trayMenu: () => tray.snapshot().menu,
          trayTooltip: () => tray.snapshot().tooltip,
          clickMenu: (id) => tray.click(id),
          openedUrls,
          // A coalesced rebuild starts on the next turn; wait for it, then for the rebuild.
          settled: () => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => trayUpdated),
        });
      }
      deepLinks.markReady();
    })
    .catch((err: unknown) => {
      // Nothing else can show it yet: no window, no tray.
      console.error(err);
      // The language is the system's here: the preferences may be what failed.
      const say = createAppLanguage({
        choice: () => 'system',
        policy: () => undefined,
        preferred: () => app.getPreferredSystemLanguages(),
        env: process.env,
      }).current();
      dialog.showErrorBox(say.t('app.notify.start_failed'), say.t('app.notify.start_failed.body'));
      app.exit(1);
    });
}
