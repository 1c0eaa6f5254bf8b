/**
 * Setup step 1: "What is your ProcessMaker address?", checked live through
 * main (reachable, looks like ProcessMaker) with visible progress.
 */
import type { InstanceCheck } from '../../../main/contract/ipc';
import { call } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { messageArea, showError, showMessage } from '../messages';

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
    placeholder: 'https://yourcompany.processmaker.net',
    value: initial,
    spellcheck: 'false',
    required: true,
  });
  let allowInsecure = false;
  const insecureBox = checkbox('This address has no https. I trust this network anyway.', false, (v) => {
    allowInsecure = v;
    void runCheck();
  });
  insecureBox.hidden = true;
  const progress = h('div', { class: 'check-progress row', 'aria-live': 'polite' });
  const message = messageArea();
  const next = h('button', { type: 'submit', class: 'primary' }, 'Continue');
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
    replace(progress, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Checking the address…');
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
    if (check.error?.code === 'insecure_url' || check.error?.code === 'invalid_input') {
      // Nothing was asked of the server: no reachability badges, only what to do.
      progress.replaceChildren();
      showMessage(message, 'error', check.error.message, check.error.nextStep);
      return;
    }
    replace(
      progress,
      h(
        'span',
        { class: `badge ${check.reachable ? 'ok' : 'warn'}` },
        check.reachable ? '✓ Reachable' : '✗ Not reachable',
      ),
      check.reachable
        ? h(
            'span',
            { class: `badge ${check.looksLikeProcessMaker ? 'ok' : 'warn'}` },
            check.looksLikeProcessMaker ? '✓ Looks like ProcessMaker' : '? Not sure it is ProcessMaker',
          )
        : null,
    );
    if (check.error)
      showMessage(message, check.reachable ? 'warning' : 'error', check.error.message, check.error.nextStep);
    else showMessage(message, 'success', `Found ProcessMaker at ${check.url}.`);
  }

  input.addEventListener('input', () => {
    latest = null;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runCheck(), 600);
  });

  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field('What is your ProcessMaker address?', input, 'The address you use to open ProcessMaker in your browser.'),
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
        showMessage(message, 'error', 'Type the address of your ProcessMaker server.');
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
