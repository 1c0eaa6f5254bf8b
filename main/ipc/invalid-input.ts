/**
 * Turns a zod failure on a channel's arguments into one sentence of the errors catalogue,
 * e.g. "The ProcessMaker address cannot be empty." People see these only when
 * the window has a bug, but they must still read as sentences, not JSON.
 */
import type { z } from 'zod';
import type { ChannelName } from '../contract/ipc';
import type { ErrorParams, ErrorSentenceKey } from '../core';
import { englishMessages, type Translator } from '../i18n';
import { describePreferenceProblem } from '../desktop';
import { argLabels } from './schemas';

/** Names of object fields, in English words; each has its catalogue key (`error.field.*`). */
const fieldLabels: Record<string, string> = {
  name: 'name',
  instanceUrl: 'ProcessMaker address',
  clientId: 'client ID',
  clientSecret: 'client secret',
  grant: 'sign-in type',
  redirectMode: 'return address type',
  scope: 'scope',
  color: 'colour',
  production: 'production setting',
  allowInsecure: 'insecure-address confirmation',
  method: 'request method',
  path: 'request path',
  query: 'query parameters',
  headers: 'request headers',
  body: 'request body',
  timeoutMs: 'time limit',
};

/** A sentence of the errors catalogue and its values. */
export interface InvalidArgsSentence {
  key: ErrorSentenceKey;
  params?: ErrorParams;
}

/** The catalogue's name for a label ("ProcessMaker address" is `error.field.processmaker_address`). */
function labelKey(label: string): ErrorSentenceKey | undefined {
  const key = `error.field.${label
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '')}`;
  return Object.hasOwn(englishMessages, key) ? (key as ErrorSentenceKey) : undefined;
}

function labelFor(channel: ChannelName, path: ReadonlyArray<PropertyKey>, say: Translator): string {
  const labels = argLabels[channel] as readonly string[];
  const index = typeof path[0] === 'number' ? path[0] : -1;
  const field = path.slice(1).find((p): p is string => typeof p === 'string');
  const word = (label: string): string => {
    const key = labelKey(label);
    return key ? say.t(key) : label;
  };
  const known = field !== undefined ? fieldLabels[field] : undefined;
  if (known !== undefined) return word(known);
  if (field !== undefined) return `${word(labels[index] ?? 'detail')} (${field.slice(0, 40)})`;
  return word(labels[index] ?? 'detail');
}

function sentenceFor(issue: z.core.$ZodIssue, label: string, value: unknown): InvalidArgsSentence {
  if (value === undefined && issue.code === 'invalid_type') return { key: 'error.ipc.missing', params: { label } };
  switch (issue.code) {
    case 'too_small':
      return { key: issue.origin === 'string' ? 'error.ipc.empty' : 'error.ipc.too_small', params: { label } };
    case 'too_big':
      return { key: issue.origin === 'array' ? 'error.ipc.too_many' : 'error.ipc.too_long', params: { label } };
    case 'unrecognized_keys':
      return { key: 'error.ipc.unrecognised', params: { label, keys: issue.keys.join(', ').slice(0, 60) } };
    default:
      return { key: 'error.ipc.not_valid', params: { label } };
  }
}

function valueAt(args: readonly unknown[], path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = args;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * The sentence for the first problem zod found in `args` sent to `channel`; the names of the
 * details in it are said by `say` (the window's language).
 */
export function describeInvalidArgs(
  channel: ChannelName,
  args: readonly unknown[],
  error: z.ZodError,
  say: Translator,
): InvalidArgsSentence {
  const issue = error.issues[0];
  if (!issue) return { key: 'error.ipc.invalid' };
  const labels = argLabels[channel] as readonly string[];
  if (issue.path.length === 0) {
    if (issue.code === 'too_small') {
      const label = labels[args.length];
      const key = label ? labelKey(label) : undefined;
      return { key: 'error.ipc.missing', params: { label: key ? say.t(key) : (label ?? say.t('error.field.detail')) } };
    }
    if (issue.code === 'too_big') return { key: 'error.ipc.too_many_details' };
    return { key: 'error.ipc.invalid' };
  }
  if (channel === 'setPreferences' && issue.path.length >= 2) return { key: describePreferenceProblem(issue.path[1]) };
  if (channel === 'setPreferences' && issue.code === 'unrecognized_keys')
    return { key: describePreferenceProblem(issue.keys[0]) };
  return sentenceFor(issue, labelFor(channel, issue.path, say), valueAt(args, issue.path));
}
