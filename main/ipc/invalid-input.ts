/**
 * Turns a zod failure on a channel's arguments into one plain sentence,
 * e.g. "The ProcessMaker address cannot be empty." People see these only when
 * the window has a bug, but they must still read as sentences, not JSON.
 */
import type { z } from 'zod';
import type { ChannelName } from '../contract/ipc';
import { describePreferenceProblem } from '../desktop';
import { argLabels } from './schemas';

/** Names of object fields, in words. */
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

function labelFor(channel: ChannelName, path: ReadonlyArray<PropertyKey>): string {
  const labels = argLabels[channel] as readonly string[];
  const index = typeof path[0] === 'number' ? path[0] : -1;
  const field = path.slice(1).find((p): p is string => typeof p === 'string');
  if (field !== undefined) return fieldLabels[field] ?? `${labels[index] ?? 'detail'} (${field.slice(0, 40)})`;
  return labels[index] ?? 'detail';
}

function sentenceFor(issue: z.core.$ZodIssue, label: string, value: unknown): string {
  if (value === undefined && issue.code === 'invalid_type') return `The ${label} is missing.`;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? `The ${label} cannot be empty.` : `The ${label} is too small.`;
    case 'too_big':
      return issue.origin === 'array' ? `The ${label} has too many entries.` : `The ${label} is too long.`;
    case 'unrecognized_keys':
      return `Token Tray does not recognise “${issue.keys.join(', ').slice(0, 60)}” in the ${label}.`;
    default:
      return `The ${label} is not valid.`;
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

/** One plain sentence for the first problem zod found in `args` sent to `channel`. */
export function describeInvalidArgs(channel: ChannelName, args: readonly unknown[], error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Some of the details sent to Token Tray are not valid.';
  const labels = argLabels[channel] as readonly string[];
  if (issue.path.length === 0) {
    if (issue.code === 'too_small') return `The ${labels[args.length] ?? 'detail'} is missing.`;
    if (issue.code === 'too_big') return 'Token Tray received more details than it expected.';
    return 'Some of the details sent to Token Tray are not valid.';
  }
  if (channel === 'setPreferences' && issue.path.length >= 2) return describePreferenceProblem(issue.path[1]);
  if (channel === 'setPreferences' && issue.code === 'unrecognized_keys')
    return describePreferenceProblem(issue.keys[0]);
  return sentenceFor(issue, labelFor(channel, issue.path), valueAt(args, issue.path));
}
