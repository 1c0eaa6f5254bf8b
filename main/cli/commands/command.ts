/** The shape of one `pmtoken` command: its options, its help, and what it does. */
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from '../cli-context';

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
  run(ctx: CliContext): Promise<number>;
}
