/**
 * One plain sentence above an HTTP error's body: what the status means for the person who sent it,
 * and what to check. Only for the common statuses; others show their number and body alone.
 */
import { t } from '../../i18n';

/** The sentence for `status`, or null when there is nothing useful to add. */
export function statusAdvice(status: number): string | null {
  if (status === 401) return t('window.console.advice.unauthorized');
  if (status === 403) return t('window.console.advice.forbidden');
  if (status === 404) return t('window.console.advice.notFound');
  if (status === 405) return t('window.console.advice.methodNotAllowed');
  if (status === 422) return t('window.console.advice.unprocessable');
  if (status === 429) return t('window.console.advice.tooManyRequests');
  if (status >= 500 && status < 600) return t('window.console.advice.serverError');
  return null;
}
