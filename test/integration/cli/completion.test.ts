import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCliSuite } from './support/suite';

const exec = promisify(execFile);

function installed(shell: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('pmtoken completion', () => {
  const fx = useCliSuite({ configDir: 'per-file' });
  let bin = '';

  beforeAll(async () => {
    // A `pmtoken` on PATH, as an installed one would be, running the built CLI.
    bin = await mkdtemp(join(tmpdir(), 'pmtoken-bin-'));
    await writeFile(join(bin, 'pmtoken'), `#!/bin/sh\nexec "${process.execPath}" "${fx.cli.path}" "$@"\n`);
    await chmod(join(bin, 'pmtoken'), 0o755);
    await fx.run(['add', 'acme', '--url', fx.pm.url, '--grant', 'pat']);
    await fx.run(['add', 'beta', '--url', fx.pm.url, '--grant', 'pat']);
  });
  afterAll(async () => {
    await rm(bin, { recursive: true, force: true });
  });

  const env = () => ({ ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, PMTOKEN_CONFIG_DIR: fx.configDir });

  /** Runs bash's completion function for the words typed (the last one is being completed). */
  const bashComplete = async (words: string[]): Promise<string[]> => {
    const script = `source <(pmtoken completion bash)
complete -p pmtoken >/dev/null || exit 9
COMP_WORDS=(pmtoken ${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length}
_pmtoken; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const { stdout } = await exec('bash', ['-c', script], { env: env() });
    return stdout.split('\n').filter(Boolean);
  };

  it('prints a bash script that parses', async () => {
    const res = await fx.run(['completion', 'bash']);
    expect(res.code).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'pmtoken-comp-'));
    await writeFile(join(dir, 'pmtoken.bash'), res.stdout);
    await expect(exec('bash', ['-n', join(dir, 'pmtoken.bash')])).resolves.toBeDefined();
    await rm(dir, { recursive: true, force: true });
  });

  it('completes commands, options, option values and profile names in bash', async () => {
    expect(await bashComplete(['to'])).toEqual(['token']);
    expect(await bashComplete(['st'])).toEqual(['status']);
    expect(await bashComplete(['token', ''])).toEqual(['acme', 'beta']);
    expect(await bashComplete(['use', 'b'])).toEqual(['beta']);
    expect(await bashComplete(['token', '--f'])).toEqual(['--format', '--force-refresh']);
    expect(await bashComplete(['token', '--format', ''])).toEqual(['raw', 'bearer', 'header', 'env']);
    expect(await bashComplete(['completion', 'z'])).toEqual(['zsh']);
    expect(await bashComplete(['help', 'ru'])).toEqual(['run']);
    expect(await bashComplete(['request', 'acme', 'G'])).toEqual(['GET']);
    // The command after `run --` is completed by bash itself, from PATH.
    expect(await bashComplete(['run', '--', 'pmtok'])).toContain('pmtoken');
  });

  it('prints every script and refuses an unknown shell', async () => {
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
      const res = await fx.run(['completion', shell]);
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('__complete');
    }
    const bad = await fx.run(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pmtoken completes bash, zsh, fish and powershell');
  });

  it.skipIf(!installed('zsh'))('prints a zsh script that loads', async () => {
    const res = await fx.run(['completion', 'zsh']);
    await expect(
      exec(
        'zsh',
        ['-c', `autoload -U compinit && compinit -u && eval "$(pmtoken completion zsh)" && whence -w _pmtoken`],
        {
          env: env(),
        },
      ),
    ).resolves.toMatchObject({ stdout: expect.stringContaining('function') });
    expect(res.code).toBe(0);
  });

  it.skipIf(!installed('fish'))('completes commands, option values and profile names in fish', async () => {
    const complete = async (line: string): Promise<string[]> => {
      const script = `pmtoken completion fish | source; complete -C ${JSON.stringify(line)}`;
      const { stdout } = await exec('fish', ['-c', script], { env: env() });
      // fish prints "candidate<TAB>description"; the candidates are what the user picks from.
      return stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0] ?? '');
    };
    expect(await complete('pmtoken to')).toEqual(['token']);
    expect(await complete('pmtoken token ')).toEqual(['acme', 'beta']);
    expect(await complete('pmtoken token --format ')).toEqual(['bearer', 'env', 'header', 'raw']);
  });
});
