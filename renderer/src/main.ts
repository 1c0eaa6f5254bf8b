/** Wiring: loads state, draws the header, routes between views and listens to main's events. */
import type { AppEvent, SetupPreview } from '../../main/contract/ipc';
import { bridge, call, toUserError } from './api';
import { noticeDialog } from './dialog';
import { h, replace, setProfileColor } from './dom';
import { setLocale, t } from './i18n';
import type { MessageKey } from '../../main/i18n';
import { editConnectionEvent, messageArea, showError } from './messages';
import {
  activeProfile,
  applyTheme,
  getState,
  rememberedTheme,
  reloadProfiles,
  setState,
  subscribe,
  type ViewName,
} from './state/store';
import { renderConsole } from './views/console';
import { renderProfiles } from './views/profiles';
import { renderSettings } from './views/settings';
import { renderManagedOnly, renderSetup } from './views/setup';
import { renderSetupConfirm } from './views/setup-confirm';
import { signInProgressEvent } from './views/sign-in-browser';
import { updateChangedEvent } from './views/settings-updates';
import { renderToken } from './views/token';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('app-nav') as HTMLElement;
const switcher = document.getElementById('profile-switch') as HTMLElement;
let cleanup: (() => void) | null = null;
/** Set while the setup wizard runs, so profile events do not interrupt it. */
let inSetup = false;

/** The views in the navigation, with the keys of their labels (translated at each render). */
const navItems: Array<[ViewName, MessageKey]> = [
  ['token', 'window.nav.token'],
  ['console', 'window.nav.console'],
  ['profiles', 'window.nav.profiles'],
  ['settings', 'window.nav.settings'],
];

function go(view: ViewName): void {
  setState({ view });
  render();
}

/** What the current view shows of the active profile; re-render only when it changes. */
function viewKey(): string {
  const p = activeProfile();
  if (!p) return 'none';
  const s = p.status;
  if (getState().view === 'console') return JSON.stringify([p.id, p.name, p.production]);
  return JSON.stringify([
    p.id,
    p.name,
    p.color,
    p.production,
    p.grant,
    s.state,
    s.state === 'signed_in'
      ? [s.expiresAt, s.user?.name, s.renewalError?.code ?? null]
      : s.state === 'signed_out'
        ? s.reason
        : null,
  ]);
}
let renderedKey = '';
/** A profile whose connection details the Profiles view should open with ("Edit connection details" on an error). */
let pendingConnectionEdit: string | null = null;
/** A setup link or file main has read, waiting for the person's confirmation. */
let pendingSetup: SetupPreview | null = null;

function render(): void {
  cleanup?.();
  cleanup = null;
  const { view, profiles } = getState();
  renderHeader();
  const profile = activeProfile();
  renderedKey = viewKey();
  if (view === 'setup' && pendingSetup) {
    inSetup = true;
    const preview = pendingSetup;
    pendingSetup = null;
    renderSetupConfirm(main, preview, {
      onDone: () => {
        inSetup = false;
        go('token');
      },
      onCancel: () => {
        inSetup = false;
        go(profiles.length > 0 ? 'token' : 'setup');
      },
    });
    return;
  }
  const managedOnly = getState().info?.organization.allowUserProfiles === false;
  // No setup screen where only the organisation's profiles may exist: its profile, once there, opens.
  if (managedOnly && view === 'setup' && !pendingSetup && profiles.length > 0) {
    setState({ view: 'token' });
    return render();
  }
  if (profiles.length === 0 && managedOnly) {
    // Only the organisation's profiles may exist: nothing to set up here; its profile arrives by itself.
    inSetup = false;
    renderManagedOnly(main);
    return;
  }
  if (view === 'setup' || profiles.length === 0 || !profile) {
    inSetup = true;
    renderSetup(main, {
      onCreated: () => {
        inSetup = false;
        go('token');
      },
      onCancel: profiles.length > 0 ? () => ((inSetup = false), go('profiles')) : undefined,
    });
    return;
  }
  inSetup = false;
  if (view === 'console') cleanup = renderConsole(main, profile);
  else if (view === 'profiles') {
    const editConnectionOf = pendingConnectionEdit ?? undefined;
    pendingConnectionEdit = null;
    renderProfiles(main, {
      onAdd: () => go('setup'),
      onOpen: () => go('token'),
      ...(editConnectionOf ? { editConnectionOf } : {}),
    });
  } else if (view === 'settings') renderSettings(main);
  else cleanup = renderToken(main, profile);
  // A view may mark the control to start in (e.g. the password when the username is known).
  const first =
    main.querySelector<HTMLElement>('[data-autofocus]') ??
    main.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea, button.primary');
  first?.focus({ preventScroll: true });
}

