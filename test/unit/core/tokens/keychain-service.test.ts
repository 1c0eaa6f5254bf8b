import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, keychainService } from '../../../../main/core/tokens';

describe('keychainService', () => {
  it('is "Token Tray" unless TOKEN_TRAY_KEYCHAIN_SERVICE names another', () => {
    expect(keychainService({})).toBe('Token Tray');
    expect(KEYCHAIN_SERVICE).toBe('Token Tray');
    expect(keychainService({ TOKEN_TRAY_KEYCHAIN_SERVICE: '  ' })).toBe('Token Tray');
    expect(keychainService({ TOKEN_TRAY_KEYCHAIN_SERVICE: 'Token Tray test 1f2e' })).toBe('Token Tray test 1f2e');
  });

  it('keeps this test run out of the app’s own keychain entries', () => {
    expect(keychainService()).toMatch(/^Token Tray test [0-9a-f]{8}$/);
  });
});
