import { describe, expect, it } from 'vitest';
import { parseCallbackUrl } from '../../../../main/core/oauth';

describe('parseCallbackUrl', () => {
  it('reads code and state from the app scheme and from the loopback listener', () => {
    expect(parseCallbackUrl('pmtokentray://oauth/callback?code=abc&state=xyz')).toEqual({
      kind: 'code',
      code: 'abc',
      state: 'xyz',
    });
    expect(parseCallbackUrl('pmtokentray://oauth/callback/?code=abc&state=xyz')).toEqual({
      kind: 'code',
      code: 'abc',
      state: 'xyz',
    });
    expect(parseCallbackUrl('http://127.0.0.1:53123/oauth/callback?code=a%2Fb&state=s')).toEqual({
      kind: 'code',
      code: 'a/b',
      state: 's',
    });
  });

  it('reads ProcessMaker’s error callback (access denied) with its description and state', () => {
    const url =
      'pmtokentray://oauth/callback?state=s1&error=access_denied&error_description=The+resource+owner+denied&hint=The+user+denied+the+request';
    expect(parseCallbackUrl(url)).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'The resource owner denied',
      state: 's1',
    });
  });

  it('a callback with state but no code is an error; with a code but no state it cannot match any flow', () => {
    expect(parseCallbackUrl('pmtokentray://oauth/callback?state=s')).toEqual({
      kind: 'error',
      error: 'missing_code',
      state: 's',
    });
    expect(parseCallbackUrl('pmtokentray://oauth/callback?code=c')).toEqual({ kind: 'error', error: 'missing_state' });
  });

  it.each([
    'pmtokentray://oauth/other?code=a&state=b',
    'pmtokentray://settings',
    'https://127.0.0.1/oauth/callback?code=a&state=b',
    'http://evil.example/oauth/callback?code=a&state=b',
    'http://127.0.0.1:1234/callback?code=a&state=b',
    'not a url',
    '',
    'pmtokentray://oauth/callback',
  ])('%j is unknown', (url) => {
    expect(parseCallbackUrl(url)).toEqual({ kind: 'unknown' });
  });
});
