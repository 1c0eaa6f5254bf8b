/**
 * Profiles: choose the active one, add, rename, duplicate, edit the connection details (address,
 * sign-in kind, Auth Client), delete (after a confirmation), and set each profile's colour and
 * production flag.
 */
import type { GrantKind, ProfilePatch, ProfileView } from '../../../main/contract/ipc';
import { toUserError } from '../api';
import { call } from '../api';
import { checkbox, field, h, replace, setProfileColor } from '../dom';
import { confirmDialog } from '../dialog';
import { announce, messageArea, showError, showMessage } from '../messages';
import { getState, reloadProfiles } from '../state/store';

/** Callbacks the profiles view needs from the app. */
export interface ProfilesActions {
  onAdd: () => void;
  onOpen: (profile: ProfileView) => void;
  /** Open this profile's connection details at once (from "Edit connection details" on an error). */
  editConnectionOf?: string;
}

/** Renders the profile list into `root`. */
export function renderProfiles(root: HTMLElement, actions: ProfilesActions): void {
  const message = messageArea();
  const list = h('ul', { class: 'profile-list', 'aria-label': 'Profiles' });
  const setAside = h('div', { class: 'message warning set-aside', 'data-testid': 'set-aside', hidden: true });
  const add = h('button', { type: 'button', class: 'primary', onclick: actions.onAdd }, 'Add profile');
  replace(
    root,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'profiles-heading' },
      h('div', { class: 'row spread' }, h('h1', { id: 'profiles-heading' }, 'Profiles'), add),
      message,
      setAside,
      list,
    ),
  );
  // A profile that could not be read is named here, with where its copy is; the others keep working.
  void call('setAsideNotes')
    .then((notes) => {
      if (notes.length === 0) return;
      replace(
        setAside,
        h('p', null, 'Token Tray set some saved settings aside because it could not read them:'),
        h('ul', null, ...notes.map((note) => h('li', null, note))),
      );
      setAside.hidden = false;
    })
    .catch(() => undefined);
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
  const editConnection = (): void =>
    connectionForm(editor, p, (patch) =>
      call('updateProfile', p.id, patch).then(() => {
        announce('Connection details saved.');
        return reloadProfiles();
      }),
    );
  const connection = h(
    'button',
    {
      type: 'button',
      onclick: () => editConnection(),
    },
    'Edit connection details',
  );
  const share = h('button', { type: 'button', onclick: () => shareForm(editor, p) }, 'Share setup…');
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
      connection,
      share,
      remove,
      h('label', { class: 'check' }, color, 'Colour'),
      prod,
    ),
    editor,
  );
  setProfileColor(item, p.color);
  if (actions.editConnectionOf === p.id) {
    editConnection();
  }
  return item;
}

/**
 * "Share setup…": a link that sets this profile up for a colleague, who then only signs in. The secret
 * is in it only when asked for, with what that means said plainly; nobody's sign-in ever is.
 */
function shareForm(editor: HTMLElement, p: ProfileView): void {
  const message = messageArea();
  let includeSecret = false;
  const withSecret =
    p.grant !== 'personal_access_token' && p.hasClientSecret
      ? checkbox('Include the Auth Client secret', false, (v) => (includeSecret = v))
      : null;
  const copy = h('button', { type: 'button', class: 'primary' }, 'Copy setup link');
  copy.addEventListener('click', () => {
    void call('copySetupLink', p.id, includeSecret)
      .then(({ clearsInSeconds }) =>
        showMessage(
          message,
          'success',
          clearsInSeconds > 0
            ? `Setup link copied; the clipboard clears in ${clearsInSeconds} s.`
            : 'Setup link copied.',
          'Send it to your colleague: they open it, check the server and sign in with their own account.',
        ),
      )
      .catch((err: unknown) => showError(message, err));
  });
  replace(
    editor,
    h(
      'div',
      { class: 'stack share-form', role: 'group', 'aria-label': `Share the setup of ${p.name}` },
      h('h3', null, 'Share this setup'),
      h(
        'p',
        null,
        'A setup link gives a colleague this profile: the server, how to sign in and the Auth Client. It never holds your password or your tokens.',
      ),
      withSecret,
      withSecret
        ? h(
            'p',
            { class: 'hint' },
            'With the secret, anyone holding the link can use this Auth Client, though never without their own ProcessMaker sign-in. Share it only with colleagues; for many people, ask IT to deploy it instead.',
          )
        : null,
      h(
        'div',
        { class: 'row' },
        copy,
        h('button', { type: 'button', onclick: () => editor.replaceChildren() }, 'Close'),
      ),
      message,
    ),
  );
  copy.focus();
}

