import { readBody, sendJson } from '../http-utils';
import { laravelDate, newRequestRow, type Row } from '../sample-data';
import { notFound, unprocessable, type ApiCall } from './api-context';
import { paginate, parseListQuery } from './pagination';
import { userJson } from './users';

/** Serves a list of rows in the pagination envelope. */
function list(call: ApiCall, rows: Row[], fields: string[], defaultOrder = 'id'): void {
  sendJson(
    call.res,
    200,
    paginate(rows, parseListQuery(call.url.searchParams, defaultOrder), fields, call.ctx.baseUrl + call.url.pathname),
  );
}

/** Serves one row by the first route parameter, or 404. */
function show(call: ApiCall, rows: Row[]): void {
  const row = rows.find((r) => String(r.id) === call.params[0]);
  if (row === undefined) return notFound(call.res);
  sendJson(call.res, 200, row);
}

/** GET /groups, /groups/{id}, /groups/{id}/users. */
export const listGroups = (call: ApiCall): void =>
  list(call, call.ctx.store.data.groups, ['name', 'description'], 'name');
export const showGroup = (call: ApiCall): void => show(call, call.ctx.store.data.groups);
export function groupUsers(call: ApiCall): void {
  const { data, users } = call.ctx.store;
  const group = data.groups.find((g) => String(g.id) === call.params[0]);
  if (group === undefined) return notFound(call.res);
  const ids = data.groupMembers.get(group.id) ?? [];
  list(
    call,
    users.filter((u) => ids.includes(u.id)).map((u) => userJson(u) as Row),
    ['username', 'firstname', 'lastname', 'email'],
    'username',
  );
}

/** GET /processes, /processes/{id}, /start_processes. */
export const listProcesses = (call: ApiCall): void =>
  list(call, call.ctx.store.data.processes, ['name', 'description'], 'name');
export const showProcess = (call: ApiCall): void => show(call, call.ctx.store.data.processes);
export const listStartProcesses = (call: ApiCall): void =>
  list(
    call,
    call.ctx.store.data.processes.filter((p) => p.status === 'ACTIVE'),
    ['name', 'description'],
    'name',
  );

/** GET /requests, /requests/{id}; non-administrators see the requests they started. */
export function listRequests(call: ApiCall): void {
  const rows = call.ctx.store.data.requests;
  list(call, call.user.is_administrator === true ? rows : rows.filter((r) => r.user_id === call.user.id), [
    'name',
    'case_title',
    'status',
  ]);
}
export const showRequest = (call: ApiCall): void => show(call, call.ctx.store.data.requests);

/** GET /tasks, /tasks/{id}; non-administrators see the tasks assigned to them. */
export function listTasks(call: ApiCall): void {
  const rows = call.ctx.store.data.tasks;
  list(call, call.user.is_administrator === true ? rows : rows.filter((r) => r.user_id === call.user.id), [
    'element_name',
    'status',
  ]);
}
export const showTask = (call: ApiCall): void => show(call, call.ctx.store.data.tasks);

/** POST /process_events/{process_id}?event=<startEventId>: starts a request; 422 when the event is missing or unknown. */
export async function triggerStartEvent(call: ApiCall): Promise<void> {
  const body = await readBody(call.req);
  const { data } = call.ctx.store;
  const process = data.processes.find((p) => String(p.id) === call.params[0]);
  if (process === undefined) return notFound(call.res);
  const event = call.url.searchParams.get('event');
  const events = (process.start_events as Array<{ id: string }>).map((e) => e.id);
  if (event === null || event === '') return unprocessable(call.res, { event: ['The event field is required.'] });
  if (!events.includes(event)) return unprocessable(call.res, { event: ['The selected event is invalid.'] });
  if (process.status !== 'ACTIVE') return unprocessable(call.res, { process: ['The process is inactive.'] });
  const id = data.requests.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  const row = newRequestRow(id, process, call.user.id, laravelDate(call.ctx.now()));
  row.data = body;
  data.requests.push(row);
  sendJson(call.res, 201, row);
}
