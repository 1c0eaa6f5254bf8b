import { describe, expect, it } from 'vitest';
import { statusAdvice } from '../../../renderer/src/views/console/status-advice';

describe('the sentence above an HTTP error', () => {
  it.each([
    [401, /^ProcessMaker did not accept the token\. Sign in again/],
    [403, /not allowed to do this\. Ask your ProcessMaker administrator/],
    [404, /^ProcessMaker has nothing at this address\./],
    [405, /does not accept this method/],
    [422, /did not accept the data sent/],
    [429, /^Too many requests/],
    [500, /on the ProcessMaker server/],
    [503, /on the ProcessMaker server/],
  ])('%i: says what to check', (status, words) => {
    expect(statusAdvice(status)).toMatch(words);
  });

  it('adds nothing where it has nothing useful to say', () => {
    for (const status of [200, 204, 301, 400, 418, 600]) expect(statusAdvice(status)).toBeNull();
  });
});
