/** An editable table of name/value rows (query parameters, headers). */
import { h } from '../../dom';
import { t } from '../../i18n';

/** The table element plus accessors. */
export interface KvTable {
  element: HTMLElement;
  /** Non-empty rows, trimmed names. */
  rows(): Array<[string, string]>;
  /** Replaces every row. */
  set(rows: Array<[string, string]>): void;
}

/** The table's words, in the active language; a row's labels take its number. */
export interface KvLabels {
  title: string;
  /** "Add parameter". */
  add: string;
  /** "parameter 1 name". */
  name(n: number): string;
  /** "parameter 1 value". */
  value(n: number): string;
  /** "Remove parameter 1". */
  remove(n: number): string;
}

/** Builds a table with `labels` ("Query parameters", "Add parameter", …). */
export function kvTable(labels: KvLabels, testId: string): KvTable {
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
        h('th', { scope: 'col' }, t('window.console.table.name')),
        h('th', { scope: 'col' }, t('window.console.table.value')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('window.console.table.remove'))),
      ),
    ),
    body,
  );
  const add = h('button', { type: 'button', class: 'small' }, labels.add);
  const element = h(
    'fieldset',
    { class: 'kv', 'data-testid': testId },
    h('legend', { class: 'field-label' }, labels.title),
    table,
    add,
  );

  function addRow(name = '', value = ''): HTMLInputElement {
    const n = body.children.length + 1;
    const nameInput = h('input', { type: 'text', value: name, 'aria-label': labels.name(n), spellcheck: 'false' });
    const valueInput = h('input', { type: 'text', value, 'aria-label': labels.value(n), spellcheck: 'false' });
    const row = h('tr', null, h('td', null, nameInput), h('td', null, valueInput));
    const remove = h('button', { type: 'button', class: 'small', 'aria-label': labels.remove(n) }, '✕');
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
