/**
 * The careful writer under a real fault: a child process replacing a file is killed (SIGKILL) in the
 * middle of writing a large file, and the old file is still there, whole.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../main/core/files';
import { bundledChild } from '../support/child-bundle';

const MEGABYTES = 128;
const bundle = bundledChild(resolve(__dirname, 'fixtures/writer-child.ts'));
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'token-tray-writer-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Bytes written so far by a writer of `file`: into a temporary file beside it, or into the file itself. */
function bytesUnderWay(folder: string, file: string, oldSize: number): number {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name.endsWith('.tmp')) return statSync(path).size;
    if (path === file && statSync(path).size !== oldSize) return statSync(path).size || 1;
  }
  return 0;
}

describe('the careful writer', () => {
  it('leaves the old file whole when its process is killed in the middle of a write', async () => {
    const file = join(folder, 'config.json');
    const old = `${JSON.stringify({ profiles: [{ name: 'kept' }] }, null, 2)}\n`;
    writeFileSync(file, old, { mode: 0o600 });

    const child = spawn(process.execPath, [bundle()], {
      env: { ...process.env, FILE: file, MEGABYTES: String(MEGABYTES) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    await new Promise<void>((ready) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('writing')) ready();
      }),
    );
    // Kill it as soon as the first bytes of the new content are written (a busy wait: the write is quick).
    const giveUp = Date.now() + 10_000;
    let written = 0;
    while (written === 0 && Date.now() < giveUp) written = bytesUnderWay(folder, file, old.length);
    child.kill('SIGKILL');
    expect(await exited, stderr).toBe('SIGKILL');
    expect(stdout).not.toContain('written');
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(MEGABYTES * 1024 * 1024);

    expect(readFileSync(file, 'utf8')).toBe(old);
    // The next write (this process) replaces it as usual.
    writeFileAtomic(file, '{"profiles":[]}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"profiles":[]}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
