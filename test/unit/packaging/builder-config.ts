/**
 * Loads electron-builder.yml and evaluates it with electron-builder's own code (config
 * loader, schema validation, file matchers, Linux desktop-entry writer), so the packaging
 * tests check what `electron-builder` would actually do, without downloading Electron.
 */
import { readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration, LinuxConfiguration, PlatformSpecificBuildOptions } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import * as fileMatcherModule from 'app-builder-lib/out/fileMatcher';
import type { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import type { LinuxPackager } from 'app-builder-lib/out/linuxPackager';
import { DebugLogger } from 'builder-util';

/** The project root (this file lives in <root>/test/unit/packaging). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Reads electron-builder.yml the way the electron-builder CLI does. */
export async function loadBuilderConfig(): Promise<Configuration> {
  return getConfig(ROOT, null, null);
}

/** Runs electron-builder's configuration validation (its JSON schema and deprecations). */
export async function validateBuilderConfig(config: Configuration): Promise<void> {
  await validateConfiguration(config, new DebugLogger(false));
}

/** The minimum of a platform packager that electron-builder's main file matcher reads. */
interface MatcherPackager {
  info: {
    isPrepackedAppAsar: boolean;
    config: Configuration;
    projectDir: string;
    buildResourcesDir: string;
    debugLogger: { isEnabled: boolean };
  };
}

/** getMainFileMatchers is internal to app-builder-lib (not in its .d.ts), so type it here. */
interface InternalFileMatcherModule {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: PlatformSpecificBuildOptions,
    platformPackager: MatcherPackager,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[];
}

const noMacros = (pattern: string): string => pattern;
const asFile = { isDirectory: (): boolean => false } as unknown as Stats;

/**
 * Returns a predicate telling whether a project-relative file would be copied into the app,
 * using the same matcher electron-builder builds from `files` plus its default exclusions.
 */
export function appFileFilter(config: Configuration): (relativePath: string) => boolean {
  const internal = fileMatcherModule as unknown as InternalFileMatcherModule;
  const packager: MatcherPackager = {
    info: {
      isPrepackedAppAsar: false,
      config,
      projectDir: ROOT,
      buildResourcesDir: config.directories?.buildResources ?? 'build',
      debugLogger: { isEnabled: false },
    },
  };
  const outDir = path.join(ROOT, config.directories?.output ?? 'dist');
  const matchers = internal.getMainFileMatchers(ROOT, '/packaged-app', noMacros, {}, packager, outDir, false);
  const [main] = matchers;
  if (main === undefined) throw new Error('electron-builder produced no file matcher for `files`.');
  const filter = main.createFilter();
  return (relativePath) => filter(path.join(ROOT, relativePath), asFile) === true;
}

/** Returns a predicate telling whether a project-relative file is unpacked from the asar. */
export function asarUnpackFilter(config: Configuration): (relativePath: string) => boolean {
  const matchers = fileMatcherModule.getFileMatchers(config, 'asarUnpack', '/packaged-app', {
    macroExpander: noMacros,
    customBuildOptions: {},
    globalOutDir: path.join(ROOT, config.directories?.output ?? 'dist'),
    defaultSrc: ROOT,
  });
  const filters = (matchers ?? []).map((matcher) => matcher.createFilter());
  return (relativePath) => filters.some((filter) => filter(path.join(ROOT, relativePath), asFile) === true);
}

/** Target-specific Linux options, merged the way electron-builder's targets merge them. */
export function linuxTargetOptions(config: Configuration, target: 'deb' | 'appImage'): LinuxConfiguration {
  return { ...config.linux, ...(config[target] ?? {}) } as LinuxConfiguration;
}

/**
 * Writes the Linux desktop entry with electron-builder's own generator. `exec` is what the
 * AppImage target passes (it supplies its own AppRun line); the deb target passes none.
 */
export async function desktopEntry(config: Configuration, target: 'deb' | 'appImage', exec?: string): Promise<string> {
  const metadata = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    description?: string;
  };
  const productName = config.productName ?? metadata.name;
  const packager = {
    appInfo: { productName, sanitizedProductName: productName, description: metadata.description },
    executableName: config.linux?.executableName ?? metadata.name,
    info: { metadata },
    fileAssociations: [],
    config,
    platformSpecificBuildOptions: config.linux ?? {},
  };
  const helper = new LinuxTargetHelper(packager as unknown as LinuxPackager);
  return helper.computeDesktopEntry(linuxTargetOptions(config, target), exec);
}

/** Parses `Key=Value` lines of the [Desktop Entry] group. */
export function parseDesktopEntry(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) entries.set(line.slice(0, at), line.slice(at + 1));
  }
  return entries;
}
