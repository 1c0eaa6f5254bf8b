/**
 * What a command gets: its parsed arguments, the settings folder, and the
 * engine, created on first use only.
 */
import type { ProfileView, TokenEngine } from '../core';
import { printable } from './escape';
import { closestWord } from './suggest';
import { UsageError } from './usage-error';

/** Parsed option values (strings, booleans, or repeated strings). */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** Everything a command runs with. */
export interface CliContext {
  command: string;
  positionals: string[];
  values: OptionValues;
  /** What came after `--` (for `pmtoken run`), else empty. */
  passThrough: string[];
  configDir: string;
  env: NodeJS.ProcessEnv;
  /** The engine (loaded and created on first call). */
  engine(): Promise<TokenEngine>;
  /** Runs `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

/** Builds a {@link CliContext}; `dispose` stops the engine if one was made. */
export function createCliContext(
  base: Omit<CliContext, 'engine' | 'onInterrupt'>,
): CliContext & { dispose(): Promise<void> } {
  let engine: Promise<TokenEngine> | null = null;
  return {
    ...base,
    engine() {
      // `.js` on purpose: the release build may keep this import external (dist/cli/engine.js),
      // and Node's import() does not guess extensions.
      engine ??= import('./engine.js').then(({ createCliEngine }) => createCliEngine(base.configDir, base.env));
      return engine;
    },
    onInterrupt(handler) {
      const listener = (): void => handler();
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
    async dispose() {
      if (engine) await (await engine).dispose();
    },
  };
}

/** What pmtoken says before any profile exists: the IT team's setup first, as the app's first screen does. */
export const NO_PROFILES_YET = {
  message: 'There are no profiles yet.',
  nextStep: 'Use your IT team’s setup file or link (pmtoken setup FILE), or add one: pmtoken add NAME --url URL',
} as const;

/** A string option's value, or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The profile a command names: its argument, else `PMTOKEN_PROFILE`, else undefined (the active one). */
export function profileName(ctx: Pick<CliContext, 'env'>, argument: string | undefined): string | undefined {
  if (argument !== undefined) return argument;
  const fromEnv = ctx.env.PMTOKEN_PROFILE?.trim();
  return fromEnv ? fromEnv : undefined;
}

/** The named profile (argument, then `PMTOKEN_PROFILE`), or the active one; a plain usage error when there is none. */
export async function chooseProfile(ctx: CliContext, argument: string | undefined): Promise<ProfileView> {
  const engine = await ctx.engine();
  const name = profileName(ctx, argument);
  if (name !== undefined) {
    try {
      return await engine.getProfile(name);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'not_found') throw err;
      const names = await engine.listProfiles().then(
        (views) => views.map((view) => view.name),
        () => [],
      );
      const near = closestWord(name, names);
      const from = argument === undefined ? ' (named by PMTOKEN_PROFILE)' : '';
      const guess = near === null ? '' : ` Did you mean “${printable(near)}”?`;
      throw new UsageError(`There is no profile called “${printable(name)}”${from}.${guess}`, ctx.command, {
        code: 'not_found',
        nextStep: 'See your profiles with: pmtoken profiles',
      });
    }
  }
  const active = await engine.activeProfile();
  if (!active) {
    throw new UsageError(NO_PROFILES_YET.message, ctx.command, { nextStep: NO_PROFILES_YET.nextStep });
  }
  return active;
}
