import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../../main/core/errors';
import { shellQuote, toCurl } from '../../../../main/core/api';

/** Runs the command in a real POSIX shell with `curl` replaced by a function that prints its arguments, NUL-separated. */
function argvOf(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
  const out = execFileSync('/bin/sh', ['-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return out.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  const instance = 'https://acme.processmaker.net';

  it('writes $PM_TOKEN for the shell to expand when no token is given', () => {
    const command = toCurl(instance, { method: 'GET', path: 'users', query: [['filter', "O'Brien & co"]] }, null);
    expect(command).toContain('$PM_TOKEN');
    expect(argvOf(command, { PM_TOKEN: 'tok' })).toEqual([
      'https://acme.processmaker.net/api/1.0/users?filter=O%27Brien+%26+co',
      '-H',
      'Authorization: Bearer tok',
      '-H',
      'Accept: application/json',
    ]);
  });

  it('keeps quotes, dollars and newlines in a body intact', () => {
    const body = `{"name": "it's $HOME \`x\`",\n "n": 1}`;
    const args = argvOf(
      toCurl(
        instance,
        { method: 'POST', path: '/process_events/3', query: [['event', 'node_1']], body },
        'abc.def.ghi',
      ),
    );
    expect(args).toEqual([
      '-X',
      'POST',
      'https://acme.processmaker.net/api/1.0/process_events/3?event=node_1',
      '-H',
      'Authorization: Bearer abc.def.ghi',
      '-H',
      'Accept: application/json',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      body,
    ]);
  });

  it('uses --head for HEAD and passes user headers', () => {
    const args = argvOf(toCurl(instance, { method: 'HEAD', path: 'users', headers: [['X-Trace', 'a b']] }, null), {
      PM_TOKEN: 't',
    });
    expect(args[0]).toBe('--head');
    expect(args.slice(-2)).toEqual(['-H', 'X-Trace: a b']);
  });

  it('refuses to write a command that would send the token to another origin', () => {
    expect(() => toCurl(instance, { method: 'GET', path: 'https://evil.example/api/1.0/users' }, 'secret')).toThrow(
      TokenTrayError,
    );
  });

  it('quotes only what needs quoting', () => {
    expect(shellQuote('https://a.b/c')).toBe('https://a.b/c');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});
