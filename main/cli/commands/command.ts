/** The shape of one `pmtoken` command: its options, its help, and what it does. */
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from '../cli-context';

/** Candidates for one positional argument: profile names and/or fixed words. */
export interface ArgCompletion {
  profiles?: boolean;
  words?: readonly string[];
}

/** Completes a profile name as the first argument. */
export const profileFirst = (index: number): ArgCompletion => (index === 0 ? { profiles: true } : {});

/** One sub-command. `run` returns the exit code. */
export interface CommandSpec {
  name: string;
  /** One line for `pmtoken --help`. */
  summary: string;
  /** The usage line(s), without the leading `pmtoken`. */
  usage: string;
  /** The rest of `pmtoken <cmd> --help`: options and examples. */
  details: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Positional arguments accepted: [min, max]. */
  positionals: [number, number];
  /** Takes a command to run after `--` (`ctx.passThrough`); the `--` is required. */
  passThrough?: boolean;
  /** Left out of `pmtoken --help` (machinery such as `__complete`). */
  hidden?: boolean;
  /** The values a string option takes, for completion. */
  choices?: Record<string, readonly string[]>;
  /** What a positional argument (by index, after those in `before`) takes, for completion. */
  completeArg?(index: number, before: readonly string[]): ArgCompletion;
  /** Which positional names the profile (for the next step an error suggests); by default the first. */
  profileArgument?(positionals: readonly string[]): string | undefined;
  run(ctx: CliContext): Promise<number>;
}
