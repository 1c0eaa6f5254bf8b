import { describe, expect, it } from 'vitest';
import { administratorScript, bundledPmtoken, linkCommand, shellQuote } from '../../../main/desktop';

describe('the pmtoken command on macOS', () => {
  it('is the pmtoken in the app’s resources, linked from /usr/local/bin', () => {
    const target = bundledPmtoken('/Applications/Token Tray.app/Contents/Resources');
    expect(target).toBe('/Applications/Token Tray.app/Contents/Resources/pmtoken/pmtoken');
    expect(linkCommand(target)).toBe(
      "mkdir -p '/usr/local/bin' && ln -sf '/Applications/Token Tray.app/Contents/Resources/pmtoken/pmtoken' '/usr/local/bin/pmtoken'",
    );
  });

  it('quotes a path with a single quote for sh, and the command for AppleScript', () => {
    expect(shellQuote("/Users/o'neil/Token Tray.app")).toBe(`'/Users/o'\\''neil/Token Tray.app'`);
    expect(administratorScript(`ln -sf '/a "b" \\c' '/usr/local/bin/pmtoken'`)).toBe(
      `do shell script "ln -sf '/a \\"b\\" \\\\c' '/usr/local/bin/pmtoken'" with administrator privileges`,
    );
  });
});
