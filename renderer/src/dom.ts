/**
 * A tiny DOM builder. Text always goes through `textContent`, never HTML, so
 * data from the server or the user cannot inject markup.
 */

/** A child: a node, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/** Attributes and event handlers for {@link h}. */
export type Props = {
  [key: string]: string | number | boolean | null | undefined | EventListener | ((event: never) => void);
};

/**
 * Creates an element. `props` keys starting with `on` add listeners; `class`,
 * `for` and other strings become attributes; `true` sets a boolean attribute
 * and `false`/null/undefined leave it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
      } else if (key === 'value' && 'value' in el) {
        (el as HTMLInputElement).value = String(value);
      } else if (key === 'checked' && el instanceof HTMLInputElement) {
        el.checked = value === true;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, ...children);
  return el;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

let idCounter = 0;
/** A unique element id, for label/aria wiring. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled field: label, control, optional hint (wired with aria-describedby). */
export function field(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  const id = control.id || uid('f');
  control.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** A checkbox with its label on the right. */
export function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLLabelElement {
  const input = h('input', { type: 'checkbox', checked });
  input.addEventListener('change', () => onChange(input.checked));
  return h('label', { class: 'check' }, input, label);
}

/**
 * Sets a profile colour as a CSS custom property (CSSOM is allowed by the CSP; style attributes are
 * not). A profile's own element never inherits another's colour: without one it is neutral grey.
 */
export function setProfileColor(el: HTMLElement, color: string | undefined, own = true): void {
  if (color) el.style.setProperty('--profile-color', color);
  else if (own) el.style.setProperty('--profile-color', '#6b7280');
  else el.style.removeProperty('--profile-color');
}
