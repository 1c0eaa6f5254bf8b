import { laravelDate } from '../sample-data';
import { sendJson } from '../http-utils';
import type { PmUser } from '../types';
import { forbidden, isAdmin, notFound, type ApiCall } from './api-context';
import { paginate, parseListQuery } from './pagination';

const CREATED = Date.UTC(2025, 0, 2, 8, 0, 0);

/** A user as ProcessMaker's API serialises it (no password), with the appended `fullname`. */
export function userJson(u: PmUser): Record<string, unknown> {
  return {
    id: u.id,
    email: u.email,
    firstname: u.firstname,
    lastname: u.lastname,
    username: u.username,
    status: u.status ?? 'ACTIVE',
    address: null,
    city: null,
    state: null,
    postal: null,
    country: null,
    phone: null,
    fax: null,
    cell: null,
    title: null,
    birthdate: null,
    timezone: 'America/Los_Angeles',
    datetime_format: 'm/d/Y H:i',
    language: 'en',
    is_administrator: u.is_administrator === true,
    expires_at: null,
    loggedin_at: null,
    created_at: laravelDate(CREATED + u.id * 60_000),
    updated_at: laravelDate(CREATED + u.id * 60_000),
    deleted_at: null,
    delegation_user_id: null,
    manager_id: null,
    meta: null,
    force_change_password: 0,
    avatar: '',
    fullname: `${u.firstname} ${u.lastname}`,
  };
}

/** GET /api/1.0/users: every signed-in user may list users (filter over username, names, email). */
export function listUsers(call: ApiCall): void {
  const q = parseListQuery(call.url.searchParams, 'username');
  const rows = call.ctx.store.users.map(userJson);
  sendJson(
    call.res,
    200,
    paginate(rows, q, ['username', 'firstname', 'lastname', 'email', 'fullname'], call.ctx.baseUrl + call.url.pathname),
  );
}

/** GET /api/1.0/users/{id}: users may always view themselves; others need admin. */
export function showUser(call: ApiCall): void {
  const target = call.ctx.store.user(call.params[0]);
  if (target === undefined) return notFound(call.res);
  if (target.id !== call.user.id && !isAdmin(call.user)) return forbidden(call.res);
  sendJson(call.res, 200, userJson(target));
}

/** GET /api/1.0/users/configuration: {user_id, ui_configuration}. */
export function userConfiguration(call: ApiCall): void {
  sendJson(call.res, 200, {
    user_id: call.user.id,
    ui_configuration: {
      launchpad: { isMenuCollapse: true },
      cases: { isMenuCollapse: false },
      requests: { isMenuCollapse: false },
      tasks: { isMenuCollapse: false },
    },
  });
}
