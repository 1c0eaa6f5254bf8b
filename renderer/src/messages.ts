/**
 * Message areas: a live region per form that shows plain sentences (an
 * error's message and next step), plus a global announcer for short news.
 */
import type { UserError } from '../../main/contract/ipc';
import { localizeError, toUserError } from './api';
import { h, replace } from './dom';
import { t } from './i18n';

/** Kinds of message, styled differently. */
export type MessageKind = 'error' | 'info' | 'success' | 'warning';

/** A live message area; errors are announced assertively. */
export function messageArea(): HTMLDivElement {
  return h('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
}

/** Shows sentences in a message area (each in its own paragraph). */
export function showMessage(area: HTMLElement, kind: MessageKind, ...sentences: Array<string | undefined>): void {
  area.className = `message ${kind}`;
  area.setAttribute('aria-live', kind === 'error' ? 'assertive' : 'polite');
  replace(area, ...sentences.filter((s): s is string => Boolean(s)).map((s) => h('p', null, s)));
}

/**
 * Shows an error that came inside an answer (an address check's finding) as its sentence and next
 * step, said in the window's language from the key and values, never main's English.
 */
export function showUserError(area: HTMLElement, kind: MessageKind, error: UserError): void {
  const e = localizeError(error);
  showMessage(area, kind, e.message, e.nextStep);
}

/** Asks the app to open the connection details of a profile (Profiles › Edit connection details). */
export const editConnectionEvent = 'token-tray:edit-connection';

/** "Edit connection details" for a profile, in a row: where an Auth Client ProcessMaker refused is fixed. */
export function editConnectionRow(profileId: string): HTMLDivElement {
  return h(
    'div',
    { class: 'row' },
    h(
      'button',
      {
        type: 'button',
        onclick: () => window.dispatchEvent(new CustomEvent(editConnectionEvent, { detail: profileId })),
      },
      t('window.messages.editConnection'),
    ),
  );
}

/**
 * Shows a thrown error as its plain sentences. With `profileId`, an Auth Client that ProcessMaker
 * refused also gets the way to fix it: an "Edit connection details" button.
 */
export function showError(area: HTMLElement, err: unknown, options: { profileId?: string } = {}): void {
  const e = toUserError(err);
  showMessage(area, 'error', e.message, e.nextStep);
  const { profileId } = options;
  if (e.code === 'client_rejected' && profileId) area.append(editConnectionRow(profileId));
}

/** Empties a message area. */
export function clearMessage(area: HTMLElement): void {
  area.className = 'message';
  area.replaceChildren();
}

/** Announces a short sentence to screen readers via the page's announcer. */
export function announce(text: string): void {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  // A fresh text node after clearing makes screen readers repeat identical news.
  window.setTimeout(() => {
    el.textContent = text;
  }, 30);
}
