import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs the check `npm run dist` starts with, on a package.json; resolves to its exit code and stderr. */
async function check(pkgPath: string): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, ['scripts/check-publish.mjs', pkgPath]);
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('npm run dist without the publishing fields', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-publish-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the check before electron-builder', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/^node scripts\/check-publish\.mjs && .*electron-builder/);
  });

  it('stops with a plain message naming each missing field, for the repository as it is', async () => {
    const { code, stderr } = await check('package.json');
    expect(code).toBe(1);
    expect(stderr).toContain('npm run dist stopped: package.json does not say who publishes this build.');
    for (const field of ['"homepage"', '"author.name"', '"author.email"', '"repository"'])
      expect(stderr).toContain(field);
    expect(stderr).not.toMatch(/at .*\.mjs:\d+/); // a sentence, not a stack trace
  });

  it('counts example addresses as missing, and passes once real ones are filled in', async () => {
    const base = JSON.parse(await readFile('package.json', 'utf8')) as Record<string, unknown>;
    const placeholder = join(dir, 'placeholder.json');
    await writeFile(
      placeholder,
      JSON.stringify({
        ...base,
        homepage: 'https://token-tray.example.com',
        author: { name: 'Token Tray developers', email: 'token-tray@example.com' },
        repository: 'https://git.example.org/token-tray',
      }),
    );
    const refused = await check(placeholder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"homepage"');
    expect(refused.stderr).toContain('"author.email"');
    expect(refused.stderr).not.toContain('"author.name"');

    const filled = join(dir, 'filled.json');
    await writeFile(
      filled,
      JSON.stringify({
        ...base,
        homepage: 'https://acme-tools.internal/token-tray',
        author: { name: 'Acme IT', email: 'it@acme-tools.internal' },
        repository: { type: 'git', url: 'https://git.acme-tools.internal/token-tray.git' },
      }),
    );
    expect(await check(filled)).toEqual({ code: 0, stderr: '' });
  });
});
