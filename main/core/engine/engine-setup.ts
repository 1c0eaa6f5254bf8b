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
      const secret = options.includeSecret ? (await ctx.vault.read(profile.id)).clientSecret : undefined;
      if (options.includeSecret && !secret) throw new TokenTrayError('invalid_input', 'error.setup.no_secret');
      return options.format === 'link' ? setupLink(profile, secret) : setupFile(profile, secret);
    },
    async previewSetup(input, options) {
      const isServerAllowed = options?.isServerAllowed ?? ctx.ports.isServerAllowed?.bind(ctx.ports);
      const setup = parseSetup(input, isServerAllowed ? { isServerAllowed } : {});
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
        production: setup.production === true,
        insecure: setup.insecure,
        plan,
      };
      return preview;
    },
    async applySetup(setupId, options) {
      const setup = take(setupId);
      if (setup.insecure && !options?.insecureConfirmed) throw new TokenTrayError('insecure_url');
      // Planned again: the profiles may have changed since the preview.
      const plan = planSetup(setup, ctx.settings.load().profiles);
      let view: ProfileView;
      if (plan.action === 'update') {
        view = await engine.updateProfile(
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
        view = await engine.addProfile(
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
      pending.delete(setupId);
      await engine.setActiveProfile(view.id);
      return ctx.view(ctx.profile(view.id));
    },
  };
}
