import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../../main/core/errors';
import { fixedTokenRunner, lookupUser, toUserInfo } from '../../../../main/core/api';

const clock = { now: () => Date.now() };
const userOf = (url: string, token: string) => lookupUser(fixedTokenRunner(fetch, url, token, clock));
import { startPmServer, type PmServer } from '../../../server';
import { passwordTokens, startRawServer } from '../support/servers';

describe('lookupUser', () => {
  let pm: PmServer;
  beforeAll(async () => {
    pm = await startPmServer();
  });
  afterAll(async () => {
    await pm.close();
  });

  it('finds the user a password-grant token belongs to from its sub', async () => {
    const { access } = await passwordTokens(pm);
    const user = await userOf(pm.url, access);
    const seed = pm.seed.user;
    expect(user).toEqual({
      id: String(seed.id),
      name: `${seed.firstname} ${seed.lastname}`,
      username: seed.username,
      email: seed.email,
    });
  });

  it('finds the owner of a personal access token', async () => {
    const pat = await pm.issuePersonalAccessToken(pm.seed.admin.id, 'whoami test');
    expect((await userOf(pm.url, pat)).username).toBe(pm.seed.admin.username);
  });

  it('says token_rejected for a revoked token', async () => {
    const { access } = await passwordTokens(pm);
    pm.faults.revokeEverything();
    const err = await userOf(pm.url, access).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenTrayError);
    expect((err as TokenTrayError).code).toBe('token_rejected');
  });

  it('asks users/configuration for the id when the token is not a JWT', async () => {
    const seen: string[] = [];
    const server = await startRawServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization}`);
      res.setHeader('Content-Type', 'application/json');
      if (req.headers.authorization !== 'Bearer opaque-token')
        return void res.writeHead(401).end('{"error":"Unauthenticated."}');
      if (req.url === '/api/1.0/users/configuration') return void res.end('{"user_id":7,"ui_configuration":{}}');
      if (req.url === '/api/1.0/users/7')
        return void res.end('{"id":7,"username":"sam","firstname":"","lastname":"","fullname":""}');
      res.writeHead(404).end('{"error":"Not Found"}');
    });
    try {
      expect(await userOf(server.url, 'opaque-token')).toEqual({ id: '7', name: 'sam', username: 'sam' });
      expect(seen).toEqual([
        '/api/1.0/users/configuration Bearer opaque-token',
        '/api/1.0/users/7 Bearer opaque-token',
      ]);
    } finally {
      await server.close();
    }
  });

  it('prefers fullname, then first and last name, then username', () => {
    expect(toUserInfo({ id: 1, fullname: 'Ada Lovelace', firstname: 'A', lastname: 'L', username: 'ada' }).name).toBe(
      'Ada Lovelace',
    );
    expect(toUserInfo({ id: 1, firstname: 'Ada', lastname: 'Lovelace', username: 'ada' }).name).toBe('Ada Lovelace');
    expect(toUserInfo({ data: { id: 1, username: 'ada' } }).name).toBe('ada');
  });
});
