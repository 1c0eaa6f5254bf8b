/** Query options ProcessMaker's list endpoints honour. */
export interface ListQuery {
  page: number;
  perPage: number;
  filter: string;
  orderBy: string;
  orderDirection: 'asc' | 'desc';
  /** order_by and order_direction exactly as sent ('' when absent): ProcessMaker echoes these in meta. */
  rawOrderBy: string;
  rawOrderDirection: string;
  status: string | null;
}

/** ProcessMaker's ApiCollection envelope meta. */
export interface ListMeta {
  filter: string;
  sort_by: string;
  sort_order: string;
  count: number;
  total_pages: number;
  current_page: number;
  from: number | null;
  last_page: number;
  path: string;
  per_page: number;
  to: number | null;
  total: number;
}

const positiveInt = (raw: string | null, fallback: number): number => {
  const n = raw === null ? NaN : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
};

/** Reads page, per_page (default 10), filter, order_by, order_direction and status. */
export function parseListQuery(q: URLSearchParams, defaultOrder: string): ListQuery {
  return {
    page: positiveInt(q.get('page'), 1),
    perPage: positiveInt(q.get('per_page'), 10),
    filter: q.get('filter') ?? '',
    orderBy: q.get('order_by') ?? defaultOrder,
    orderDirection: q.get('order_direction')?.toLowerCase() === 'desc' ? 'desc' : 'asc',
    rawOrderBy: q.get('order_by') ?? '',
    rawOrderDirection: q.get('order_direction') ?? '',
    status: q.get('status'),
  };
}

/** Filters (case-insensitive substring over `fields`), sorts and pages rows into {data, meta}. */
export function paginate<T extends Record<string, unknown>>(
  rows: T[],
  q: ListQuery,
  fields: string[],
  path: string,
): { data: T[]; meta: ListMeta } {
  const needle = q.filter.toLowerCase();
  let hits =
    needle === ''
      ? rows
      : rows.filter((r) =>
          fields.some((f) =>
            String(r[f] ?? '')
              .toLowerCase()
              .includes(needle),
          ),
        );
  if (q.status !== null && q.status !== '')
    hits = hits.filter((r) => String(r.status ?? '').toLowerCase() === String(q.status).toLowerCase());
  const dir = q.orderDirection === 'desc' ? -1 : 1;
  const sorted = [...hits].sort((a, b) => {
    const x = a[q.orderBy];
    const y = b[q.orderBy];
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
    return String(x ?? '').localeCompare(String(y ?? '')) * dir;
  });
  const total = sorted.length;
  // ApiCollection: total_pages = ceil(total / per_page) (0 when empty); Laravel's last_page is at least 1.
  const totalPages = Math.ceil(total / q.perPage);
  const lastPage = Math.max(1, totalPages);
  const start = (q.page - 1) * q.perPage;
  const data = sorted.slice(start, start + q.perPage);
  return {
    data,
    meta: {
      filter: q.filter,
      sort_by: q.rawOrderBy,
      sort_order: q.rawOrderDirection,
      count: data.length,
      total_pages: totalPages,
      current_page: q.page,
      from: data.length > 0 ? start + 1 : null,
      last_page: lastPage,
      path,
      per_page: q.perPage,
      to: data.length > 0 ? start + data.length : null,
      total,
    },
  };
}
