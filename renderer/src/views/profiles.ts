/**
 * Profiles: choose the active one, add, rename, duplicate, delete (after a
 * confirmation), and set each profile's colour and production flag.
 */
import type { ProfileView } from '../../../main/contract/ipc';
import { call } from '../api';
import { checkbox, field, h, replace, setProfileColor } from '../dom';
import { confirmDialog } from '../dialog';
import { announce, messageArea, showError } from '../messages';
import { getState, reloadProfiles } from '../state/store';

/** Callbacks the profiles view needs from the app. */
export interface ProfilesActions {
  onAdd: () => void;
  onOpen: (profile: ProfileView) => void;
}

/** Renders the profile list into `root`. */
export function renderProfiles(root: HTMLElement, actions: ProfilesActions): void {
  const message = messageArea();
  const list = h('ul', { class: 'profile-list', 'aria-label': 'Profiles' });
  const add = h('button', { type: 'button', class: 'primary', onclick: actions.onAdd }, 'Add profile');
  replace(
    root,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'profiles-heading' },
      h('div', { class: 'row spread' }, h('h1', { id: 'profiles-heading' }, 'Profiles'), add),
      message,
      list,
    ),
  );
  const run = (work: Promise<unknown>, news?: string): void => {
    void work
      .then(() => {
        if (news) announce(news);
        return reloadProfiles();
      })
      .then(() => renderProfiles(root, actions))
      .catch((err: unknown) => showError(message, err));
  };
  for (const profile of getState().profiles) list.append(profileItem(profile, actions, run));
}

type Run = (work: Promise<unknown>, news?: string) => void;

function profileItem(p: ProfileView, actions: ProfilesActions, run: Run): HTMLLIElement {
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  const signedIn = p.status.state === 'signed_in';
  const head = h(
    'div',
    { class: 'profile-head' },
    swatch,
    h(
      'div',
      { class: 'profile-title' },
      h('h2', null, p.name),
      h('span', { class: 'hint' }, `${p.instanceUrl} · ${grantLabel(p)}`),
    ),
    h(
      'div',
      { class: 'row' },
      p.active ? h('span', { class: 'badge ok' }, 'Active') : null,
      p.production ? h('span', { class: 'badge production' }, 'Production') : null,
      h(
        'span',
        { class: 'badge' },
        signedIn ? 'Signed in' : p.status.state === 'keychain_unavailable' ? 'Keychain unavailable' : 'Signed out',
      ),
    ),
  );
  const editor = h('div', { class: 'profile-editor' });
  const use = h(
    'button',
    {
      type: 'button',
      class: p.active ? '' : 'primary',
      onclick: () =>
        run(
          call('setActiveProfile', p.id).then(() => actions.onOpen(p)),
          `${p.name} is now active.`,
        ),
    },
    p.active ? 'Open' : 'Use this profile',
  );
  const rename = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        nameForm(editor, 'New name', p.name, 'Rename', (name) =>
          run(call('updateProfile', p.id, { name }), 'Profile renamed.'),
        ),
    },
    'Rename',
  );
  const duplicate = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        nameForm(editor, 'Name of the copy', `${p.name} copy`, 'Duplicate', (name) =>
          run(call('duplicateProfile', p.id, name), 'Profile duplicated.'),
        ),
    },
    'Duplicate',
  );
  const remove = h('button', { type: 'button', class: 'danger' }, 'Delete');
  remove.addEventListener('click', () => {
    void confirmDialog({
      title: `Delete “${p.name}”?`,
      body: 'Token Tray forgets this profile and removes its tokens and client secret from this computer. Your ProcessMaker account is not changed.',
      confirmLabel: 'Delete profile',
      danger: true,
    }).then((yes) => {
      if (yes) run(call('removeProfile', p.id), 'Profile deleted.');
      else remove.focus();
    });
  });
  const color = h('input', { type: 'color', value: p.color ?? '#2563eb', 'aria-label': `Colour of ${p.name}` });
  color.addEventListener('change', () => run(call('updateProfile', p.id, { color: color.value })));
  const prod = checkbox('Production', p.production === true, (v) =>
    run(call('updateProfile', p.id, { production: v })),
  );
  const item = h(
    'li',
    { class: 'profile-item' },
    head,
    h(
      'div',
      { class: 'row profile-actions' },
      use,
      rename,
      duplicate,
      remove,
      h('label', { class: 'check' }, color, 'Colour'),
      prod,
    ),
    editor,
  );
  setProfileColor(item, p.color);
  return item;
}

function nameForm(
  editor: HTMLElement,
  label: string,
  initial: string,
  action: string,
  onSave: (name: string) => void,
): void {
  const input = h('input', { type: 'text', value: initial, required: true });
  const message = messageArea();
  const form = h(
    'form',
    { class: 'row name-form', novalidate: true },
    field(label, input),
    h('button', { type: 'submit', class: 'primary' }, action),
    h('button', { type: 'button', onclick: () => editor.replaceChildren() }, 'Cancel'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) {
      input.setAttribute('aria-invalid', 'true');
      message.textContent = 'Type a name.';
      return;
    }
    onSave(name);
  });
  replace(editor, form);
  input.select();
  input.focus();
}

/** Plain words for a profile's sign-in type. */
export function grantLabel(p: ProfileView): string {
  return p.grant === 'authorization_code'
    ? 'browser sign-in'
    : p.grant === 'password'
      ? 'username and password'
      : 'personal access token';
}
