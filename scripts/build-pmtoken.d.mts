import type { BuildOptions } from 'esbuild';

/** The executable's file name on this system: pmtoken, or pmtoken.exe on Windows. */
export const executableName: string;
/** keytar's native addon, which ships beside the executable. */
export const keytarAddon: string;
/** Whether this Node makes the executable itself (`node --build-sea`, Node 25.5 and later). */
export function hasBuildSea(version?: string): boolean;
/** Builds the standalone pmtoken into `outDir` (default dist/pmtoken) and returns its path. */
export function buildPmtokenExecutable(
  outDir?: string,
  options?: { work?: string; minify?: boolean; logLevel?: BuildOptions['logLevel'] },
): Promise<string>;
