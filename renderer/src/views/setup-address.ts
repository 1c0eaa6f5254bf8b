/**
 * Setup step 1: "What is your ProcessMaker address?", checked live through
 * main (reachable, looks like ProcessMaker) with visible progress.
 */
import type { InstanceCheck } from '../../../main/contract/ipc';
import { call } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { t } from '../i18n';
import { messageArea, showError, showMessage, showUserError } from '../messages';

/** Findings made without asking the server: a bad address, plain http, or a server the organisation does not allow. */
const askedNothing = ['invalid_input', 'insecure_url', 'server_not_allowed'] as const;

/** What the step hands on. */
export interface AddressResult {
  url: string;
  allowInsecure: boolean;
}

/** Builds the address step; `onDone` runs once a checked address is confirmed. */
export function addressStep(initial: string, onDone: (result: AddressResult) => void): HTMLElement {
  const input = h('input', {
    type: 'url',
    name: 'instance-url',
    autocomplete: 'url',
    placeholder: t('setup.address.placeholder'),
    value: initial,
    spellcheck: 'false',
    required: true,
  });
  let allowInsecure = false;
  const insecureBox = checkbox(t('setup.address.insecure'), false, (v) => {
    allowInsecure = v;
    void runCheck();
  });
  insecureBox.hidden = true;
  const progress = h('div', { class: 'check-progress row', 'aria-live': 'polite' });
  const message = messageArea();
  const next = h('button', { type: 'submit', class: 'primary' }, t('setup.continue'));
  let latest: InstanceCheck | null = null;
  let seq = 0;
  let timer = 0;

  async function runCheck(): Promise<InstanceCheck | null> {
    const url = input.value.trim();
    const mine = ++seq;
    latest = null;
    if (!url) {
      progress.replaceChildren();
      return null;
    }
    replace(progress, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('setup.address.checking'));
    try {
      const check = await call('checkInstance', url, allowInsecure);
      if (mine !== seq) return null;
      latest = check;
      // A plain-http address: offer "I trust this network" (kept on screen once ticked).
      insecureBox.hidden = check.error?.code !== 'insecure_url' && !allowInsecure;
      renderCheck(check);
      return check;
    } catch (err) {
      if (mine !== seq) return null;
      // Only the call itself failed here: the check reports a plain-http address in check.error.
      progress.replaceChildren();
      showError(message, err);
      return null;
    }
  }

  function renderCheck(check: InstanceCheck): void {
    if (check.error && (askedNothing as readonly string[]).includes(check.error.code)) {
      // Nothing was asked of the server: no reachability badges, only what to do.
      progress.replaceChildren();
      showUserError(message, 'error', check.error);
      return;
    }
    replace(
      progress,
      h(
        'span',
        { class: `badge ${check.reachable ? 'ok' : 'warn'}` },
        t(check.reachable ? 'setup.address.reachable' : 'setup.address.unreachable'),
      ),
      check.reachable
        ? h(
            'span',
            { class: `badge ${check.looksLikeProcessMaker ? 'ok' : 'warn'}` },
            t(
              check.looksLikeProcessMaker ? 'setup.address.looksLikeProcessMaker' : 'setup.address.notSureProcessMaker',
            ),
          )
        : null,
    );
    if (check.error) showUserError(message, check.reachable ? 'warning' : 'error', check.error);
    else showMessage(message, 'success', t('setup.address.found', { address: check.url }));
  }

  input.addEventListener('input', () => {
    latest = null;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runCheck(), 600);
  });

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field(t('setup.address.label'), input, t('setup.address.hint')),
    insecureBox,
    progress,
    message,
    h('div', { class: 'row' }, next),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void (async () => {
      if (!input.value.trim()) {
        input.setAttribute('aria-invalid', 'true');
        showMessage(message, 'error', t('setup.address.missing'));
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      next.disabled = true;
      const check = latest ?? (await runCheck());
      next.disabled = false;
      if (check?.reachable) onDone({ url: check.url, allowInsecure });
      else input.focus();
    })();
  });
  return form;
}
