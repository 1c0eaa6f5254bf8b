/**
 * Shell completion's logic, shared by every shell: given the words before the
 * cursor and the word being typed, the candidates (one a line, an optional tab
 * and description), or a directive for the shell: `:dirs`, `:files` or
 * `:commands` (complete those itself). The scripts of `pmtoken completion`
 * only pass the words in and the lines out.
 */
import type { CommandSpec } from './commands/command';
import { printable } from './escape';
import { globalOptions } from './parse';

/** What completion needs besides the words. */
export interface CompleteDeps {
  commands: ReadonlyMap<string, CommandSpec>;
  /** Profile names and addresses in the settings folder chosen by `configDir` (undefined: the default). */
  profiles(configDir: string | undefined): Promise<Array<{ name: string; instanceUrl: string }>>;
}

type OptionTable = NonNullable<CommandSpec['options']>;

/** The long name of `--name`, `--name=value` or `-x`, in `options`. */
function optionName(word: string, options: OptionTable): string | undefined {
  if (word.startsWith('--')) return word.slice(2).split('=')[0];
  const short = word.slice(1, 2);
  return Object.keys(options).find((name) => options[name]?.short === short);
}

/** Completes `current` after `words` (the words between `pmtoken` and the cursor). */
export async function complete(words: readonly string[], current: string, deps: CompleteDeps): Promise<string[]> {
  let command: CommandSpec | null = null;
  let options: OptionTable = { ...globalOptions };
  const positionals: string[] = [];
  let afterDashes: number | null = null;
  let pending: string | undefined;
  let configDir: string | undefined;
  for (const word of words) {
    if (afterDashes !== null) afterDashes += 1;
    else if (pending !== undefined) {
      if (pending === 'config-dir') configDir = word;
      pending = undefined;
    } else if (word === '--') afterDashes = command?.passThrough ? 0 : null;
    else if (word.startsWith('-') && word !== '-') {
      const name = optionName(word, options);
      if (word.startsWith('--') && word.includes('=')) {
        if (name === 'config-dir') configDir = word.slice(word.indexOf('=') + 1);
      } else if (name && options[name]?.type === 'string') pending = name;
    } else if (command === null) {
      command = deps.commands.get(word) ?? null;
      if (!command) return [];
      options = { ...options, ...command.options };
    } else positionals.push(word);
  }
  if (afterDashes !== null) return [afterDashes === 0 ? ':commands' : ':files'];
  const matching = (list: Iterable<string>): string[] =>
    [...list].filter((c) => c.toLowerCase().startsWith(current.toLowerCase()));
  if (pending !== undefined) {
    if (pending === 'config-dir') return [':dirs'];
    return matching(command?.choices?.[pending] ?? []);
  }
  if (current.startsWith('-')) {
    const names = Object.keys(options).filter((n) => command === null || n !== 'version');
    const flags = names.map((n) => `--${n}`);
    return matching(command?.passThrough ? [...flags, '--'] : flags);
  }
  if (command === null) {
    const visible = [...deps.commands.values()].filter((c) => !c.hidden);
    return visible.filter((c) => matching([c.name]).length > 0).map((c) => `${c.name}\t${c.summary}`);
  }
  const wanted = command.completeArg?.(positionals.length, positionals) ?? {};
  const out = matching(wanted.words ?? []);
  if (wanted.profiles) {
    const profiles = await deps.profiles(configDir).catch(() => []);
    for (const p of profiles) {
      const name = printable(p.name);
      if (matching([name]).length > 0) out.push(`${name}\t${printable(p.instanceUrl)}`);
    }
  }
  return out;
}
