/** Shortcuts for CLI tests: a pm-server profile added and signed in through the real CLI. */
import type { PmServer } from '../../../server';
import { runCli, type BuiltCli } from './cli';

/** Adds a password-grant profile for `pm` and signs the seed's user in; returns the profile name. */
export async function passwordProfile(cli: BuiltCli, dir: string, pm: PmServer, name = 'pw'): Promise<string> {
  const client = pm.seed.passwordClient;
  const added = await runCli(
    cli,
    [
      '--config-dir',
      dir,
      'add',
      name,
      '--url',
      pm.url,
      '--client-id',
      String(client.id),
      '--grant',
      'password',
      '--client-secret-stdin',
    ],
    {
      stdin: `${client.secret ?? ''}\n`,
    },
  );
  if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
  const login = await runCli(
    cli,
    ['--config-dir', dir, 'login', name, '--username', pm.seed.user.username, '--password-stdin'],
    {
      stdin: `${pm.seed.user.password}\n`,
    },
  );
  if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
  return name;
}
