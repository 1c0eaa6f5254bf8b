/**
 * Shows JSON for people: small documents pretty-printed, large ones as a
 * collapsible tree of <details> (keyboard-usable without any script).
 */
import { h } from './dom';
import { t } from './i18n';

/** Bodies longer than this (characters of pretty text) become a tree. */
export const TREE_THRESHOLD = 4000;
/** Children rendered per level before "… more". */
const MAX_CHILDREN = 300;

/** Pretty text or a tree, depending on size. */
export function renderJson(value: unknown): HTMLElement {
  const pretty = JSON.stringify(value, null, 2) ?? String(value);
  if (pretty.length <= TREE_THRESHOLD) return h('pre', { class: 'json-pretty', tabindex: '0' }, pretty);
  return h('div', { class: 'json-tree' }, node(null, value, 0));
}

function node(key: string | null, value: unknown, depth: number): HTMLElement {
  const label = key === null ? null : h('span', { class: 'json-key' }, `${key}: `);
  if (value !== null && typeof value === 'object') {
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    const summary = Array.isArray(value)
      ? `[ ${t('window.json.items', { count: entries.length })} ]`
      : `{ ${t('window.json.fields', { count: entries.length })} }`;
    const list = h('ul', { class: 'json-children' });
    const fill = (): void => {
      for (const [k, v] of entries.slice(0, MAX_CHILDREN)) list.append(h('li', null, node(k, v, depth + 1)));
      if (entries.length > MAX_CHILDREN)
        list.append(h('li', { class: 'muted' }, t('window.json.more', { count: entries.length - MAX_CHILDREN })));
    };
    const open = depth < 2;
    const details = h(
      'details',
      { open },
      h('summary', null, label, h('span', { class: 'json-summary' }, summary)),
      list,
    );
    // Closed branches are built when first opened, so huge answers render quickly.
    if (open) fill();
    else details.addEventListener('toggle', () => details.open && list.childElementCount === 0 && fill());
    return details;
  }
  return h(
    'div',
    { class: 'json-leaf' },
    label,
    h('span', { class: `json-${value === null ? 'null' : typeof value}` }, JSON.stringify(value) ?? String(value)),
  );
}
