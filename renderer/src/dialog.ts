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
