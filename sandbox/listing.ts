import type { OrderDirection, SessionOrdering, SessionState } from '../models/index.js';
import { stateRank } from './lifecycle.js';

// ListSessions' ordering and paging, as a pure function over the stored sessions.

export interface ListQuery {
  readonly orderBy: SessionOrdering;
  readonly orderDirection: OrderDirection;
  readonly pageSize: number;
  readonly page: number;
}

/** What the sandbox uses for a query parameter left out. */
export const LIST_DEFAULTS: ListQuery = {
  orderBy: 'Created',
  orderDirection: 'Descending',
  pageSize: 50,
  page: 1,
};

/** What ordering looks at in a stored session. */
export interface Listable {
  /** Creation order: breaks ties, so paging through equal keys is stable. */
  readonly seq: number;
  readonly created: number;
  readonly updated: number;
  readonly state: SessionState;
}

const KEYS: Readonly<Record<SessionOrdering, (s: Listable) => number>> = {
  Created: (s) => s.created,
  Updated: (s) => s.updated,
  State: (s) => stateRank(s.state),
};

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly more: boolean;
}

export const listPage = <T extends Listable>(all: readonly T[], query: ListQuery): Page<T> => {
  const key = KEYS[query.orderBy];
  const sign = query.orderDirection === 'Ascending' ? 1 : -1;
  // Descending is exactly Ascending reversed, ties included.
  const sorted = [...all].sort((a, b) => sign * (key(a) - key(b) || a.seq - b.seq));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: sorted.slice(start, start + query.pageSize),
    total: all.length,
    more: start + query.pageSize < all.length,
  };
};
