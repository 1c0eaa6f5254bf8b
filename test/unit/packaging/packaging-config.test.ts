import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { ROOT, desktopEntry, loadBuilderConfig, parseDesktopEntry, validateBuilderConfig } from './builder-config';

let config: Configuration;

beforeAll(async () => {
  config = await loadBuilderConfig();
});

/** Target names of a platform's `target` list, whatever form each entry takes. */
function targetNames(targets: unknown): string[] {
  const list = Array.isArray(targets) ? targets : targets == null ? [] : [targets];
  return list.map((t) => (typeof t === 'string' ? t : (t as TargetConfiguration).target));
}

function readProjectFile(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
  });

  it('is checked by a validator that rejects a misspelt option', async () => {
    const misspelt = { ...config, mac: { ...config.mac, hardenRuntime: true } } as Configuration;
    await expect(validateBuilderConfig(misspelt)).rejects.toThrow(/configuration\.mac/);
  });

  it('names the app Token Tray with a reverse-DNS app id', () => {
    expect(config.productName).toBe('Token Tray');
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
  });

  it('writes installers to release/ and keeps build resources apart from the dist/ build', () => {
    expect(config.directories?.output).toBe('release');
    expect(config.directories?.buildResources).toBe('build-resources');
  });

  it('registers the pmtokentray URL scheme for sign-in callbacks', () => {
    const protocols = Array.isArray(config.protocols) ? config.protocols : [config.protocols];
    const schemes = protocols.flatMap((p) => p?.schemes ?? []);
    expect(schemes).toEqual(['pmtokentray']);
  });

  it('turns off RunAsNode, Node options and inspect flags, and loads only a verified asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      resetAdHocDarwinSignature: true,
    });
  });

  it('packs into an asar and rebuilds native dependencies for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).not.toBe(false);
  });

  it('publishes to a draft GitHub Release, with the repository taken from package.json or git, not written here', () => {
    expect(config.publish).toEqual([{ provider: 'github', releaseType: 'draft' }]);
  });
});

describe('macOS packaging', () => {
  it('builds a dmg and a zip, signed with the hardened runtime', () => {
    expect(targetNames(config.mac?.target).sort()).toEqual(['dmg', 'zip']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.category).toBe('public.app-category.developer-tools');
  });

  it('runs as a menu-bar app without a Dock icon', () => {
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
  });

  it('grants the main and helper processes only the JIT entitlement', () => {
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(file, 'entitlements file configured').toBeTruthy();
      const plist = readProjectFile(file as string);
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
      expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });
});

describe('Windows packaging', () => {
  it('builds a per-user NSIS installer that never asks for administrator rights', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.allowElevation).toBe(false);
  });

  it('registers and unregisters pmtokentray:// for the current user in the installer', () => {
    const script = readProjectFile(config.nsis?.include ?? 'build-resources/installer.nsh');
    expect(script).toMatch(/!macro customInstall[\s\S]*Software\\Classes\\pmtokentray[\s\S]*!macroend/);
    expect(script).toContain('"URL Protocol" ""');
    expect(script).toContain('"%1"');
    expect(script).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey SHELL_CONTEXT "Software\\Classes\\pmtokentray"/);
  });

  it("puts pmtoken's folder on the user's PATH when installed, and takes it off when uninstalled (not updated)", () => {
    const script = readProjectFile(config.nsis?.include ?? 'build-resources/installer.nsh');
    expect(script).toContain('!define TOKEN_TRAY_PMTOKEN_DIR "$INSTDIR\\resources\\pmtoken"');
    expect(script).toMatch(/!macro customInstall[\s\S]*Call tokenTrayAddPmtokenToPath[\s\S]*!macroend/);
    expect(script).toMatch(
      /!macro customUnInstall\s+\$\{ifNot\} \$\{isUpdated\}[\s\S]*Call un\.tokenTrayRemovePmtokenFromPath[\s\S]*\$\{endIf\}/,
    );
    expect(script.match(/WriteRegExpandStr HKCU "Environment" "Path"/g)).toHaveLength(2);
  });
});

describe('the standalone pmtoken', () => {
  it('ships as extra resources: the executable and keytar.node beside it, in resources/pmtoken', () => {
    expect(config.extraResources).toEqual([
      { from: 'dist/pmtoken', to: 'pmtoken', filter: ['pmtoken', 'pmtoken.exe', 'keytar.node'] },
    ]);
  });

  it("keeps electron-builder's own deb scripts and adds the /usr/bin/pmtoken link to them", () => {
    const templates = path.join(ROOT, 'node_modules/app-builder-lib/templates/linux');
    const install = readProjectFile(config.deb?.afterInstall ?? '');
    const remove = readProjectFile(config.deb?.afterRemove ?? '');
    expect(install.startsWith(readFileSync(path.join(templates, 'after-install.tpl'), 'utf8'))).toBe(true);
    expect(remove.startsWith(readFileSync(path.join(templates, 'after-remove.tpl'), 'utf8'))).toBe(true);
    const target = "'/opt/${sanitizedProductName}/resources/pmtoken/pmtoken'";
    expect(install).toContain(`ln -sf ${target} '/usr/bin/pmtoken'`);
    // electron-builder fills only these and stops at any other ${name} (FpmTarget's writeConfigFile).
    for (const script of [install, remove])
      expect(new Set([...script.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]))).toEqual(
        new Set(['executable', 'sanitizedProductName']),
      );
    // Only a link that is still ours goes.
    expect(remove).toContain(
      `if [ "\`readlink '/usr/bin/pmtoken'\`" = ${target} ]; then\n    rm -f '/usr/bin/pmtoken'`,
    );
  });
});

describe('Linux packaging', () => {
  it('builds an AppImage and a deb in the Development category', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Development');
  });

  it('gives the deb a desktop entry that handles pmtokentray URLs with %u', async () => {
    const entry = parseDesktopEntry(await desktopEntry(config, 'deb'));
    expect(entry.get('MimeType')).toBe('x-scheme-handler/pmtokentray;');
    expect(entry.get('Exec')).toMatch(/ %u$/);
    expect(entry.get('Categories')).toBe('Development;');
  });

  it('gives the AppImage the same URL handler for desktop integration tools to install', async () => {
    const entry = parseDesktopEntry(await desktopEntry(config, 'appImage', 'AppRun --no-sandbox %U'));
    expect(entry.get('MimeType')).toBe('x-scheme-handler/pmtokentray;');
    expect(entry.get('Exec')).toMatch(/%[uU]$/);
  });
});

describe('referenced files', () => {
  it('has every icon, entitlements file and installer script the configuration names', () => {
    const referenced = [
      config.mac?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.win?.icon,
      config.nsis?.installerIcon,
      config.nsis?.uninstallerIcon,
      config.nsis?.include,
      config.linux?.icon,
      config.deb?.afterInstall,
      config.deb?.afterRemove,
    ];
    expect(referenced.every((file) => typeof file === 'string')).toBe(true);
    const missing = referenced.filter((file) => !existsSync(path.join(ROOT, file as string)));
    expect(missing).toEqual([]);
  });

  it('gives Linux a folder of square PNGs named by size, up to 512 px', () => {
    const names = readdirSync(path.join(ROOT, config.linux?.icon as string));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(names).toContain(`${size}x${size}.png`);
  });
});
