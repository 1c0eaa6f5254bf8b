import type { PmUser } from './types';

/** A row of any sample table: plain JSON with a numeric id. */
export type Row = { id: number } & Record<string, unknown>;

/** The non-auth tables the API serves: groups, group members, processes, requests, tasks. */
export interface SampleData {
  groups: Row[];
  groupMembers: Map<number, number[]>;
  processes: Row[];
  requests: Row[];
  tasks: Row[];
}

const BASE = Date.UTC(2025, 0, 6, 9, 0, 0);
/** Laravel's default date serialisation: ISO 8601 with microseconds. */
export const laravelDate = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
const day = (n: number): string => laravelDate(BASE + n * 86_400_000);

const PROCESS_NAMES = [
  'Leave Request',
  'Purchase Order',
  'New Hire Onboarding',
  'Expense Report',
  'Vendor Registration',
  'IT Access Request',
];

/** Builds deterministic sample rows: 3 groups, 6 processes, 30 requests, 40 tasks. */
export function buildSampleData(users: PmUser[]): SampleData {
  const userIds = users.map((u) => u.id);
  const pickUser = (i: number): number => userIds[i % userIds.length] ?? 1;
  const groups: Row[] = ['Administrators', 'Finance', 'Human Resources'].map((name, i) => ({
    id: i + 1,
    name,
    description: `${name} group`,
    manager_id: null,
    status: 'ACTIVE',
    created_at: day(i),
    updated_at: day(i),
  }));
  const groupMembers = new Map<number, number[]>([
    [1, userIds.filter((_, i) => i === 0)],
    [2, [...userIds]],
    [3, userIds.slice(1)],
  ]);
  const processes: Row[] = PROCESS_NAMES.map((name, i) => ({
    id: i + 1,
    process_category_id: 1,
    user_id: pickUser(0),
    name,
    description: `${name} process`,
    status: i === 5 ? 'INACTIVE' : 'ACTIVE',
    is_valid: 1,
    start_events: [{ id: 'node_1', name: 'Start Event', ownerProcessId: 'ProcessId', ownerProcessName: name }],
    created_at: day(i),
    updated_at: day(i),
  }));
  const requests: Row[] = [];
  for (let i = 0; i < 30; i++) {
    const process = processes[i % 5] as Row;
    const status = i % 7 === 0 ? 'COMPLETED' : i % 11 === 0 ? 'ERROR' : 'ACTIVE';
    requests.push(newRequestRow(i + 1, process, pickUser(i), day(10 + i), status));
  }
  const tasks: Row[] = [];
  for (let i = 0; i < 40; i++) {
    const request = requests[i % requests.length] as Row;
    tasks.push({
      id: i + 1,
      element_id: `node_${(i % 4) + 2}`,
      element_name: ['Review', 'Approve', 'Fill Form', 'Sign'][i % 4],
      element_type: 'task',
      process_id: request.process_id,
      process_request_id: request.id,
      user_id: pickUser(i + 1),
      status: i % 5 === 0 ? 'CLOSED' : 'ACTIVE',
      due_at: day(20 + i),
      completed_at: i % 5 === 0 ? day(19 + i) : null,
      created_at: day(10 + i),
      updated_at: day(10 + i),
    });
  }
  return { groups, groupMembers, processes, requests, tasks };
}

/** A process_requests row as ProcessMaker serialises it. */
export function newRequestRow(id: number, process: Row, userId: number, at: string, status = 'ACTIVE'): Row {
  return {
    id,
    process_id: process.id,
    process_collaboration_id: null,
    user_id: userId,
    callable_id: 'ProcessId',
    status,
    name: process.name,
    case_number: id,
    case_title: `${String(process.name)} #${id}`,
    data: {},
    initiated_at: at,
    completed_at: status === 'COMPLETED' ? at : null,
    created_at: at,
    updated_at: at,
  };
}
