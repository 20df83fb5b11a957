import type { Result } from '../connect.js';

// What a page walk needs to know of a listed resource: how to fetch page n, and how to read a
// page as items, `more` and `total`. Nothing here is about one resource; ListSessions is one use.

/** One page as the walk reads it. */
export interface PageReading<Item> {
  readonly items: readonly Item[];
  /** Whether the server says a further page follows. */
  readonly more: boolean;
  /** How many items the whole listing holds, as the server says; undefined when it says not. */
  readonly total: number | undefined;
}

/** A listed resource, walked page by page from `startPage`. */
export interface Listing<Page, Item> {
  /** The operation's full name, for the errors (e.g. `SessionsAPI.ListSessions`). */
  readonly operation: string;
  /** What the items are called in a message, plural (e.g. `sessions`). */
  readonly noun: string;
  readonly startPage: number;
  /** One page: the request set to that page, executed. Expected never to reject. */
  readonly fetchPage: (page: number) => Promise<Result<Page>>;
  readonly read: (page: Page) => PageReading<Item>;
  /** What tells one item from another (an id): the same key is the same item. */
  readonly keyOf: (item: Item) => string;
}
