import { describe, expect, it } from 'vitest';
import { commands } from '../../../main/cli/commands/registry';
import { commandHelp, generalHelp } from '../../../main/cli/help';

/** Characters other than line feed that have no place in help read on a terminal. */
function controlCharacters(text: string): string[] {
  return [...text].filter((ch) => {
    const code = ch.charCodeAt(0);
    return (code < 0x20 && ch !== '\n') || (code >= 0x7f && code <= 0x9f);
  });
}

describe('pmtoken help', () => {
  it('holds no control character (an escape written as \\x1b in a template becomes a raw one)', () => {
    expect(controlCharacters(generalHelp(commands.values()))).toEqual([]);
    for (const spec of commands.values())
      expect([spec.name, controlCharacters(commandHelp(spec))]).toEqual([spec.name, []]);
  });

  it('fits an 80-column terminal, except for usage lines and example commands', () => {
    const tooLong = (text: string) =>
      text.split('\n').filter((line) => line.length > 80 && !/^(Usage:| {2}(pmtoken|printf|curl|source) )/.test(line));
    expect(tooLong(generalHelp(commands.values()))).toEqual([]);
    for (const spec of commands.values()) expect([spec.name, tooLong(commandHelp(spec))]).toEqual([spec.name, []]);
  });
});
