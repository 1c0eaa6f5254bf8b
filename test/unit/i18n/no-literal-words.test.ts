/**
 * No sentence is written where it is shown: the window's views, the tray menu and the notifications
 * take every word from the catalogues. This walks their source with the TypeScript parser and lists
 * each string literal that reads like words for people (letters and a space, or a capitalised word),
 * apart from the places that hold no words (CSS classes, test ids, tags, event names, catalogue keys).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The code that shows words: every renderer view and helper, the tray menu, the notifications. */
const SHOWN = [
  ...filesUnder(join(root, 'renderer/src')),
  join(root, 'main/desktop/tray-menu.ts'),
  join(root, 'main/desktop/actions.ts'),
  join(root, 'main/desktop/renewal/session-notices.ts'),
  join(root, 'main/desktop/secret-clipboard.ts'),
  join(root, 'main/desktop/updates/update-state.ts'),
  join(root, 'main/desktop/updates/update-support.ts'),
  join(root, 'main/shell/preferences-effects.ts'),
  join(root, 'main/shell/index.ts'),
  join(root, 'main/core/oauth/loopback-pages.ts'),
];

/** Words that are names, not sentences: they stay as they are in every language. */
const NAMES = new Set(['Token Tray', 'ProcessMaker', 'pmtoken']);

/** Keyboard keys as Electron's accelerators and the DOM name them: data, shown through the catalogue. */
const KEY_NAMES = new Set(
  'Space Tab Backspace Delete Insert Enter Return Up Down Left Right Home End PageUp PageDown Escape Control Meta Alt Shift AltGraph Super Command CommandOrControl Option Plus'.split(
    ' ',
  ),
);

/** Properties whose values are never words for people. */
const NOT_WORDS_PROPS = new Set([
  'class',
  'className',
  'data-testid',
  'id',
  'type',
  'role',
  'name',
  'autocomplete',
  'inputmode',
  'for',
  'rel',
  'target',
  'method',
  'lang',
  'dir',
  'kind',
  'view',
  'state',
  'reason',
  'code',
  'key',
  'accept',
  'pattern',
  'spellcheck',
  'autocapitalize',
  'enterkeyhint',
  'aria-live',
  'aria-hidden',
  'aria-current',
  'aria-expanded',
  'aria-controls',
  'aria-describedby',
  'aria-labelledby',
  'aria-invalid',
  'aria-pressed',
  'aria-selected',
  'aria-haspopup',
  'aria-modal',
  'tabindex',
  'style',
  'href',
  'src',
  'value',
  'min',
  'max',
  'step',
  'format',
]);

/** Calls whose string arguments are not words (selectors, tags, event names, keys, log lines). */
const NOT_WORDS_CALLS =
  /^(t|say\(\)\.t|say\.t|words\.t|i18n\(\)\.t|querySelector|querySelectorAll|getElementById|closest|addEventListener|removeEventListener|dispatchEvent|CustomEvent|createElement|getAttribute|removeAttribute|toggleAttribute|matches|call|notify|startsWith|endsWith|includes|replace|split|join|test|error|warn|info|log|mark|measure|getPropertyValue|setProperty|setItem|getItem|Error|TokenTrayError|keyFor|go|on|off|emit|toggle|add|remove|contains)$/;

const KEY = /^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)+$/;

function readsLikeWords(raw: string): boolean {
  // Markup and styles (the browser pages' template) hold no words; what is between the tags may.
  const text = raw.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ');
  const trimmed = text.trim();
  if (trimmed === '' || NAMES.has(trimmed) || KEY.test(trimmed)) return false;
  // An accelerator ('CommandOrControl+Shift+T') or a key's name is data.
  if (trimmed.split('+').every((part) => KEY_NAMES.has(part) || /^[A-Z0-9]$/.test(part))) return false;
  // Two words with a space between, or a capitalised word ("Copy"): both read as text for people.
  return /[A-Za-zÀ-ÿ]{2,}[,.:;!?]?\s+[A-Za-zÀ-ÿ]{2,}/.test(trimmed) || /^[A-Z][a-z]{2,}$/.test(trimmed);
}

function calleeName(call: ts.CallExpression | ts.NewExpression, source: ts.SourceFile): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) {
    const text = callee.getText(source);
    return /^(say\(\)|say|words|i18n\(\))\.t$/.test(text) ? text : callee.name.text;
  }
  return '';
}

/** True when the literal sits where no word for people can be. */
function exempt(node: ts.Node, source: ts.SourceFile): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  // Through `a ? 'x' : 'y'`, parentheses and `'x' + y` to what takes the value.
  while (
    ts.isConditionalExpression(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    ts.isTemplateExpression(parent) ||
    (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken)
  ) {
    child = parent;
    parent = parent.parent;
  }
  // `this.name = 'ApiError'`: an error class's name.
  if (ts.isBinaryExpression(parent) && parent.left.getText(source) === 'this.name') return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent))
    return true;
  if (ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.initializer === child) {
    const name = parent.name.getText(source).replace(/^['"]|['"]$/g, '');
    if (NOT_WORDS_PROPS.has(name)) return true;
  }
  if (ts.isPropertyAssignment(parent) && parent.name === child) return true;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && NOT_WORDS_CALLS.test(calleeName(parent, source)))
    return true;
  // h('button', …) and setAttribute('aria-label', …): the first argument is a tag or a name, the rest may be words.
  if (
    ts.isCallExpression(parent) &&
    /^(h|setAttribute)$/.test(calleeName(parent, source)) &&
    parent.arguments[0] === child
  )
    return true;
  if (ts.isBinaryExpression(parent) && /===|!==|==|!=/.test(parent.operatorToken.getText(source))) return true;
  if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent)) return true;
  return false;
}

function literalsIn(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let words: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) words = node.text;
    else if (ts.isTemplateExpression(node))
      words = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (words !== null && readsLikeWords(words) && !exempt(node, source)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${relative(root, path)}:${line + 1} ${JSON.stringify(words.slice(0, 70))}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('words come from the catalogues', () => {
  it('the window, the tray menu, notifications and the browser pages write no sentence of their own', () => {
    expect(SHOWN.flatMap(literalsIn)).toEqual([]);
  });
});
