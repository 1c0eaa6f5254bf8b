/**
 * The Linux policy file is trusted only when it and every folder above it (links resolved) belong to
 * root and nobody else may write them. Real folders, the real system reader; the tests run as root,
 * so the folders start root-owned and a test gives one away with chown.
 */
import { chmod, chown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPolicies, realPolicySystem } from '../../../../main/core';
import { repoRoot } from '../../cli/support/cli';

const policy = JSON.stringify({ OrganizationName: 'Acme Ltd' });

/** True when `dir` (or the part of it that exists) and every folder above it belong to root and only root may write them. */
function onlyRootWrites(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    let info;
    try {
      info = statSync(at);
    } catch {
      if (at === dirname(at)) return false;
      continue;
    }
    if (info.uid !== 0 || (info.mode & 0o022) !== 0) return false;
    if (at === dirname(at)) return true;
  }
}

describe('the Linux policy file and the folders above it', () => {
  let base = '';
  let etc = '';
  let file = '';
  const read = (linuxPath = file) => readPolicies({ ...realPolicySystem(), platform: 'linux', linuxPath });

  beforeEach(async () => {
    // Under the repository if every folder above it is root's alone, else under root's home: never /tmp,
    // which anyone may write (a clone may itself live there).
    const cache = [join(repoRoot, 'node_modules', '.cache'), join(homedir(), '.cache')].find(onlyRootWrites);
    if (!cache) throw new Error('No folder here has a chain of folders only root may write.');
    await mkdir(cache, { recursive: true });
    base = await mkdtemp(join(cache, 'token-tray-policy-folders-'));
    await chmod(base, 0o755);
    etc = join(base, 'etc', 'token-tray');
    await mkdir(etc, { recursive: true, mode: 0o755 });
    file = join(etc, 'policy.json');
    await writeFile(file, policy, { mode: 0o644 });
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it.skipIf(process.getuid?.() !== 0)('applies when root owns every folder and nobody else can write one', async () => {
    expect(await read()).toMatchObject({ values: { OrganizationName: 'Acme Ltd' }, problems: [] });
  });

  it.skipIf(process.getuid?.() !== 0)(
    'ignores it, naming the folder, when a folder is writable by others or group',
    async () => {
      for (const [folder, mode] of [
        [etc, 0o777],
        [etc, 0o775],
        [join(base, 'etc'), 0o757],
        [base, 0o777],
      ] as const) {
        await chmod(folder, mode);
        expect(await read(), `${folder} ${mode.toString(8)}`).toEqual({
          values: {},
          problems: [
            `The policy file ${file} was ignored: its folder ${folder} must belong to root and be writable by nobody else.`,
          ],
          sources: {},
        });
        await chmod(folder, 0o755);
      }
    },
  );

  it.skipIf(process.getuid?.() !== 0)('ignores it when a folder belongs to someone else', async () => {
    await chown(etc, 1000, 1000);
    expect((await read()).problems).toEqual([
      `The policy file ${file} was ignored: its folder ${etc} must belong to root and be writable by nobody else.`,
    ]);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'follows links: a linked file in a folder others can write is ignored',
    async () => {
      const open = join(base, 'open');
      await mkdir(open, { mode: 0o755 });
      await chmod(open, 0o777);
      await writeFile(join(open, 'policy.json'), policy, { mode: 0o644 });
      const linked = join(etc, 'linked.json');
      await symlink(join(open, 'policy.json'), linked);
      expect((await read(linked)).problems).toEqual([
        `The policy file ${linked} was ignored: its folder ${open} must belong to root and be writable by nobody else.`,
      ]);
    },
  );
});
