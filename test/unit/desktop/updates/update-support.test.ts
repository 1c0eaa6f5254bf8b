import { describe, expect, it } from 'vitest';
import { describeUpdate, macSignatureFromCodesign, updateSupport, type UpdateFacts } from '../../../../main/desktop';

/** What Settings says for a copy that does not update itself: why (status), and how to update instead (detail). */
function said(support: ReturnType<typeof updateSupport>): { status: string; detail: string | null } {
  if (support.enabled) throw new Error('expected updates to be off');
  const { status, detail } = describeUpdate({ kind: 'off', support });
  return { status, detail };
}

const facts = (over: Partial<UpdateFacts> = {}): UpdateFacts => ({
  install: 'nsis',
  canWriteInstall: true,
  env: {},
  ...over,
});

describe('whether this copy updates itself', () => {
  it('updates installed copies: NSIS, deb, AppImage and a signed macOS app', () => {
    expect(updateSupport(facts())).toEqual({ enabled: true });
    expect(updateSupport(facts({ install: 'deb' }))).toEqual({ enabled: true });
    expect(updateSupport(facts({ install: 'appimage' }))).toEqual({ enabled: true });
    expect(updateSupport(facts({ install: 'mac-app', macSignature: 'developer-id' }))).toEqual({ enabled: true });
  });

  it('is turned off by TOKEN_TRAY_DISABLE_UPDATES=1 or true, and by the managed settings', () => {
    for (const env of [{ TOKEN_TRAY_DISABLE_UPDATES: '1' }, { TOKEN_TRAY_DISABLE_UPDATES: 'TRUE' }]) {
      expect(updateSupport(facts({ env }))).toMatchObject({ enabled: false, reason: 'turned-off' });
    }
    expect(updateSupport(facts({ env: { TOKEN_TRAY_DISABLE_UPDATES: '0' } }))).toEqual({ enabled: true });
    const managed = updateSupport(facts({ managed: { updates: false } }));
    expect(managed).toMatchObject({ enabled: false, reason: 'turned-off' });
    expect(said(managed).status).toBe('Updates are turned off on this computer by your organisation.');
    expect(updateSupport(facts({ managed: { updates: true } }))).toEqual({ enabled: true });
  });

  it('says in plain words why an unsigned or ad-hoc signed macOS app cannot update, and what to do', () => {
    for (const macSignature of ['unsigned', 'adhoc'] as const) {
      const support = updateSupport(facts({ install: 'mac-app', macSignature, downloadUrl: 'https://x.test/r' }));
      expect(support).toMatchObject({ enabled: false, reason: 'cannot-self-update' });
      expect(said(support).status).toMatch(/not signed/);
      expect(said(support).detail).toBe(
        'Download the new version from https://x.test/r and drag it into your Applications folder.',
      );
    }
  });

  it('sends portable and unpacked copies to the installer, and development copies to git', () => {
    expect(said(updateSupport(facts({ install: 'portable' })))).toEqual({
      status: 'This portable copy of Token Tray cannot update itself.',
      detail: 'Download the new version from the Token Tray releases page and replace this file with it.',
    });
    expect(updateSupport(facts({ install: 'unpacked' }))).toMatchObject({ reason: 'cannot-self-update' });
    expect(updateSupport(facts({ install: 'development' }))).toMatchObject({ reason: 'development' });
  });

  it('says so when the user may not change the installed files', () => {
    const support = updateSupport(facts({ install: 'appimage', canWriteInstall: false }));
    expect(support).toMatchObject({ enabled: false, reason: 'cannot-self-update' });
    expect(said(support).status).toMatch(/do not have the rights/);
  });
});

describe('reading codesign -dv', () => {
  it('tells Developer ID, ad-hoc and unsigned apart', () => {
    const developerId = [
      'Executable=/Applications/Token Tray.app/Contents/MacOS/Token Tray',
      'Authority=Developer ID Application: Example Ltd (ABCDE12345)',
      'Authority=Developer ID Certification Authority',
      'TeamIdentifier=ABCDE12345',
    ].join('\n');
    expect(macSignatureFromCodesign(developerId)).toBe('developer-id');
    expect(macSignatureFromCodesign('Signature=adhoc\nTeamIdentifier=not set')).toBe('adhoc');
    expect(macSignatureFromCodesign('/Applications/X.app: code object is not signed at all')).toBe('unsigned');
    expect(macSignatureFromCodesign('Authority=Developer ID Application: X\nTeamIdentifier=not set')).toBe('unsigned');
  });
});