const GRANT_CHOICES: ReadonlyArray<[GrantKind, string]> = [
  ['authorization_code', 'Sign in with my browser'],
  ['password', 'Username and password'],
  ['personal_access_token', 'Personal access token'],
];

/**
 * The profile's connection: address, sign-in kind, Auth Client id and secret. Only what changed is
 * sent; ProcessMaker checks the client as it is saved, so a wrong secret is caught here.
 */
function connectionForm(editor: HTMLElement, p: ProfileView, save: (patch: ProfilePatch) => Promise<unknown>): void {
  const address = h('input', { type: 'url', value: p.instanceUrl, required: true, autocomplete: 'off' });
  const grant = h(
    'select',
    null,
    ...GRANT_CHOICES.map(([value, label]) => h('option', { value, selected: value === p.grant }, label)),
  );
  const clientId = h('input', { type: 'text', value: p.clientId ?? '', autocomplete: 'off', spellcheck: 'false' });
  const secret = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const trust = h('input', { type: 'checkbox' });
  const trustBox = h('label', { class: 'check', hidden: true }, trust, 'I trust this network');
  const clientFields = h(
    'div',
    { class: 'stack' },
    field('Client ID', clientId, 'The number of the Auth Client in ProcessMaker.'),
    field(
      'Client secret',
      secret,
      p.hasClientSecret ? 'Leave empty to keep the saved secret.' : 'Copied from the Auth Client in ProcessMaker.',
    ),
  );
  const showClient = (): void => {
    clientFields.hidden = grant.value === 'personal_access_token';
  };
  grant.addEventListener('change', showClient);
  showClient();
  const message = messageArea();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save connection details');
  const form = h(
    'form',
    { class: 'stack connection-form', novalidate: true, 'aria-label': `Connection details of ${p.name}` },
    h('h3', null, 'Connection details'),
    field('ProcessMaker address', address),
    field('How you sign in', grant),
    clientFields,
    trustBox,
    h(
      'p',
      { class: 'hint' },
      'Changing the address, the Auth Client or how you sign in signs this profile out; sign in again afterwards.',
    ),
    h(
      'div',
      { class: 'row' },
      submit,
      h('button', { type: 'button', onclick: () => editor.replaceChildren() }, 'Cancel'),
    ),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const patch: ProfilePatch = {};
    const url = address.value.trim();
    if (!url) {
      address.setAttribute('aria-invalid', 'true');
      showMessage(message, 'error', 'Type the address of your ProcessMaker server.');
      address.focus();
      return;
    }
    if (url !== p.instanceUrl) patch.instanceUrl = url;
    if (trust.checked) patch.allowInsecure = true;
    if (grant.value !== p.grant) patch.grant = grant.value as GrantKind;
    if (grant.value !== 'personal_access_token') {
      const id = clientId.value.trim();
      if (id !== (p.clientId ?? '')) patch.clientId = id;
      if (secret.value.trim()) patch.clientSecret = secret.value.trim();
    }
    if (Object.keys(patch).length === 0) {
      editor.replaceChildren();
      return;
    }
    submit.disabled = true;
    showMessage(message, 'info', 'Checking the connection details with ProcessMaker…');
    void save(patch)
      .then(() => {
        secret.value = '';
        editor.replaceChildren();
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        showError(message, err);
        const code = toUserError(err).code;
        if (code === 'insecure_url') trustBox.hidden = false;
        (code === 'client_rejected' ? secret : code === 'insecure_url' ? trust : address).focus();
      });
  });
  replace(editor, form);
  address.focus();
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
