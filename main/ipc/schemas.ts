/**
 * zod schemas for every IPC channel's arguments, as tuples. Type-checked
 * against {@link IpcChannels} in both directions, so a change to the contract
 * that is not mirrored here fails the build.
 */
import { z } from 'zod';
import { HTTP_METHODS, REDIRECT_MODES, SIGN_IN_KINDS, TOKEN_FORMATS as COPY_FORMATS } from '../core';
import type { ChannelName, IpcChannels } from '../contract/ipc';
import { preferencesPatchSchema } from '../desktop';

const id = z.string().min(1).max(200);
const grant = z.enum(SIGN_IN_KINDS);
const redirectMode = z.enum(REDIRECT_MODES);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const pair = z.tuple([z.string().max(2_000), z.string().max(16_000)]);

const newProfileInput = z.strictObject({
  name: z.string().min(1).max(100),
  instanceUrl: z.string().min(1).max(2_048),
  clientId: z.string().max(200).optional(),
  clientSecret: z.string().max(1_000).optional(),
  grant,
  redirectMode: redirectMode.optional(),
  scope: z.string().max(500).optional(),
  color: color.optional(),
  production: z.boolean().optional(),
  allowInsecure: z.boolean().optional(),
});

const profilePatch = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  instanceUrl: z.string().min(1).max(2_048).optional(),
  clientId: z.string().max(200).optional(),
  clientSecret: z.string().max(1_000).nullable().optional(),
  grant: grant.optional(),
  redirectMode: redirectMode.optional(),
  scope: z.string().max(500).nullable().optional(),
  color: color.nullable().optional(),
  production: z.boolean().optional(),
  allowInsecure: z.boolean().optional(),
});

/** Validates one console request (core checks the JSON body and the origin). */
export const apiRequestSchema = z.strictObject({
  method: z.enum(HTTP_METHODS),
  path: z.string().min(1).max(8_192),
  query: z.array(pair).max(200).optional(),
  headers: z.array(pair).max(100).optional(),
  body: z
    .string()
    .max(10 * 1024 * 1024)
    .optional(),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
});

/** Argument tuples, one per channel. */
export const argSchemas = {
  appInfo: z.tuple([]),
  windowLocale: z.tuple([]),
  listProfiles: z.tuple([]),
  setAsideNotes: z.tuple([]),
  // Longer than any setup, so that the parser, not a length check, says why a long one is refused.
  previewSetup: z.tuple([z.string().min(1).max(65_536)]),
  applySetup: z.tuple([id, z.boolean(), z.string().min(1).max(1_000).nullable()]),
  addProfile: z.tuple([newProfileInput]),
  updateProfile: z.tuple([id, profilePatch]),
  duplicateProfile: z.tuple([id, z.string().min(1).max(100)]),
  removeProfile: z.tuple([id]),
  setActiveProfile: z.tuple([id]),
  checkInstance: z.tuple([z.string().min(1).max(2_048), z.boolean()]),
  startBrowserSignIn: z.tuple([id, redirectMode.nullable()]),
  waitForSignIn: z.tuple([id]),
  cancelSignIn: z.tuple([id]),
  copySignInLink: z.tuple([id]),
  copySetupLink: z.tuple([id, z.boolean()]),
  saveSetupFile: z.tuple([id, z.boolean()]),
  signInWithPassword: z.tuple([id, z.string().min(1).max(500), z.string().min(1).max(1_000)]),
  savePersonalAccessToken: z.tuple([id, z.string().min(1).max(10_000)]),
  refreshNow: z.tuple([id]),
  tokenDetails: z.tuple([id]),
  revealToken: z.tuple([id]),
  copyToken: z.tuple([id, z.enum(COPY_FORMATS)]),
  signOut: z.tuple([id]),
  whoami: z.tuple([id]),
  sendRequest: z.tuple([id, id, apiRequestSchema]),
  cancelRequest: z.tuple([id]),
  apiEndpoints: z.tuple([id, z.boolean()]),
  listHistory: z.tuple([id, z.string().max(500)]),
  clearHistory: z.tuple([id]),
  copyCurl: z.tuple([id, apiRequestSchema, z.boolean()]),
  copyText: z.tuple([z.string().max(20 * 1024 * 1024)]),
  getPreferences: z.tuple([]),
  preferenceSources: z.tuple([]),
  setPreferences: z.tuple([preferencesPatchSchema]),
  openExternal: z.tuple([z.string().min(1).max(8_192)]),
  updateStatus: z.tuple([]),
  checkForUpdates: z.tuple([]),
  restartToInstall: z.tuple([]),
  installPmtokenCommand: z.tuple([]),
} satisfies { [K in ChannelName]: z.ZodType<Parameters<IpcChannels[K]>> };

/** One label per element of a tuple (a homomorphic map over a type parameter keeps tuples). */
type LabelsFor<T extends unknown[]> = { [I in keyof T]: string };

/** What each channel's arguments are called in messages, by position. */
export const argLabels: { [K in ChannelName]: LabelsFor<Parameters<IpcChannels[K]>> } = {
  appInfo: [],
  windowLocale: [],
  listProfiles: [],
  setAsideNotes: [],
  previewSetup: ['setup link or file'],
  applySetup: ['setup', 'insecure-address confirmation', 'client secret'],
  addProfile: ['profile details'],
  updateProfile: ['profile', 'profile changes'],
  duplicateProfile: ['profile', 'new name'],
  removeProfile: ['profile'],
  setActiveProfile: ['profile'],
  checkInstance: ['ProcessMaker address', 'insecure-address confirmation'],
  startBrowserSignIn: ['profile', 'return address type'],
  waitForSignIn: ['sign-in'],
  cancelSignIn: ['sign-in'],
  copySignInLink: ['sign-in'],
  copySetupLink: ['profile', 'include the secret'],
  saveSetupFile: ['profile', 'include the secret'],
  signInWithPassword: ['profile', 'username', 'password'],
  savePersonalAccessToken: ['profile', 'personal access token'],
  refreshNow: ['profile'],
  tokenDetails: ['profile'],
  revealToken: ['profile'],
  copyToken: ['profile', 'copy format'],
  signOut: ['profile'],
  whoami: ['profile'],
  sendRequest: ['request number', 'profile', 'request'],
  cancelRequest: ['request number'],
  apiEndpoints: ['profile', 'reload choice'],
  listHistory: ['profile', 'search text'],
  clearHistory: ['profile'],
  copyCurl: ['profile', 'request', 'token choice'],
  copyText: ['text'],
  getPreferences: [],
  preferenceSources: [],
  setPreferences: ['preferences'],
  openExternal: ['link'],
  updateStatus: [],
  checkForUpdates: [],
  restartToInstall: [],
  installPmtokenCommand: [],
};

/** Compile-time proof that no schema accepts less or more than the contract says. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Drifted = {
  [K in ChannelName]: Same<z.output<(typeof argSchemas)[K]>, Parameters<IpcChannels[K]>> extends true ? never : K;
}[ChannelName];
const noDrift: [Drifted] extends [never] ? true : Drifted = true;
void noDrift;
