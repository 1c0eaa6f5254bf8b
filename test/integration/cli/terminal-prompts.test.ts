import { describe, expect, it } from 'vitest';
import { runOnTerminal } from './support/terminal';
import { useCliSuite } from './support/suite';

describe('pmtoken at a terminal asks for what is missing', () => {
  const suite = useCliSuite();
  const base = () => ['--config-dir', suite.configDir];
  const addPasswordProfile = async () => {
    const client = suite.pm.seed.passwordClient;
    const args = ['add', 'acme', '--url', suite.pm.url, '--client-id', String(client.id), '--grant', 'password'];
    const added = await suite.run([...args, '--client-secret-stdin'], client.secret ?? '');
    expect(added.code).toBe(0);
  };

  it('login asks for the username (shown) and the password (hidden), then signs in', async () => {
    const { user } = suite.pm.seed;
    await addPasswordProfile();
    const res = await runOnTerminal(
      suite.cli,
      [...base(), 'login', 'acme'],
      [
        { question: 'ProcessMaker username (not your email address): ', type: `${user.username}\r` },
        { question: `Password for ${user.username}: `, type: `${user.password}\r` },
      ],
    );
    expect(res.shown).toContain(`Signed in to “acme” as ${user.firstname} ${user.lastname}`);
    expect(res.code).toBe(0);
    // The username is shown as it is typed; the password never is.
    expect(res.shown).toContain(`ProcessMaker username (not your email address): ${user.username}\n`);
    expect(res.shown).not.toContain(user.password);
  });

  it('login off a terminal never waits for an answer: it names the option', async () => {
    await addPasswordProfile();
    const res = await suite.run(['login', 'acme']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Give your ProcessMaker username with --username.');
  });

  it('add checks the address before it asks for the Auth Client, then asks for its ID and secret', async () => {
    const early = await runOnTerminal(suite.cli, [...base(), 'add', 'acme', '--url', 'acme'], []);
    expect(early.code).toBe(2);
    expect(early.shown).toContain('That does not look like a full server name (for example acme.processmaker.net).');
    expect(early.shown).not.toContain('Client ID');
    const client = suite.pm.seed.passwordClient;
    const asked = await runOnTerminal(
      suite.cli,
      [...base(), 'add', 'acme', '--url', suite.pm.url, '--grant', 'password'],
      [
        { question: 'Client ID (ProcessMaker shows it under Admin > Auth Clients): ', type: `${client.id}\r` },
        {
          question: 'Client secret (not shown; press Enter if the Auth Client has none): ',
          type: `${client.secret ?? ''}\r`,
        },
      ],
    );
    expect(asked.shown).toContain('Added profile “acme”');
    expect(asked.code).toBe(0);
    expect(asked.shown).not.toContain(client.secret ?? '');
  });

  it('add off a terminal says what is wrong with the address before it names --client-id', async () => {
    const res = await suite.run(['add', 'acme', '--url', 'acme']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('That does not look like a full server name');
    expect(res.stderr).not.toContain('--client-id');
  });
});
