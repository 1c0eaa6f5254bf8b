/**
 * The setup half of the engine facade: read a setup link or file, say what it would do, then do it.
 * The parsed setup (with any Auth Client secret) stays here in memory; callers hold only its id.
 */
import { randomUUID } from 'node:crypto';
import type { ProfileView, SetupPreview, TokenEngine } from '../model';
import { TokenTrayError } from '../errors';
import { parseSetup, planSetup, setupFile, setupLink, type SetupProfile } from '../setup';
import type { EngineContext } from './engine-context';

type SetupMethods = Pick<TokenEngine, 'previewSetup' | 'applySetup' | 'exportSetup'>;

/** How long a previewed setup waits for its confirmation. */
export const SETUP_PREVIEW_TTL_MS = 10 * 60_000;

/** Builds the setup methods over the engine's own add and update (which check the Auth Client). */
export function setupMethods(
  ctx: EngineContext,
  engine: Pick<TokenEngine, 'addProfile' | 'updateProfile' | 'setActiveProfile'>,
): SetupMethods {
  const pending = new Map<string, { setup: SetupProfile; at: number }>();

  const take = (setupId: string): SetupProfile => {
    const now = ctx.clock.now();
    for (const [id, p] of pending) if (now - p.at > SETUP_PREVIEW_TTL_MS) pending.delete(id);
    const found = pending.get(setupId);
    if (!found) throw new TokenTrayError('not_found', 'error.setup.not_waiting');
    return found.setup;
  };

  return {
    async exportSetup(profileId, options) {
      const profile = ctx.profile(profileId);
      // The Auth Client's secret goes with the setup unless its maker leaves it out; then the setup says
      // that the client has one, so that whoever uses it is asked for it and not told their values are wrong.
      const stored =
        profile.grant === 'personal_access_token' ? undefined : (await ctx.vault.read(profile.id)).clientSecret;
      const include = options.includeSecret ?? true;
      if (options.includeSecret === true && !stored) throw new TokenTrayError('invalid_input', 'error.setup.no_secret');
      const secret = include ? stored : undefined;
      const write = { needsSecret: Boolean(stored) && !include };
      return options.format === 'link' ? setupLink(profile, secret, write) : setupFile(profile, secret, write);
    },
    async previewSetup(input, options) {
      const isServerAllowed = options?.isServerAllowed ?? ctx.ports.isServerAllowed?.bind(ctx.ports);
      const isServerListed = ctx.ports.isServerListed?.bind(ctx.ports);
      const setup = parseSetup(input, {
        ...(isServerAllowed ? { isServerAllowed } : {}),
        ...(isServerListed ? { isServerListed } : {}),
      });
      if (ctx.ports.isSignInKindAllowed && !ctx.ports.isSignInKindAllowed(setup.grant))
        throw new TokenTrayError('sign_in_kind_not_allowed');
      const plan = planSetup(setup, ctx.settings.load().profiles);
      const setupId = randomUUID();
      pending.set(setupId, { setup, at: ctx.clock.now() });
      const preview: SetupPreview = {
        setupId,
        name: setup.name,
        instanceUrl: setup.instanceUrl,
        host: new URL(setup.instanceUrl).host,
        grant: setup.grant,
        clientId: setup.clientId ?? null,
        hasClientSecret: Boolean(setup.clientSecret),
        needsClientSecret: setup.needsSecret,
        hostInOtherLetters: setup.hostScript === 'non_ascii',
        production: setup.production === true,
        insecure: setup.insecure,
        plan,
      };
      return preview;
    },
    async applySetup(setupId, options) {
      const found = take(setupId);
      if (found.insecure && !options?.insecureConfirmed) throw new TokenTrayError('insecure_url');
      // The secret the person was asked for (the setup's maker left it out), or the one the setup carries.
      const typed = options?.clientSecret?.trim() || undefined;
      if (typed !== undefined && (typed.length > 1000 || /\s/.test(typed)))
        throw new TokenTrayError('invalid_input', 'error.setup.secret_typed_invalid');
      const setup: SetupProfile =
        typed !== undefined && !found.clientSecret ? { ...found, clientSecret: typed } : found;
      if (setup.needsSecret && !setup.clientSecret) throw new TokenTrayError('setup_needs_secret');
      // Planned again: the profiles may have changed since the preview.
      const plan = planSetup(setup, ctx.settings.load().profiles);
      let view: ProfileView;
      try {
        view = await apply(setup, plan);
      } catch (err) {
        throw setupClientError(err, setup, typed !== undefined);
      }
      pending.delete(setupId);
      await engine.setActiveProfile(view.id);
      return ctx.view(ctx.profile(view.id));
    },
  };

  async function apply(setup: SetupProfile, plan: ReturnType<typeof planSetup>): Promise<ProfileView> {
    if (plan.action === 'update') {
      return engine.updateProfile(
        plan.profileId,
        {
          name: setup.name,
          ...(setup.clientId !== undefined ? { clientId: setup.clientId } : {}),
          ...(setup.clientSecret !== undefined ? { clientSecret: setup.clientSecret } : {}),
          ...(setup.redirectMode !== undefined ? { redirectMode: setup.redirectMode } : {}),
          production: setup.production === true,
          scope: setup.scope ?? null,
          ...(setup.color !== undefined ? { color: setup.color } : {}),
        },
        { checkClient: true },
      );
    } else {
      return engine.addProfile(
        {
          name: plan.name,
          instanceUrl: setup.instanceUrl,
          grant: setup.grant,
          ...(setup.clientId !== undefined ? { clientId: setup.clientId } : {}),
          ...(setup.clientSecret !== undefined ? { clientSecret: setup.clientSecret } : {}),
          ...(setup.redirectMode !== undefined ? { redirectMode: setup.redirectMode } : {}),
          ...(setup.scope !== undefined ? { scope: setup.scope } : {}),
          ...(setup.color !== undefined ? { color: setup.color } : {}),
          production: setup.production === true,
          allowInsecure: setup.insecure,
        },
        { checkClient: true },
      );
    }
  }
}

/**
 * What to say when ProcessMaker does not accept a setup's Auth Client: never "check the Client ID and
 * secret" to a person who typed neither. A secret they typed is theirs to check; a client that needs a
 * secret the setup lacks asks for it; a setup that had everything goes back to whoever made it.
 */
function setupClientError(err: unknown, setup: SetupProfile, secretTyped: boolean): unknown {
  if (!(err instanceof TokenTrayError) || err.code !== 'client_rejected') return err;
  if (secretTyped) return new TokenTrayError('setup_secret_wrong', undefined, { cause: err });
  if (!setup.clientSecret && setup.grant !== 'personal_access_token')
    return new TokenTrayError('setup_needs_secret', 'error.setup_needs_secret.rejected', { cause: err });
  return new TokenTrayError('setup_client_rejected', undefined, { cause: err });
}