function renderHeader(): void {
  const { profiles, view } = getState();
  const profile = activeProfile();
  setProfileColor(document.documentElement, profile?.color, false);
  nav.hidden = profiles.length === 0;
  // index.html's static words, in the active language.
  nav.setAttribute('aria-label', t('window.nav.label'));
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('window.nav.skipToContent');
  replace(
    nav,
    ...navItems.map(([name, label]) =>
      h('button', { type: 'button', 'aria-current': view === name ? 'page' : null, onclick: () => go(name) }, t(label)),
    ),
  );
  if (profiles.length === 0) return switcher.replaceChildren();
  const select = h(
    'select',
    { 'aria-label': t('window.header.activeProfile'), class: 'profile-select' },
    ...profiles.map((p) =>
      h(
        'option',
        { value: p.id, selected: p.id === profile?.id },
        // The active profile's production is said once, by the badge beside the select.
        p.production && !(p.id === profile?.id) ? t('window.header.productionOption', { name: p.name }) : p.name,
      ),
    ),
  );
  select.addEventListener(
    'change',
    () => void call('setActiveProfile', select.value).then(reloadProfiles).then(render).catch(fail),
  );
  replace(
    switcher,
    h('span', { class: 'swatch', 'aria-hidden': 'true' }),
    select,
    profile?.production ? h('span', { class: 'badge production' }, t('window.header.production')) : null,
  );
}

function fail(err: unknown): void {
  const area = messageArea();
  replace(main, h('section', { class: 'card narrow' }, h('h1', null, 'Token Tray'), area));
  showError(area, err);
}

function onEvent(event: AppEvent): void {
  switch (event.type) {
    case 'show':
      if (event.setup) {
        pendingSetup = event.setup;
        go('setup');
        return;
      }
      if (event.profileId)
        void call('setActiveProfile', event.profileId)
          .then(reloadProfiles)
          .then(() => go(event.view))
          .catch(fail);
      else go(event.view);
      return;
    case 'preferences-changed':
      void call('getPreferences').then((prefs) => {
        applyTheme(prefs.theme);
        setState({ prefs });
      });
      return;
    case 'profiles-changed':
    case 'status-changed':
    case 'signed-in':
    case 'signed-out':
    case 'token-refreshed':
      void reloadProfiles().then(() => {
        const view = getState().view;
        // Do not wipe what the user is typing: the wizard and console keep their forms.
        if (inSetup || view === 'settings') renderHeader();
        else if (view === 'profiles' || viewKey() !== renderedKey) render();
        else renderHeader();
      });
      return;
    case 'sign-in-progress':
      // The browser sign-in panel listens for this to show its stage.
      window.dispatchEvent(new CustomEvent(signInProgressEvent, { detail: event }));
      return;
    case 'locale-changed':
      // Settings' Language, or the organisation's: every view is drawn again in the new language
      // (the wizard keeps what is typed; its next screen speaks the new language).
      void call('windowLocale').then((locale) => {
        setLocale(locale);
        if (inSetup) renderHeader();
        else render();
      });
      return;
    case 'update-changed':
      // Settings' Updates block listens for this and asks main where updates stand.
      window.dispatchEvent(new CustomEvent(updateChangedEvent));
      return;
    default:
      return;
  }
}

async function start(): Promise<void> {
  // Marks for the benchmark: script start, data from main, first view drawn.
  performance.mark('tt-script-start');
  applyTheme(rememberedTheme());
  try {
    bridge().onEvent(onEvent);
    // Only the profile list decides the first screen; preferences and app facts follow.
    const rest = Promise.all([call('getPreferences'), call('appInfo')]);
    const locale = call('windowLocale');
    const profiles = await call('listProfiles');
    setLocale(await locale);
    performance.mark('tt-data');
    setState({ profiles, view: profiles.length === 0 ? 'setup' : 'token' });
    render();
    performance.mark('tt-rendered');
    document.documentElement.dataset['ready'] = 'true';
    const [prefs, info] = await rest;
    applyTheme(prefs.theme);
    setState({ prefs, info });
    // The first screen was drawn before the organisation's rules were known: draw it again if they change it.
    if (profiles.length === 0 && !info.organization.allowUserProfiles) render();
  } catch (err) {
    fail(err);
  }
}

/** Largest file read when dropped: a setup is far smaller (the parser caps it), anything bigger is not one. */
const DROP_MAX_BYTES = 64 * 1024;

/**
 * A setup file dropped on the window: read here (the page may read what the person drops), shown for
 * confirmation as one opened from the system. Nothing else dropped is opened: the window never navigates.
 */
async function onDrop(event: DragEvent): Promise<void> {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  try {
    if (file.size > DROP_MAX_BYTES) throw new Error('too large');
    const preview = await call('previewSetup', await file.text());
    pendingSetup = preview;
    go('setup');
  } catch (err) {
    const e = err instanceof Error && err.message === 'too large' ? null : toUserError(err);
    await noticeDialog(
      t('window.drop.failed', { name: file.name }),
      e ? e.message : t('window.drop.notSetup'),
      e ? e.nextStep : undefined,
    );
  }
}
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('drop', (event) => void onDrop(event));

window.addEventListener(editConnectionEvent, (event) => {
  const profileId = (event as CustomEvent<string>).detail;
  if (typeof profileId !== 'string') return;
  pendingConnectionEdit = profileId;
  go('profiles');
});

subscribe((_state, changed) => {
  if (changed.includes('profiles') && !inSetup) renderHeader();
});
void start();
