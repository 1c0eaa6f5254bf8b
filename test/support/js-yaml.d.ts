// js-yaml ships no types (it comes with electron-updater); the tests only parse.
declare module 'js-yaml' {
  /** Parses one YAML document. */
  export function load(text: string): unknown;
}
