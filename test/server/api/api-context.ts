import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../context';
import { sendJson } from '../http-utils';
import type { PmUser } from '../types';

/** One authenticated API call. */
export interface ApiCall {
  ctx: ServerContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  user: PmUser;
  /** Route parameters in path order, e.g. ['2', 'abc'] for users/2/tokens/abc. */
  params: string[];
}

/** 403 as Laravel's AuthorizationException renders it. */
export const forbidden = (res: ServerResponse): void => sendJson(res, 403, { message: 'This action is unauthorized.' });

/** 404 as ProcessMaker renders a missing model or route. */
export const notFound = (res: ServerResponse): void => sendJson(res, 404, { error: 'Not Found' });

/** 422 with Laravel's validation body: the first message and every field's messages. */
export const unprocessable = (res: ServerResponse, errors: Record<string, string[]>): void => {
  const first = Object.values(errors)[0]?.[0] ?? 'The given data was invalid.';
  const more = Object.values(errors).reduce((n, list) => n + list.length, 0) - 1;
  sendJson(res, 422, { message: more > 0 ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first, errors });
};

/** Whether the caller may see or manage another user's things. */
export const isAdmin = (user: PmUser): boolean => user.is_administrator === true;
