import { RequestBuilder } from '../../lib/builder.js';
import { json } from '../../lib/readers.js';
import { integerBetween } from '../../lib/schema/scalars.js';
import { ListSessionsResponse } from '../../models/ListSessionsResponse.js';
import { OrderDirection } from '../../models/OrderDirection.js';
import { SessionOrdering } from '../../models/SessionOrdering.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';

export interface ListSessionsParams {
  readonly orderBy: SessionOrdering;
  readonly orderDirection: OrderDirection;
  readonly pageSize: number;
  readonly page: number;
}

export const listSessions = connectOperation<ListSessionsParams, ListSessionsResponse>({
  name: 'SessionsAPI.ListSessions',
  method: 'GET',
  path: '/api/v1/sessions',
  params: {
    orderBy: {
      location: { in: 'query', name: 'OrderBy' },
      codec: SessionOrdering,
      required: false,
    },
    orderDirection: {
      location: { in: 'query', name: 'OrderDirection' },
      codec: OrderDirection,
      required: false,
    },
    pageSize: {
      location: { in: 'query', name: 'PageSize' },
      codec: integerBetween(1, 50),
      required: false,
    },
    page: {
      location: { in: 'query', name: 'Page' },
      codec: integerBetween(1, 2_147_483_647),
      required: false,
    },
  },
  result: json(ListSessionsResponse),
  idempotent: true,
});

/** GET /api/v1/sessions: list the Sessions created by your account, a page at a time. */
export class ApiListSessionsRequest extends RequestBuilder<
  ListSessionsParams,
  ListSessionsResponse,
  HttpErrorModel
> {
  /** The field by which sessions are ordered. */
  orderBy(orderBy: SessionOrdering): this {
    return this.with('orderBy', orderBy);
  }

  orderDirection(orderDirection: OrderDirection): this {
    return this.with('orderDirection', orderDirection);
  }

  /** Items per page, from 1 to 50. */
  pageSize(pageSize: number): this {
    return this.with('pageSize', pageSize);
  }

  /** The page to return, from 1. */
  page(page: number): this {
    return this.with('page', page);
  }
}
