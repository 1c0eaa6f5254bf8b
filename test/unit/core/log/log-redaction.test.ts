import { describe, expect, it } from 'vitest';
import { redactLogData } from '../../../../main/core/log';

describe('log redaction hook', () => {
  it('redacts tokens in strings, errors and objects', () => {
    const jwt = `eyJ${'a'.repeat(20)}.eyJ${'b'.repeat(20)}.${'c'.repeat(20)}`;
    const out = redactLogData([
      `Bearer ${jwt}`,
      new Error(`refresh failed for ${jwt}`),
      { headers: { Authorization: `Bearer ${jwt}` } },
      42,
    ]);
    expect(JSON.stringify(out).includes(jwt)).toBe(false);
    expect(out[3]).toBe(42);
    expect(String(out[1])).toMatch(/^Error: refresh failed for \[redacted\]/);
  });
});
