/**
 * One plain sentence above an HTTP error's body: what the status means for the person who sent it,
 * and what to check. Only for the common statuses; others show their number and body alone. Which
 * sentence is core's rule, shared with pmtoken request.
 */
import { statusAdviceKey } from '../../../../main/core/errors';
import { t } from '../../i18n';

/** The sentence for `status`, or null when there is nothing useful to add. */
export function statusAdvice(status: number): string | null {
  const key = statusAdviceKey(status);
  return key ? t(key) : null;
}
