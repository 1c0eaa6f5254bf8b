/** An editable table of name/value rows (query parameters, headers). */
import { h } from '../../dom';

/** The table element plus accessors. */
export interface KvTable {
  element: HTMLElement;
  /** Non-empty rows, trimmed names. */
  rows(): Array<[string, string]>;
  /** Replaces every row. */
  set(rows: Array<[string, string]>): void;
}

/** Builds a table titled `title`; `what` names one row ("parameter", "header"). */
export function kvTable(title: string, what: string, testId: string): KvTable {
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'kv-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Value'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')),
      ),
    ),
    body,
  );
  const add = h('button', { type: 'button', class: 'small' }, `Add ${what}`);
  const element = h(
    'fieldset',
    { class: 'kv', 'data-testid': testId },
    h('legend', { class: 'field-label' }, title),
    table,
    add,
  );

  function addRow(name = '', value = ''): HTMLInputElement {
    const n = body.children.length + 1;
    const nameInput = h('input', { type: 'text', value: name, 'aria-label': `${what} ${n} name`, spellcheck: 'false' });
    const valueInput = h('input', { type: 'text', value, 'aria-label': `${what} ${n} value`, spellcheck: 'false' });
    const row = h('tr', null, h('td', null, nameInput), h('td', null, valueInput));
    const remove = h('button', { type: 'button', class: 'small', 'aria-label': `Remove ${what} ${n}` }, '✕');
    remove.addEventListener('click', () => {
      const next = (row.nextElementSibling ?? row.previousElementSibling)?.querySelector('input');
      row.remove();
      (next ?? add).focus();
    });
    row.append(h('td', null, remove));
    body.append(row);
    return nameInput;
  }

  add.addEventListener('click', () => addRow().focus());
  table.hidden = false;
  return {
    element,
    rows() {
      const out: Array<[string, string]> = [];
      for (const row of Array.from(body.rows)) {
        const [name, value] = Array.from(row.querySelectorAll('input')).map((i) => i.value);
        if (name && name.trim()) out.push([name.trim(), value ?? '']);
      }
      return out;
    },
    set(rows) {
      body.replaceChildren();
      for (const [name, value] of rows) addRow(name, value);
    },
  };
}
