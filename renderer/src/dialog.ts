/** Confirmation dialogs built on the native <dialog> (focus trap and Escape for free). */
import { h } from './dom';
import { t } from './i18n';

/** Options for {@link confirmDialog}. */
export interface ConfirmOptions {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
}

/** Asks a yes/no question; resolves true only when the confirm button was pressed. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button' }, t('common.cancel'));
    const ok = h(
      'button',
      { type: 'button', class: options.danger ? 'danger solid' : 'primary' },
      options.confirmLabel,
    );
    const titleId = `dlg-title-${Date.now()}`;
    const dialog = h(
      'dialog',
      { 'aria-labelledby': titleId, class: 'confirm-dialog' },
      h('h2', { id: titleId }, options.title),
      h('p', null, options.body),
      h('div', { class: 'row dialog-actions' }, cancel, ok),
    );
    let answer = false;
    cancel.addEventListener('click', () => dialog.close());
    ok.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** Tells something that needs no answer (a dropped file that cannot be used): its sentences and Close. */
export function noticeDialog(title: string, ...sentences: Array<string | undefined>): Promise<void> {
  return new Promise((resolve) => {
    const close = h('button', { type: 'button', class: 'primary' }, t('common.close'));
    const titleId = `dlg-title-${Date.now()}`;
    const dialog = h(
      'dialog',
      { 'aria-labelledby': titleId, class: 'confirm-dialog', role: 'alertdialog' },
      h('h2', { id: titleId }, title),
      ...sentences.filter((s): s is string => Boolean(s)).map((s) => h('p', null, s)),
      h('div', { class: 'row dialog-actions' }, close),
    );
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve();
    });
    document.body.append(dialog);
    dialog.showModal();
    close.focus();
  });
}
