/**
 * Splits `pmtoken [global options] <command> [arguments]` and parses the
 * command's options with node:util's parseArgs, turning its errors into plain
 * usage sentences.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { OptionValues } from './cli-context';
import type { CommandSpec } from './commands/command';
import { closestWord } from './suggest';
import { UsageError } from './usage-error';

/** Options every command takes. */
export const globalOptions: NonNullable<ParseArgsConfig['options']> = {
  'config-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
};

/** The command word and the other arguments. */
export function splitCommand(argv: readonly string[]): { command: string | null; rest: string[] } {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--config-dir') {
      i += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return { command: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: null, rest: [...argv] };
}

/**
 * Splits a command's arguments at the first `--`: pmtoken's own before it,
 * the command to run after it (null when there is no `--`).
 */
export function splitPassThrough(args: readonly string[]): { own: string[]; passThrough: string[] | null } {
  const at = args.indexOf('--');
  if (at < 0) return { own: [...args], passThrough: null };
  return { own: args.slice(0, at), passThrough: args.slice(at + 1) };
}

function optionIn(message: string): string {
  return /'(-[^' ]+)/.exec(message)?.[1] ?? 'option';
}

/** Parses a command's arguments; throws {@link UsageError} with a plain sentence. */
export function parseCommandArgs(
  spec: CommandSpec | null,
  args: string[],
): { values: OptionValues; positionals: string[] } {
  const name = spec?.name ?? null;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...globalOptions, ...(spec?.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = err instanceof Error ? err.message : String(err);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = optionIn(message);
      const known = Object.keys({ ...globalOptions, ...(spec?.options ?? {}) }).map((long) => `--${long}`);
      const near = option.startsWith('--') ? closestWord(option, known) : null;
      throw new UsageError(`Unknown option ${option}.${near ? ` Did you mean ${near}?` : ''}`, name);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = optionIn(message);
      throw new UsageError(
        /argument missing/.test(message)
          ? `The option ${option} needs a value.`
          : `The option ${option} does not take a value.`,
        name,
      );
    }
    throw new UsageError('The command line could not be read.', name);
  }
  const values = parsed.values as OptionValues;
  if (spec && !values.help) {
    const [min, max] = spec.positionals;
    if (parsed.positionals.length < min) throw new UsageError(`Missing arguments. Usage: pmtoken ${spec.usage}`, name);
    if (parsed.positionals.length > max) {
      throw new UsageError(
        `Too many arguments (“${parsed.positionals.slice(max).join(' ')}”). Usage: pmtoken ${spec.usage}`,
        name,
      );
    }
  }
  return { values, positionals: parsed.positionals };
}
