/**
 * Profiles: choose the active one, add, rename, duplicate, edit the connection details (address,
 * sign-in kind, Auth Client), delete (after a confirmation), and set each profile's colour and
 * production flag.
 */
import type { GrantKind, ProfilePatch, ProfileView } from '../../../main/contract/ipc';
import { SIGN_IN_KINDS } from '../../../main/core/model';
import type { MessageKey } from '../../../main/i18n';
import { toUserError } from '../api';
import { call } from '../api';
import { checkbox, field, h, replace, setProfileColor } from '../dom';
import { confirmDialog } from '../dialog';
import { t } from '../i18n';
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
  const list = h('ul', { class: 'profile-list', 'aria-label': t('profiles.title') });
  const setAside = h('div', { class: 'message warning set-aside', 'data-testid': 'set-aside', hidden: true });
  const organization = getState().info?.organization;
  // With AllowUserProfiles off, the organisation's profiles are the only ones: no Add.
  const add =
    organization?.allowUserProfiles === false
      ? null
      : h('button', { type: 'button', class: 'primary', onclick: actions.onAdd }, t('profiles.add'));
  replace(
    root,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'profiles-heading' },
      h('div', { class: 'row spread' }, h('h1', { id: 'profiles-heading' }, t('profiles.title')), add),
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
        h('p', null, t('profiles.setAside')),
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
  const organization = getState().info?.organization;
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
      h('span', { class: 'hint' }, t('profiles.item.summary', { address: p.instanceUrl, signIn: grantLabel(p) })),
    ),
    h(
      'div',
      { class: 'row' },
      p.active ? h('span', { class: 'badge ok' }, t('profiles.badge.active')) : null,
      p.managed
        ? h(
            'span',
            { class: 'badge managed', 'data-testid': 'managed-badge' },
            organization?.name
              ? t('profiles.badge.managedBy', { organization: organization.name })
              : t('profiles.badge.managed'),
          )
        : null,
      p.production ? h('span', { class: 'badge production' }, t('profiles.badge.production')) : null,
      h(
        'span',
        { class: 'badge' },
        t(
          signedIn
            ? 'profiles.status.signedIn'
            : p.status.state === 'keychain_unavailable'
              ? 'profiles.status.keychainUnavailable'
              : p.status.state === 'signed_out' && p.status.reason === 'session_expired'
                ? 'common.status.sign_in_expired'
                : 'profiles.status.signedOut',
        ),
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
          t('profiles.activated', { name: p.name }),
        ),
    },
    t(p.active ? 'profiles.open' : 'profiles.use'),
  );
  const rename = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        nameForm(editor, t('profiles.rename.label'), p.name, t('profiles.rename.button'), (name) =>
          run(call('updateProfile', p.id, { name }), t('profiles.rename.done')),
        ),
    },
    t('profiles.rename.button'),
  );
  const duplicate = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        nameForm(
          editor,
          t('profiles.duplicate.label'),
          t('profiles.duplicate.defaultName', { name: p.name }),
          t('profiles.duplicate.button'),
          (name) => run(call('duplicateProfile', p.id, name), t('profiles.duplicate.done')),
        ),
    },
    t('profiles.duplicate.button'),
  );
  const editConnection = (): void =>
    connectionForm(editor, p, (patch) =>
      call('updateProfile', p.id, patch).then(() => {
        announce(t('profiles.connection.saved'));
        return reloadProfiles();
      }),
    );
  const connection = h(
    'button',
    {
      type: 'button',
      onclick: () => editConnection(),
    },
    t('profiles.connection.button'),
  );
  const share = h('button', { type: 'button', onclick: () => shareForm(editor, p) }, t('profiles.share.button'));
  const remove = h('button', { type: 'button', class: 'danger' }, t('profiles.delete.button'));
  remove.addEventListener('click', () => {
    void confirmDialog({
      title: t('profiles.delete.title', { name: p.name }),
      body: t('profiles.delete.body'),
      confirmLabel: t('profiles.delete.confirm'),
      danger: true,
    }).then((yes) => {
      if (yes) run(call('removeProfile', p.id), t('profiles.delete.done'));
      else remove.focus();
    });
  });
  const color = h('input', {
    type: 'color',
    value: p.color ?? '#2563eb',
    'aria-label': t('profiles.colour.label', { name: p.name }),
  });
  color.addEventListener('change', () => run(call('updateProfile', p.id, { color: color.value })));
  const prod = checkbox(t('profiles.production'), p.production === true, (v) =>
    run(call('updateProfile', p.id, { production: v })),
  );
  // A profile the organisation set up is signed in to and used, nothing else: its details follow the policy.
  const managed = p.managed === true;
  const mayCopy = organization?.allowUserProfiles !== false;
  const item = h(
    'li',
    { class: 'profile-item' },
    head,
    managed ? h('p', { class: 'hint' }, t('profiles.managed.note')) : null,
    h(
      'div',
      { class: 'row profile-actions' },
      use,
      managed ? null : rename,
      mayCopy ? duplicate : null,
      managed ? null : connection,
      managed ? null : share,
      managed ? null : remove,
      managed ? null : h('label', { class: 'check' }, color, t('profiles.colour.title')),
      managed ? null : prod,
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
 * "Share setup…": a link that sets this profile up for a colleague, who then only signs in. An Auth
 * Client's secret goes with it unless the sharer unticks it (ProcessMaker's clients all have one, and a
 * link without it would dead-end); then the link says so, and the colleague is asked for it. Nobody's
 * sign-in is ever in it.
 */
function shareForm(editor: HTMLElement, p: ProfileView): void {
  const message = messageArea();
  const hasSecret = p.grant !== 'personal_access_token' && p.hasClientSecret;
  let includeSecret = hasSecret;
  const secretNote = h('p', { class: 'hint', 'data-testid': 'share-secret-note' });
  const sayWhatGoes = (): void => {
    secretNote.textContent = t(includeSecret ? 'profiles.share.secretWarning' : 'profiles.share.secretLeftOut');
  };
  sayWhatGoes();
  const withSecret = hasSecret
    ? checkbox(t('profiles.share.includeSecret'), true, (v) => {
        includeSecret = v;
        sayWhatGoes();
      })
    : null;
  const copy = h('button', { type: 'button', class: 'primary' }, t('profiles.share.copy'));
  copy.addEventListener('click', () => {
    void call('copySetupLink', p.id, includeSecret)
      .then(({ clearsInSeconds }) =>
        showMessage(
          message,
          'success',
          clearsInSeconds > 0
            ? t('profiles.share.copiedClears', { seconds: clearsInSeconds })
            : t('profiles.share.copied'),
          t('profiles.share.nextStep'),
        ),
      )
      .catch((err: unknown) => showError(message, err));
  });
  const save = h('button', { type: 'button' }, t('profiles.share.save'));
  save.addEventListener('click', () => {
    void call('saveSetupFile', p.id, includeSecret)
      .then((outcome) => {
        if (outcome === 'saved')
          showMessage(message, 'success', t('profiles.share.saved'), t('profiles.share.savedNext'));
      })
      .catch((err: unknown) => showError(message, err));
  });
  replace(
    editor,
    h(
      'div',
      { class: 'stack share-form', role: 'group', 'aria-label': t('profiles.share.label', { name: p.name }) },
      h('h3', null, t('profiles.share.title')),
      h('p', null, t('profiles.share.intro')),
      withSecret,
      withSecret ? secretNote : null,
      h(
        'div',
        { class: 'row' },
        copy,
        save,
        h('button', { type: 'button', onclick: () => editor.replaceChildren() }, t('common.close')),
      ),
      message,
    ),
  );
  copy.focus();
}

/** Each way of signing in, in core's order, with its words: a kind added to SIGN_IN_KINDS must get some here. */
const GRANT_WORDS = {
  authorization_code: 'profiles.connection.grant.browser',
  password: 'profiles.connection.grant.password',
  personal_access_token: 'profiles.connection.grant.token',
} as const satisfies Record<GrantKind, MessageKey>;
const GRANT_CHOICES: ReadonlyArray<[GrantKind, MessageKey]> = SIGN_IN_KINDS.map((kind) => [kind, GRANT_WORDS[kind]]);

/**
 * The profile's connection: address, sign-in kind, Auth Client id and secret. Only what changed is
 * sent; ProcessMaker checks the client as it is saved, so a wrong secret is caught here.
 */
function connectionForm(editor: HTMLElement, p: ProfileView, save: (patch: ProfilePatch) => Promise<unknown>): void {
  const address = h('input', { type: 'url', value: p.instanceUrl, required: true, autocomplete: 'off' });
  const grant = h(
    'select',
    null,
    ...GRANT_CHOICES.map(([value, label]) => h('option', { value, selected: value === p.grant }, t(label))),
  );
  const clientId = h('input', { type: 'text', value: p.clientId ?? '', autocomplete: 'off', spellcheck: 'false' });
  const secret = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const trust = h('input', { type: 'checkbox' });
  const trustBox = h('label', { class: 'check', hidden: true }, trust, t('profiles.connection.trust'));
  const clientFields = h(
    'div',
    { class: 'field-pair' },
    field(t('profiles.connection.clientId.label'), clientId, t('profiles.connection.clientId.hint')),
    field(
      t('profiles.connection.secret.label'),
      secret,
      t(p.hasClientSecret ? 'profiles.connection.secret.keepHint' : 'profiles.connection.secret.newHint'),
    ),
  );
  const showClient = (): void => {
    clientFields.hidden = grant.value === 'personal_access_token';
  };
  grant.addEventListener('change', showClient);
  showClient();
  const message = messageArea();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('profiles.connection.save'));
  const form = h(
    'form',
    {
      class: 'stack connection-form',
      novalidate: true,
      'aria-label': t('profiles.connection.label', { name: p.name }),
    },
    h('h3', null, t('profiles.connection.title')),
    h(
      'div',
      { class: 'field-pair fit-second' },
      field(t('profiles.connection.address'), address),
      field(t('profiles.connection.grant'), grant),
    ),
    clientFields,
    trustBox,
    h('p', { class: 'hint' }, t('profiles.connection.signsOut')),
    h(
      'div',
      { class: 'row' },
      submit,
      h('button', { type: 'button', onclick: () => editor.replaceChildren() }, t('common.cancel')),
    ),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const patch: ProfilePatch = {};
    const url = address.value.trim();
    if (!url) {
      address.setAttribute('aria-invalid', 'true');
      showMessage(message, 'error', t('profiles.connection.missingAddress'));
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
    showMessage(message, 'info', t('profiles.connection.checking'));
    void save(patch)
      .then(() => {
        secret.value = '';
        editor.replaceChildren();
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        showError(message, err);
        const { code, key } = toUserError(err);
        if (code === 'insecure_url') trustBox.hidden = false;
        (key === 'error.client.not_a_client_id'
          ? clientId
          : key === 'error.client.not_for_browser' || key === 'error.client.not_for_password'
            ? grant
            : code === 'client_rejected'
              ? secret
              : code === 'insecure_url'
                ? trust
                : address
        ).focus();
      });
  });
  replace(editor, form);
  // The form opens under its profile, often below the fold of a small window: it comes into sight
  // whole, Save included, with the address field ready.
  address.focus({ preventScroll: true });
  form.scrollIntoView({ block: 'start' });
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
    h('button', { type: 'button', onclick: () => editor.replaceChildren() }, t('common.cancel')),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) {
      input.setAttribute('aria-invalid', 'true');
      message.textContent = t('profiles.name.missing');
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
  return t(
    p.grant === 'authorization_code'
      ? 'profiles.grantLabel.browser'
      : p.grant === 'password'
        ? 'profiles.grantLabel.password'
        : 'profiles.grantLabel.token',
  );
}
