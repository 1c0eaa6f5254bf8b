/**
 * `pmtoken request`: one API call with the profile's token. The body goes to
 * stdout; an HTTP status of 400 or more exits with 1 (the status on stderr).
 */
import { HTTP_METHODS, statusAdviceKey, type ApiRequest } from '../../core';
import { english } from '../../i18n';
import { chooseProfile, stringOption } from '../cli-context';
import { bodyOutput } from '../body-output';
import { printable, safeJson, shellWord } from '../escape';
import { ExitCode } from '../exit-codes';
import { readStdin, say, writeOut } from '../terminal';
import { UsageError } from '../usage-error';
import type { ArgCompletion, CommandSpec } from './command';

const methodList: readonly string[] = HTTP_METHODS;
const methods: ReadonlySet<string> = new Set(HTTP_METHODS);

/** Completion: a profile or a method first; a method after a profile. */
function completeArg(index: number, before: readonly string[]): ArgCompletion {
  if (index === 0) return { profiles: true, words: methodList };
  if (index === 1 && !methods.has((before[0] ?? '').toUpperCase())) return { words: methodList };
  return {};
}

function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  if (colon <= 0) throw new UsageError(`A header looks like -H 'Name: value' (got “${raw.slice(0, 40)}”).`, 'request');
  return [raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()];
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** "GET, POST, PUT, PATCH, DELETE or HEAD", from core's one list. */
const methodWords = `${methodList.slice(0, -1).join(', ')} or ${methodList.at(-1) ?? ''}`;

const isMethod = (word: string | undefined): boolean => word !== undefined && methods.has(word.toUpperCase());

/**
 * What the positionals say: PATH; METHOD PATH or PROFILE PATH (a method name wins); PROFILE METHOD PATH.
 * Not checked yet: see {@link splitArguments}.
 */
function argumentShape(positionals: readonly string[]): {
  profileArg: string | undefined;
  methodWord: string | undefined;
  path: string;
} {
  const args = [...positionals];
  const path = args.pop() ?? '';
  if (args.length === 2) return { profileArg: args[0], methodWord: args[1], path };
  if (isMethod(args[0])) return { profileArg: undefined, methodWord: args[0], path };
  return { profileArg: args[0], methodWord: undefined, path };
}

/** The profile the positionals name, if any. */
const profileArgument = (positionals: readonly string[]): string | undefined => argumentShape(positionals).profileArg;

/** The checked positionals; a method with no PATH after it is a missing argument, not a path called "GET". */
function splitArguments(positionals: readonly string[]): {
  profileArg: string | undefined;
  method: string | undefined;
  path: string;
} {
  const { profileArg, methodWord, path } = argumentShape(positionals);
  if (positionals.length === 1 && isMethod(path))
    throw new UsageError(`Missing arguments: the path to call after ${path.toUpperCase()}, like users.`, 'request');
  if (methodWord !== undefined && !isMethod(methodWord))
    throw new UsageError(`“${printable(methodWord)}” is not an HTTP method: use ${methodWords}.`, 'request');
  return { profileArg, method: methodWord?.toUpperCase(), path };
}

