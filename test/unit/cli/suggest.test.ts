import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../../main/cli/suggest';

const commands = ['add', 'setup', 'login', 'status', 'token', 'run', 'env', 'whoami', 'request', 'profiles', 'use'];

describe('did you mean', () => {
  it('counts a missed, added, changed or swapped letter as one slip', () => {
    expect(editDistance('tokn', 'token')).toBe(1);
    expect(editDistance('tokken', 'token')).toBe(1);
    expect(editDistance('tiken', 'token')).toBe(1);
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('', 'run')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('names the one command within two slips, whatever the case', () => {
    expect(closestWord('tokn', commands)).toBe('token');
    expect(closestWord('STAUTS', commands)).toBe('status');
    expect(closestWord('requets', commands)).toBe('request');
    expect(closestWord('profile', commands)).toBe('profiles');
  });

  it('allows one slip in a short word, and names nothing far off or ambiguous', () => {
    expect(closestWord('us', commands)).toBe('use');
    expect(closestWord('x', commands)).toBeNull();
    expect(closestWord('frobnicate', commands)).toBeNull();
    expect(closestWord('en', commands)).toBe('env');
    expect(closestWord('ab', ['abc', 'abd'])).toBeNull();
  });

  it('names the only option a word begins, for a flag cut short', () => {
    const options = ['--client-id', '--client-secret-stdin', '--grant', '--json'];
    expect(closestWord('--client-secret', options)).toBe('--client-secret-stdin');
    expect(closestWord('--client', options)).toBeNull();
    expect(closestWord('--jsn', options)).toBe('--json');
  });
});
