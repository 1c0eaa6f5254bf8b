import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorText, TokenTrayError, toUserError } from '../../../../main/core/errors';

describe('error codes', () => {
  it('lists each code once, and gives each a plain sentence that ends like one', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(Object.keys(errorText).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const { message, nextStep } = errorText[code];
      expect(message, code).toMatch(/^[A-Z“"'].*[.!?]$/);
      if (nextStep !== undefined) expect(nextStep, code).toMatch(/^[A-Z].*[.!?]$/);
    }
  });

  it('turns a core error into what a person is shown, and anything else into internal without details', () => {
    expect(toUserError(new TokenTrayError('timeout'))).toEqual({ code: 'timeout', ...errorText.timeout });
    const leaked = toUserError(new Error('ECONNRESET at 10.0.0.7 with token abc'));
    expect(leaked).toEqual({ code: 'internal', ...errorText.internal });
  });
});
