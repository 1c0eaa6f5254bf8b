import { describe, expect, it } from 'vitest';
import { shellAssignments } from '../../../main/cli/token-output';

/**
 * PowerShell's rule for a single-quoted string, from the Windows PowerShell Language
 * Specification 3.0, §2.3.5.2 String literals:
 *
 *   verbatim-string-literal: single-quote-character verbatim-string-characters? single-quote-character
 *   verbatim-string-part:    any Unicode character except single-quote-character
 *                            single-quote-character single-quote-character
 *   single-quote-character:  ' (U+0027), ‘ (U+2018), ’ (U+2019), ‚ (U+201A), ‛ (U+201B)
 *
 * As PowerShell's tokenizer does, a pair of quote characters stands for the second one.
 * Returns the string's value and whatever follows its closing quote (more PowerShell to run).
 */
const psQuotes = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
function readVerbatim(source: string): { value: string; rest: string } {
  if (!psQuotes.has(source[0] ?? '')) throw new Error('not a verbatim string');
  let value = '';
  for (let i = 1; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (psQuotes.has(ch)) {
      const next = source[i + 1] ?? '';
      if (!psQuotes.has(next)) return { value, rest: source.slice(i + 1) };
      value += next;
      i += 1;
    } else value += ch;
  }
  throw new Error('the string is never closed');
}

/** One `$env:NAME = '…'` line as PowerShell reads it: the name, the value, and anything left over. */
function readPowershellAssignment(line: string): { name: string; value: string; rest: string } {
  const head = /^\$env:([A-Za-z_][A-Za-z0-9_]*) = /.exec(line);
  if (!head?.[1]) throw new Error(`not an assignment: ${line}`);
  return { name: head[1], ...readVerbatim(line.slice(head[0].length)) };
}

describe('pmtoken env --shell powershell', () => {
  it('reads the plain apostrophe and each of the typographic single quotes back as themselves, running nothing', () => {
    for (const quote of ["'", '\u2018', '\u2019', '\u201a', '\u201b']) {
      const token = `a${quote}; New-Item pwned; ${quote}b${quote}${quote}c`;
      const lines = shellAssignments({ PM_TOKEN: token, PM_API_URL: 'https://pm.example.com/api/1.0' }, 'powershell')
        .split('\n')
        .map(readPowershellAssignment);
      expect(lines, `quote U+${quote.charCodeAt(0).toString(16)}`).toEqual([
        { name: 'PM_TOKEN', value: token, rest: '' },
        { name: 'PM_API_URL', value: 'https://pm.example.com/api/1.0', rest: '' },
      ]);
    }
  });

  it('keeps $ and backticks literal, as single quotes do', () => {
    const token = '$(New-Item pwned)`n${x}';
    expect(readPowershellAssignment(shellAssignments({ PM_TOKEN: token }, 'powershell'))).toEqual({
      name: 'PM_TOKEN',
      value: token,
      rest: '',
    });
  });
});
