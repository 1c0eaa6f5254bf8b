import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../server/cli-args';

describe('pm-server command line', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-server-cli-'));
    bundle = join(dir, 'pm-server.js');
    await build({
      entryPoints: ['test/server/cli.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the bundle until it prints its URL; returns the URL, the output so far and a stop function. */
  function run(args: string[]): Promise<{ url: string; output: string; stop: () => Promise<number | null> }> {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /^pm-server listening on (\S+)$/m.exec(output);
        if (m) resolve({ url: m[1] as string, output, stop: () => (child.kill('SIGTERM'), exited) });
      });
      void exited.then((code) => reject(new Error(`exited early with ${code}: ${output.slice(0, 200)}`)));
    });
  }

  it('parses its flags and refuses unknown ones', () => {
    expect(parseCliArgs(['--port', '8080', '--https', '--latency=20', '--config', 'x.json'])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      configFile: 'x.json',
      https: true,
      latencyMs: 20,
    });
    expect(parseCliArgs([])).toMatchObject({ port: 0, https: false });
    expect(() => parseCliArgs(['--bogus'])).toThrow(/Unknown option/);
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/whole number/);
  });

  it('prints one "pm-server listening on <url>" line, serves, and exits cleanly on SIGTERM', async () => {
    const { url, output, stop } = await run(['--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output.match(/pm-server listening on/g)).toHaveLength(1);
    expect(output).toContain('Token Tray');
    expect((await fetch(`${url}/docs/api-docs.json`)).status).toBe(200);
    expect(await stop()).toBe(0);
  });

  it('takes users and clients from --config', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        users: [
          {
            id: 7,
            username: 'sam',
            password: 'pw-from-config',
            email: 'sam@example.com',
            firstname: 'Sam',
            lastname: 'Lee',
            is_administrator: true,
          },
        ],
        clients: [
          { id: 4, name: 'Scripts', secret: 'c'.repeat(40), redirect: 'http://localhost', types: ['password_client'] },
        ],
      }),
    );
    const { url, stop } = await run(['--config', config]);
    try {
      const res = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: '4',
          client_secret: 'c'.repeat(40),
          username: 'sam',
          password: 'pw-from-config',
        }),
      });
      expect(res.status).toBe(200);
    } finally {
      await stop();
    }
  });
});
