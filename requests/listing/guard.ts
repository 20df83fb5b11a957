import { fingerprint } from './fingerprint.js';
import type { PageReading } from './listing.js';

// The one loop guard of every page walk. A walk follows `more`; a server can make that go on
// forever, and these are the answers it is stopped at:
// - a page that says `more` but is empty;
// - a page that holds the same items as any earlier page of the walk, in any order: pages that
//   repeat with any period (1 is a server ignoring `Page`) are caught at their first repeat. The
//   walk remembers a fingerprint per page (a few tens of bytes), not the items;
// - a page that says `more` though it starts at or past the `total` it reports.
// And one answer that would end the walk short without a word: a last page (`more: false`) that
// ends before the `total` it reports (checked where the page's place is known: from page 1, or
// once a page that says `more` has shown the page size as served).
// What no guard can tell from an account that grows faster than it is read: a server that
// invents new items and raises its total on every page. The walk follows it while the caller
// iterates; `allUpTo(n)` and a signal bound it.

export class LoopGuard {
  /** The page size as served: the length of the first page that says `more`. */
  private size: number | undefined;
  /** Each page's fingerprint → the first page that held it. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly noun: string) {}

  /** Why this page must end the walk; undefined when the walk may go on (or end as it says). */
  check(page: number, reading: PageReading<unknown>, keys: readonly string[]): string | undefined {
    return reading.more ? this.checkMore(page, reading, keys) : this.checkLast(page, reading);
  }

  private checkMore(
    page: number,
    { total }: PageReading<unknown>,
    keys: readonly string[],
  ): string | undefined {
    if (keys.length === 0) return `page ${page}: more is true, but the page is empty`;
    const print = fingerprint(keys);
    const earlier = this.seen.get(print);
    if (earlier !== undefined) {
      const hint = earlier === page - 1 ? 'is Page ignored?' : 'the pages repeat';
      return `page ${page}: the same ${this.noun} as page ${earlier} (${hint})`;
    }
    this.seen.set(print, page);
    this.size ??= keys.length;
    if (total !== undefined && (page - 1) * this.size >= total) {
      return `page ${page}: more is true, but the page starts past the total of ${total}`;
    }
    return undefined;
  }

  private checkLast(page: number, { items, total }: PageReading<unknown>): string | undefined {
    if (total === undefined) return undefined;
    const before = page === 1 ? 0 : this.size === undefined ? undefined : (page - 1) * this.size;
    if (before === undefined) return undefined;
    const end = before + items.length;
    if (end >= total) return undefined;
    return (
      `page ${page}: more is false, but the listing ends at ${end} ${this.noun} ` +
      `of the total of ${total} it reports (cut short?)`
    );
  }
}
