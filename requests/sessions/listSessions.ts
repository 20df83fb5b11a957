import { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { integerBetween } from '../../lib/schema/scalars.js';
import { ListSessionsResponse } from '../../models/ListSessionsResponse.js';
import { OrderDirection } from '../../models/OrderDirection.js';
import { SessionOrdering } from '../../models/SessionOrdering.js';
import { connectOperation, type HttpErrorModel, type Result } from '../connect.js';
import { collectAll } from '../listing/collect.js';
import { pagesOf } from '../listing/walk.js';
import { sessionsListing, type AllSessions } from './paging.js';

/** The parameters of ListSessions, as its builder holds them (each optional on the wire). */
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

  /** Ascending or descending order. */
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

  /**
   * Every page from this builder's page (default 1) on, following `more`: each an Either, as
   * `execute()` gives it, with every option of this builder (signal, timeout, token, headers,
   * retries). A page is asked for only when the loop wants it, so a `break` sends nothing more;
   * memory holds the page in hand and the ids of one earlier page. The iteration ends after the
   * first Left, and with a Left (DecodeError) instead of a page that would make it loop or cut it
   * short: one that says `more` but is empty, or starts past the `total` it reports; pages that
   * repeat with any period (caught within about twice the period); or a last page that ends
   * before that `total`.
   * Each `for await` starts over.
   */
  pages(): AsyncIterable<Result<ListSessionsResponse>> {
    return pagesOf(this.listing());
  }

  /**
   * Every session from this builder's page on, each id once even when sessions created meanwhile
   * shift the pages (the first copy is kept, in listing order; page by `Created` for a complete
   * listing). The first Left ends it. It follows the server as long as each page is new and
   * within its `total`: against a server that invents sessions without end, bound it with
   * `allUpTo(n)` or `.signal()`. An arrow property, so `builder.all` is a TaskEither.
   */
  readonly all = (): Promise<AllSessions> => collectAll(this.listing(), Number.POSITIVE_INFINITY);

  /**
   * As `all()`, but stops at `limit` sessions (a whole number ≥ 1, else InvalidRequest and
   * nothing sent): no page is asked for once it holds that many.
   */
  allUpTo(limit: number): Promise<AllSessions> {
    return collectAll(this.listing(), limit);
  }

  private listing() {
    return sessionsListing((page) => this.page(page).execute(), this.param('page') ?? 1);
  }
}
