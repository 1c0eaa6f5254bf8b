import { describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../../main/core/errors';
import { resolveApiUrl } from '../../../../main/core/api';

const instance = 'https://acme.example/';

function refusal(path: string): TokenTrayError {
  try {
    resolveApiUrl(instance, path);
  } catch (err) {
    if (err instanceof TokenTrayError) return err;
    throw err;
  }
  throw new Error(`${path} was accepted`);
}

describe('resolveApiUrl', () => {
  it('keeps ordinary paths under /api/1.0/', () => {
    expect(resolveApiUrl(instance, 'users?page=2').href).toBe('https://acme.example/api/1.0/users?page=2');
    expect(resolveApiUrl(instance, '/users').href).toBe('https://acme.example/api/1.0/users');
    expect(resolveApiUrl(instance, '/api/1.0/users/./1').href).toBe('https://acme.example/api/1.0/users/1');
    expect(resolveApiUrl(instance, 'users/1/../2').href).toBe('https://acme.example/api/1.0/users/2');
  });

  it.each([
    '../../oauth/token',
    '/../../oauth/token',
    'users/../../../oauth/token',
    '%2e%2e/%2e%2e/oauth/token',
    '..\\..\\oauth\\token',
  ])('refuses %s, which leaves the API and would carry the token elsewhere on the server', (path) => {
    const err = refusal(path);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe('That path leads outside ProcessMaker’s API (/api/1.0/).');
  });

  it('still takes a full address on the same origin, as typed', () => {
    expect(resolveApiUrl(instance, 'https://acme.example/oauth/token').href).toBe('https://acme.example/oauth/token');
  });

  it('keeps an instance that lives under a path inside its own API', () => {
    const sub = 'https://acme.example/pm/';
    expect(resolveApiUrl(sub, 'users').href).toBe('https://acme.example/pm/api/1.0/users');
    expect(() => resolveApiUrl(sub, '../../../pm2/api/1.0/users')).toThrow(TokenTrayError);
  });
});
