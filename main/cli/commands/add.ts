/** `pmtoken add`: creates a profile (settings file + client secret in the keychain). */
import { normaliseInstanceUrl, SIGN_IN_KIND_WORDS, type GrantKind, type RedirectMode } from '../../core';
import { stringOption } from '../cli-context';
import { printable, shellWord } from '../escape';
import { ExitCode } from '../exit-codes';
import { canAsk, promptHidden, promptLine, readSecret, say } from '../terminal';
import { UsageError } from '../usage-error';
import type { CommandSpec } from './command';

const grants: Record<string, GrantKind> = Object.fromEntries(
  Object.entries(SIGN_IN_KIND_WORDS).map(([kind, word]) => [word, kind as GrantKind]),
);

/** `pmtoken add <name> --url URL --client-id ID ...` */
export const addCommand: CommandSpec = {
  name: 'add',
  summary: 'Add a profile: a ProcessMaker address and how to sign in',
  usage:
    'add <name> --url URL [--client-id ID] [--client-secret-stdin] [--grant code|password|pat] [--redirect app|loopback]',
  details: `Options:
  --url URL               the ProcessMaker address, e.g. acme.processmaker.net
  --client-id ID          the Auth Client's ID, as ProcessMaker shows it
                          (not needed for --grant pat; asked for at a
                          terminal)
  --client-secret-stdin   read the Auth Client's secret from stdin
  --grant KIND            code (browser sign-in, default), password,
                          or pat (personal access token)
  --redirect MODE         where the app's browser sign-in returns:
                          app (default) or loopback; pmtoken itself always
                          uses loopback
  --scope SCOPE           OAuth scope to ask for (ProcessMaker takes none or *)
  --allow-insecure        accept a plain http:// address that is not this
                          computer

Examples:
  printf '%s' "$SECRET" | pmtoken add acme --url acme.processmaker.net --client-id 7 --client-secret-stdin
  pmtoken add acme-pat --url https://acme.processmaker.net --grant pat`,
  options: {
    url: { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret-stdin': { type: 'boolean' },
    grant: { type: 'string' },
    redirect: { type: 'string' },
    scope: { type: 'string' },
    'allow-insecure': { type: 'boolean' },
  },
  choices: { grant: Object.keys(grants), redirect: ['app', 'loopback'] },
  positionals: [1, 1],
  async run(ctx) {
    const [name = ''] = ctx.positionals;
    const url = stringOption(ctx.values, 'url');
    if (!url) throw new UsageError('Give the ProcessMaker address with --url, e.g. --url acme.processmaker.net', 'add');
    const grantName = stringOption(ctx.values, 'grant') ?? 'code';
    const grant = grants[grantName];
    if (!grant) throw new UsageError(`--grant must be code, password or pat (not “${grantName}”).`, 'add');
    const redirect = stringOption(ctx.values, 'redirect') ?? 'app';
    if (redirect !== 'app' && redirect !== 'loopback')
      throw new UsageError(`--redirect must be app or loopback (not “${redirect}”).`, 'add');
    // The address first: nobody should type a Client ID for an address that cannot work.
    normaliseInstanceUrl(url, { allowInsecure: ctx.values['allow-insecure'] === true });
    let clientId = stringOption(ctx.values, 'client-id');
    // At a terminal the Auth Client is asked for, ID then secret (hidden), as the app's setup asks.
    const askClient = grant !== 'personal_access_token' && !clientId && canAsk();
    if (askClient) clientId = await promptLine('Client ID (ProcessMaker shows it under Admin > Auth Clients): ');
    if (grant !== 'personal_access_token' && !clientId) {
      throw new UsageError(
        'Give the Auth Client’s ID with --client-id (ProcessMaker shows it under Admin > Auth Clients).',
        'add',
      );
    }
    const clientSecret =
      ctx.values['client-secret-stdin'] === true
        ? (await readSecret(true, 'Client secret: '))?.trim()
        : askClient
          ? (await promptHidden('Client secret (not shown; press Enter if the Auth Client has none): ')).trim()
          : undefined;
    const engine = await ctx.engine();
    const scope = stringOption(ctx.values, 'scope');
    const view = await engine.addProfile(
      {
        name,
        instanceUrl: url,
        grant,
        redirectMode: redirect as RedirectMode,
        ...(clientId ? { clientId } : {}),
        ...(clientSecret ? { clientSecret } : {}),
        ...(scope ? { scope } : {}),
        allowInsecure: ctx.values['allow-insecure'] === true,
      },
      { checkClient: true },
    );
    const shown = printable(view.name);
    say(
      `Added profile “${shown}” for ${printable(view.instanceUrl)}.${view.active ? ' It is the active profile.' : ''}`,
    );
    say(`Next: pmtoken login ${shellWord(view.name)}`);
    return ExitCode.ok;
  },
};
