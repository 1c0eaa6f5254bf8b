import { describe, expect, it } from 'vitest';
import { ERROR_CODES, TokenTrayError, toUserError } from '../../../../main/core/errors';
import { englishMessages } from '../../../../main/i18n';

const english = englishMessages as Record<string, string>;

describe('error codes', () => {
  it('lists each code once, and gives each a plain English sentence that ends like one', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) {
      expect(english[`error.${code}`], code).toMatch(/^[A-Z“"'].*[.!?]$/);
      const next = english[`error.${code}.next`];
      if (next !== undefined) expect(next, code).toMatch(/^[A-Z].*[.!?]$/);
    }
  });

  it('every sentence and next step of the errors catalogue reads as a sentence', () => {
    const loose = Object.entries(english).filter(
      ([key, text]) =>
        key.startsWith('error.') &&
        !key.startsWith('error.field.') &&
        !key.startsWith('error.renewal.') &&
        !/^[A-Z“"'{].*[.!?:}]$/su.test(text),
    );
    expect(loose).toEqual([]);
  });

  it('turns a core error into what a person is shown, and anything else into internal without details', () => {
    expect(toUserError(new TokenTrayError('timeout'))).toEqual({
      code: 'timeout',
      key: 'error.timeout',
      nextKey: 'error.timeout.next',
      message: 'The ProcessMaker server took too long to answer.',
      nextStep: 'Try again in a moment.',
    });
    const leaked = toUserError(new Error('ECONNRESET at 10.0.0.7 with token abc'));
    expect(leaked).toEqual({
      code: 'internal',
      key: 'error.internal',
      nextKey: 'error.internal.next',
      message: 'Something went wrong inside Token Tray.',
      nextStep: 'Try again. If it keeps happening, restart the app.',
    });
  });

  it('a particular sentence carries its values, and its own next step or the one it names', () => {
    const taken = new TokenTrayError('invalid_input', 'error.profile.name_taken', { params: { name: 'Acme' } });
    expect(taken.message).toBe('A profile named “Acme” already exists. Choose another name.');
    expect(taken.nextStep).toBeUndefined();
    expect(toUserError(taken)).toMatchObject({ key: 'error.profile.name_taken', params: { name: 'Acme' } });
    const wait = new TokenTrayError('throttled', 'error.throttled.wait', { params: { seconds: 1 } });
    expect([wait.message, wait.nextStep]).toEqual(['ProcessMaker asked us to wait 1 second.', 'Try again after that.']);
    const full = new TokenTrayError('storage_full', undefined, {
      params: { dir: '/x' },
      next: 'error.storage_full.dir.next',
    });
    expect(full.message).toBe(english['error.storage_full']);
    expect(full.nextStep).toBe('Free some space on the disk that holds /x, then try again.');
  });
});
