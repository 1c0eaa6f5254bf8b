import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../unit/packaging/builder-config';

const run = promisify(execFile);

/**
 * A stand-in for electron-builder's installer.nsi around build-resources/installer.nsh: what the
 * include relies on (SHELL_CONTEXT, APP_EXECUTABLE_FILENAME, LogicLib, isUpdated), and the two
 * builds electron-builder makes, the installer and (BUILD_UNINSTALLER) the uninstaller.
 */
const harness = (include: string): string => `Unicode true
!include LogicLib.nsh
!define APP_EXECUTABLE_FILENAME "Token Tray.exe"
!define SHELL_CONTEXT HKCU
!macro _isUpdated _a _b _t _f
  StrCmp "" "updated" \`\${_t}\` \`\${_f}\`
!macroend
!define isUpdated \`"" isUpdated ""\`
Name harness
OutFile harness.exe
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\\Programs\\token-tray"
!include "${include}"
!ifdef BUILD_UNINSTALLER
Section "un.install"
  !insertmacro customUnInstall
SectionEnd
Section "install"
  WriteUninstaller "$INSTDIR\\uninstall.exe"
SectionEnd
!else
Section "install"
  !insertmacro customInstall
SectionEnd
!endif
`;

// makensis (Debian's nsis, installed by .ci/run and on the Linux runner) compiles the script as
// electron-builder does, with warnings as errors: an unused or misnamed function fails the build.
describe.runIf(process.platform === 'linux')('the NSIS include compiles in both electron-builder builds', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-nsis-'));
    await writeFile(join(dir, 'harness.nsi'), harness(join(ROOT, 'build-resources', 'installer.nsh')));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['the installer', []],
    ['the uninstaller', ['-DBUILD_UNINSTALLER']],
  ])('%s', async (_name, defines) => {
    const { stdout } = await run('makensis', ['-WX', '-V2', ...defines, 'harness.nsi'], { cwd: dir });
    expect(stdout).not.toMatch(/warning/i);
  });
});