/** `pmtoken request [<profile>] [METHOD] PATH [--data JSON] [-H 'K: V']...` */
export const requestCommand: CommandSpec = {
  name: 'request',
  summary: 'Call the ProcessMaker API with the profile’s token',
  usage:
    "request [<profile>] [METHOD] PATH [--data JSON | --data -] [-H 'Name: value']... [-i] [--timeout SECONDS] [--json]",
  details: `PATH is relative to <address>/api/1.0/ (users, /users/1, users?page=2),
or a full address on the profile's own server. The token is never sent
anywhere else.
METHOD is ${methodWords}; without one, GET, or POST
when --data is given.

Options:
  --data JSON, -d JSON   request body (must be JSON); --data - reads it from
                         stdin
  --header, -H 'N: V'    extra header (repeatable)
  --include, -i          print the status line and response headers on stderr
  --timeout SECONDS      give up after this long (default 30)
  --json                 print {"status", "status_text", "url", "headers",
                         "body", "truncated"}: body is the parsed JSON
                         answer, or its text when it is not JSON

The response body is printed on stdout (up to 50 MB), as it came when stdout is
a pipe or a file; on a terminal a JSON answer is indented, and control
characters are shown escaped (\\x1b). An answer with status 400 or more exits
with code 1.

Examples:
  pmtoken request users
  pmtoken request acme DELETE users/7/tokens/3
  pmtoken request acme POST process_events/3?event=node_1 --data '{}'`,
  options: {
    data: { type: 'string', short: 'd' },
    header: { type: 'string', short: 'H', multiple: true },
    include: { type: 'boolean', short: 'i' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
  },
  completeArg,
  profileArgument,
  positionals: [1, 3],
  async run(ctx) {
    const { profileArg, method: given, path } = splitArguments(ctx.positionals);
    const method = given ?? (ctx.values.data === undefined ? 'GET' : 'POST');
    // A terminal or a pipe takes the whole body (up to core's 50 MB limit), not the window's 1 MB.
    const request: ApiRequest = { method: method as ApiRequest['method'], path, maxTextBytes: 50 * 1024 * 1024 };
    const headers = (ctx.values.header as string[] | undefined) ?? [];
    if (headers.length > 0) request.headers = headers.map(parseHeader);
    const data = stringOption(ctx.values, 'data');
    if (data !== undefined) request.body = data === '-' ? await readStdin() : data;
    const timeout = stringOption(ctx.values, 'timeout');
    if (timeout !== undefined) {
      const seconds = Number(timeout);
      if (!Number.isFinite(seconds) || seconds <= 0)
        throw new UsageError('--timeout takes a number of seconds, like --timeout 60.', 'request');
      request.timeoutMs = Math.round(seconds * 1000);
    }
    const profile = await chooseProfile(ctx, profileArg).catch((err: unknown) => {
      // `pmtoken request FETCH users`: a mistyped method more likely than a missing profile.
      if (given === undefined && profileArg !== undefined && (err as { code?: unknown }).code === 'not_found')
        throw new UsageError(
          `“${printable(profileArg)}” is not an HTTP method (${methodWords}), nor a profile.`,
          'request',
        );
      throw err;
    });
    const engine = await ctx.engine();
    const controller = new AbortController();
    const stop = ctx.onInterrupt(() => controller.abort());
    let response;
    try {
      response = await engine.request(profile.id, request, controller.signal);
    } catch (err) {
      // A body that is not JSON is a mistake on the command line, most often the shell eating its quotes.
      const { key, nextStep } = err as { key?: unknown; nextStep?: string };
      if (key === 'error.body.not_json' || key === 'error.body.not_json_at') {
        const quotesEaten = !(request.body ?? '').includes('"');
        throw new UsageError((err as Error).message, 'request', {
          nextStep: quotesEaten
            ? `Put the JSON in single quotes, so that the shell keeps its double quotes: --data '{"name": "value"}'`
            : (nextStep ?? 'Fix the body, or leave it out.'),
        });
      }
      throw err;
    } finally {
      stop();
    }
    if (ctx.values.json === true) {
      const body = response.json ?? (response.text === '' ? null : response.text);
      const out = {
        status: response.status,
        status_text: response.statusText,
        url: response.url,
        headers: Object.fromEntries(response.headers),
        body,
        truncated: response.truncated,
      };
      await writeOut(`${safeJson(out)}\n`);
      return response.status >= 400 ? ExitCode.failure : ExitCode.ok;
    }
    // The reason phrase is the server's text, like a header value: no control character reaches the terminal raw.
    const reason = printable(response.statusText);
    if (ctx.values.include === true) {
      say(`HTTP ${response.status} ${reason}`.trim());
      for (const [name, value] of response.headers) say(`${printable(name)}: ${printable(value)}`);
      say('');
    }
    const body = bodyOutput(response, process.stdout.isTTY === true);
    if (body !== '') await writeOut(body);
    if (response.truncated)
      say(`pmtoken: printed the first ${formatSize(response.text.length)} of ${formatSize(response.sizeBytes)}.`);
    if (response.status >= 400) {
      if (ctx.values.include !== true)
        say(`pmtoken: ProcessMaker answered HTTP ${response.status}${reason ? ` ${reason}` : ''}.`);
      // What the status means, in the console's words (pmtoken signs in with its own command).
      const login = `pmtoken login${profileArg ? ` ${shellWord(profileArg)}` : ''}`;
      const advice = statusAdviceKey(response.status);
      if (response.status === 401) say(`ProcessMaker did not accept the token. Sign in again: ${login}`);
      else if (advice) say(english.t(advice));
      return ExitCode.failure;
    }
    return ExitCode.ok;
  },
};
