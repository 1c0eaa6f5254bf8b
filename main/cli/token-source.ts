/**
 * The token `token`, `env` and `run` hand out through the engine, honouring
 * `--min-validity SECONDS` and `--force-refresh`.
 */
import type { FreshToken, ProfileView } from '../core';
import { stringOption, type CliContext } from './cli-context';
import { printable } from './escape';
import { UsageError } from './usage-error';

/** The options every token-giving command takes. */
export const tokenOptions = {
  'min-validity': { type: 'string' },
  'force-refresh': { type: 'boolean' },
} as const;

/** Their lines in `--help`. */
export const tokenOptionHelp = `  --min-validity SECONDS   refresh first if the token would expire sooner
                           (default 60)
  --force-refresh          get a new token from ProcessMaker even if the
                           stored one is good`;

/** The longest validity `--min-validity` may ask for: 366 days. */
const MAX_MIN_VALIDITY_SECONDS = 366 * 24 * 3600;

/** `--min-validity` in milliseconds, or undefined when not given. */
export function minValidityMs(ctx: CliContext): number | undefined {
  const raw = stringOption(ctx.values, 'min-validity');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(seconds) || seconds < 0)
    throw new UsageError('--min-validity takes a whole number of seconds, like --min-validity 300.', ctx.command);
  if (seconds > MAX_MIN_VALIDITY_SECONDS)
    throw new UsageError(
      `--min-validity can be at most ${MAX_MIN_VALIDITY_SECONDS} seconds (366 days), not ${seconds}.`,
      ctx.command,
    );
  return seconds * 1000;
}

/** True when the command line asks for more than the fast path gives. */
export function needsEngine(ctx: CliContext): boolean {
  return minValidityMs(ctx) !== undefined || ctx.values['force-refresh'] === true;
}

/** A token for `profile` with its kind and expiry, refreshed as the options ask. */
export async function engineToken(ctx: CliContext, profile: ProfileView): Promise<FreshToken> {
  const engine = await ctx.engine();
  const min = minValidityMs(ctx);
  if (ctx.values['force-refresh'] === true) await engine.refreshNow(profile.id);
  const info = await engine.freshTokenInfo(profile.id, min === undefined ? {} : { minValidityMs: min });
  if (min !== undefined && info.expiresAt !== null && info.expiresAt - Date.now() < min) {
    const left = Math.max(0, Math.floor((info.expiresAt - Date.now()) / 1000));
    throw new UsageError(
      `The token of “${printable(profile.name)}” is good for ${left} more seconds only, less than --min-validity asks for.`,
      ctx.command,
      {
        nextStep:
          info.kind === 'oauth' && profile.status.state === 'signed_in' && profile.status.refreshable
            ? 'ProcessMaker gives no longer tokens: ask for less with --min-validity.'
            : 'This token cannot be refreshed: sign in again with pmtoken login, or ask for less with --min-validity.',
      },
    );
  }
  return info;
}
