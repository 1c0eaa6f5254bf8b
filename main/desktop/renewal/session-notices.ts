/**
 * "Acme: sign in again": one notification when a profile's sign-in ends by itself (the refresh token
 * was refused or ran out), whether the engine saw it happen or a background renewal found it so.
 * Clicking it starts that profile's sign-in. A sign-out the person chose says nothing.
 */
import type { EngineEvent, TokenEngine } from '../../core';
import { english, type Translator } from '../../i18n';

/** What the notices need. */
export interface SessionNoticesDeps {
  engine: Pick<TokenEngine, 'getProfile'>;
  /** Shows a notification; `onClick` runs when the person clicks it. */
  notify(title: string, body: string, onClick?: () => void): void;
  /** Starts the sign-in of a profile (the tray's "Sign in…"). */
  signIn(profileId: string): void;
  /** The language of the notification (English by default). */
  say?: () => Translator;
}

/** The notices' controls. */
export interface SessionNotices {
  /** Feed every engine event here. */
  observe(event: EngineEvent): void;
  /** A renewal found the sign-in ended (perhaps in another process, so no event came). */
  sessionEnded(profileId: string): void;
}

/** Builds the notices. Each ended sign-in is told once, until the profile signs in again. */
export function createSessionNotices(deps: SessionNoticesDeps): SessionNotices {
  const told = new Set<string>();
  const say = (): Translator => deps.say?.() ?? english;

  const sessionEnded = (profileId: string) => {
    if (told.has(profileId)) return;
    told.add(profileId);
    void deps.engine.getProfile(profileId).then(
      (profile) =>
        deps.notify(
          say().t('app.notify.session_ended', { profile: profile.name }),
          say().t('app.notify.session_ended.body'),
          () => deps.signIn(profileId),
        ),
      // The profile is gone: nothing to sign in to.
      () => told.delete(profileId),
    );
  };

  return {
    observe(event) {
      if (event.type === 'signed-in') told.delete(event.profileId);
      else if (event.type === 'signed-out') {
        if (event.reason === 'session_expired') sessionEnded(event.profileId);
        else told.delete(event.profileId);
      }
    },
    sessionEnded,
  };
}
