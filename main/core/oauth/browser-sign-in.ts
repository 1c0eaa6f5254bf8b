/**
 * The authorization-code sign-in as the engine runs it: prepare PKCE and
 * state, open the browser, wait for the callback (the app's scheme URL handed
 * in by the shell, or the loopback listener), exchange the code, store the
 * tokens. A failed or abandoned sign-in leaves the stored tokens untouched.
 */
import { buildAuthorizeRequest } from './authorize-flow';
import { exchangeCode } from './token-grants';
import { APP_REDIRECT_URI, parseCallbackUrl } from './callback-url';
import type { EngineEvent, PendingSignIn, Profile, ProfileView, RedirectMode } from '../model';
import { TokenTrayError, toUserError } from '../errors';
import { errorPage, successPage, type ReturnTo } from './loopback-pages';
import {
  startLoopbackListener,
  type LoopbackAnswer,
  type LoopbackListener,
  type LoopbackPages,
} from './loopback-listener';
import type { Clock, FetchLike } from '../ports';
import { DEFAULT_SIGN_IN_TIMEOUT_MS, SignInFlows, type SignInFlow } from './sign-in-flows';
import type { TokenSet, Vault } from '../tokens';
import { english, type Translator } from '../../i18n';

/** What the browser sign-in needs from the engine. */
export interface BrowserSignInDeps {
  flows: SignInFlows<ProfileView>;
  vault: Vault;
  fetch: FetchLike;
  clock: Clock;
  openBrowser(url: string): Promise<void>;
  /** Runs a token request of the profile (honouring ProcessMaker's Retry-After). */
  tokenRequest<T>(profileId: string, request: () => Promise<T>): Promise<T>;
  emit(event: EngineEvent): void;
  /** Reads the profile's current settings. */
  profile(id: string): Profile;
  /** Stores tokens from a finished sign-in and returns the new view. */
  completeSignIn(profile: Profile, tokens: TokenSet): Promise<ProfileView>;
  /** The language of the pages the browser shows after sign-in (the app's; English by default). */
  say?(): Translator;
}

/** Options of {@link startBrowserSignIn}. */
export interface BrowserSignInOptions {
  redirectMode?: RedirectMode;
  openBrowser?: boolean;
  timeoutMs?: number;
  /** Wording of the loopback page: back to the app (default) or to the terminal. */
  returnTo?: ReturnTo;
}

/** Exchanges the code of a matched callback and stores the result. */
function completer(deps: BrowserSignInDeps) {
  return async (flow: SignInFlow<ProfileView>, code: string, state: string): Promise<ProfileView> => {
    const progress = (stage: 'exchanging' | 'done' | 'failed') =>
      deps.emit({ type: 'sign-in-progress', flowId: flow.flowId, profileId: flow.profileId, stage });
    progress('exchanging');
    try {
      const profile = deps.profile(flow.profileId);
      const entry = await deps.vault.read(profile.id);
      const target = { instanceUrl: profile.instanceUrl, clientId: profile.clientId, clientSecret: entry.clientSecret };
      const tokens = await deps.tokenRequest(profile.id, () =>
        exchangeCode(target, flow.request, { code, state }, deps.fetch, deps.clock),
      );
      const view = await deps.completeSignIn(profile, tokens);
      progress('done');
      return view;
    } catch (err) {
      progress('failed');
      throw err;
    }
  };
}

/** Answers the browser on the loopback listener once the flow has ended. */
async function answerLoopback(deps: BrowserSignInDeps, url: string, returnTo?: ReturnTo): Promise<LoopbackAnswer> {
  // pmtoken speaks English; the app speaks its language.
  const say = returnTo === 'terminal' ? english : (deps.say?.() ?? english);
  try {
    const outcome = deps.flows.deliver(parseCallbackUrl(url), completer(deps));
    if (!outcome) return { status: 400, html: errorPage(say.t('app.loopback.no_details'), undefined, returnTo, say) };
    const view = await outcome;
    return { status: 200, html: successPage(view.name, returnTo, say) };
  } catch (err) {
    const e = toUserError(err);
    const nextStep = e.nextKey ? say.t(e.nextKey, e.params) : undefined;
    return { status: 400, html: errorPage(say.t(e.key, e.params), nextStep, returnTo, say) };
  }
}

/** The listener's pages for a wrong address and for a failure inside Token Tray, in the page's language. */
function loopbackPages(deps: BrowserSignInDeps, returnTo?: ReturnTo): LoopbackPages {
  const say = (): Translator => (returnTo === 'terminal' ? english : (deps.say?.() ?? english));
  return {
    notFound: () => ({
      status: 404,
      html: errorPage(say().t('app.loopback.not_callback'), undefined, returnTo, say()),
    }),
    failed: () => ({
      status: 500,
      html: errorPage(say().t('error.internal'), say().t('error.internal.next'), returnTo, say()),
    }),
  };
}

/** Starts a sign-in; a sign-in already waiting for the same profile is cancelled first. */
export async function startBrowserSignIn(
  deps: BrowserSignInDeps,
  profileId: string,
  options: BrowserSignInOptions = {},
): Promise<PendingSignIn> {
  const profile = deps.profile(profileId);
  if (profile.grant !== 'authorization_code') {
    throw new TokenTrayError('invalid_input', 'error.profile.not_browser');
  }
  for (const waiting of deps.flows.forProfile(profile.id))
    deps.flows.fail(waiting.flowId, new TokenTrayError('sign_in_cancelled'));
  const entry = await deps.vault.read(profile.id);
  const redirectMode = options.redirectMode ?? profile.redirectMode;
  let listener: LoopbackListener | null = null;
  if (redirectMode === 'loopback')
    listener = await startLoopbackListener(
      (url) => answerLoopback(deps, url, options.returnTo),
      loopbackPages(deps, options.returnTo),
    );
  try {
    const redirectUri = listener ? listener.redirectUri : APP_REDIRECT_URI;
    const target = {
      instanceUrl: profile.instanceUrl,
      clientId: profile.clientId,
      clientSecret: entry.clientSecret,
      scope: profile.scope,
    };
    const request = await buildAuthorizeRequest(target, redirectUri);
    const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
    const flow = deps.flows.register({
      profileId: profile.id,
      redirectMode,
      request,
      listener,
      timeoutMs,
      now: deps.clock.now(),
    });
    const closeListener = () => void listener?.close();
    flow.result.then(closeListener, closeListener);
    deps.emit({ type: 'sign-in-progress', flowId: flow.flowId, profileId: profile.id, stage: 'waiting_for_browser' });
    let browserOpened = false;
    if (options.openBrowser !== false) {
      // A browser that cannot be opened does not end the sign-in: the link can be opened by hand.
      browserOpened = await deps.openBrowser(request.url).then(
        () => true,
        () => false,
      );
    }
    return {
      flowId: flow.flowId,
      profileId: profile.id,
      authorizeUrl: request.url,
      redirectMode,
      expiresAt: flow.expiresAt,
      browserOpened,
    };
  } catch (err) {
    await listener?.close();
    throw err;
  }
}

/**
 * Hands a callback URL (the app's scheme) to the waiting flow. Returns false
 * for a URL that is not a sign-in callback; throws `state_mismatch` when no
 * waiting flow has its state. Otherwise resolves (true) once the flow ended;
 * its outcome goes to `waitForSignIn` and to the events.
 */
export async function handleCallbackUrl(deps: BrowserSignInDeps, url: string): Promise<boolean> {
  const outcome = deps.flows.deliver(parseCallbackUrl(url), completer(deps));
  if (!outcome) return false;
  await outcome.catch(() => undefined);
  return true;
}
