import { describe, expect, it } from 'vitest';
import { callbackError, SignInFlows } from '../../../../main/core/oauth';
import type { AuthorizeRequest } from '../../../../main/core/oauth';

const request = (state: string): AuthorizeRequest => ({
  url: 'https://acme.example/oauth/authorize',
  state,
  codeVerifier: 'v',
  redirectUri: 'pmtokentray://oauth/callback',
});

describe('sign-in flows', () => {
  it.each([
    ['access_denied', undefined, 'sign_in_cancelled'],
    ['invalid_client', undefined, 'client_rejected'],
    ['unsupported_response_type', undefined, 'client_rejected'],
    ['invalid_request', 'Invalid redirect URI', 'redirect_mismatch'],
    ['invalid_scope', undefined, 'invalid_input'],
    ['server_error', undefined, 'server_error'],
    ['missing_code', undefined, 'sign_in_failed'],
    ['something_new', undefined, 'sign_in_failed'],
  ])('an error callback %s (%s) becomes %s', (error, description, code) => {
    expect(callbackError(error, description).code).toBe(code);
  });

  it('a refused scope names who can fix it, since the window has no scope field', () => {
    const err = callbackError('invalid_scope', undefined);
    expect(err.message).toBe('ProcessMaker does not accept the scope set on this profile.');
    expect(err.nextStep).toMatch(/^Ask whoever set up this profile \(usually your IT team\)/);
  });

  it('accepts only the state it is waiting for; the flow keeps waiting after a wrong one, and ends once', async () => {
    const flows = new SignInFlows<string>();
    const flow = flows.register({
      profileId: 'p',
      redirectMode: 'app',
      request: request('good'),
      listener: null,
      timeoutMs: 10_000,
      now: 0,
    });
    const complete = async (_f: unknown, code: string) => `done with ${code}`;
    expect(() => flows.deliver({ kind: 'code', code: 'c', state: 'bad' }, complete)).toThrow(
      expect.objectContaining({ code: 'state_mismatch' }),
    );
    expect(flows.get(flow.flowId)).toBeDefined();
    expect(flows.deliver({ kind: 'unknown' }, complete)).toBeNull();
    await expect(flows.deliver({ kind: 'code', code: 'c', state: 'good' }, complete)).resolves.toBe('done with c');
    expect(flows.get(flow.flowId)).toBeUndefined();
    expect(() => flows.deliver({ kind: 'code', code: 'c', state: 'good' }, complete)).toThrow(
      expect.objectContaining({ code: 'state_mismatch' }),
    );
  });

  it('times out with sign_in_timeout', async () => {
    const flows = new SignInFlows<string>();
    const flow = flows.register({
      profileId: 'p',
      redirectMode: 'app',
      request: request('s'),
      listener: null,
      timeoutMs: 20,
      now: 0,
    });
    await expect(flow.result).rejects.toMatchObject({
      code: 'sign_in_timeout',
      message: 'Sign-in took too long and was stopped.',
    });
    expect(flows.forProfile('p')).toEqual([]);
  });
});
