import type { PageReading } from './listing.js';

// The one loop guard of every page walk. A walk follows `more`; a server can make that go on
// forever, and these are the answers it is stopped at:
// - a page that says `more` but is empty;
// - a page that holds the same items as an earlier one, in any order, when the pages repeat
//   with any period (1 is a server ignoring `Page`). Brent's cycle detection: the guard keeps one
//   page, the mark, and compares each new page with it; the mark moves to the page in hand after
//   1, 2, 4, 8, … pages. Pages that repeat with period λ after μ others are caught by page
//   2·max(μ + 1, λ) + λ at the latest, with one page's keys in memory and, per page, a lookup;
// - a page that says `more` though it starts at or past the `total` it reports.
// And one answer that would end the walk short without a word: a last page (`more: false`) that
// ends before the `total` it reports (checked where the page's place is known: from page 1, or
// once a page that says `more` has shown the page size as served).
// What no guard can tell from an account that grows faster than it is read: a server that
// invents new items and raises its total on every page. The walk follows it while the caller
// iterates; `allUpTo(n)` and a signal bound it.

interface Mark {
  readonly page: number;
  readonly keys: ReadonlySet<string>;
  readonly length: number;
}

export class LoopGuard {
  /** The page size as served: the length of the first page that says `more`. */
  private size: number | undefined;
  private mark: Mark | undefined;
  /** Pages the mark stays for before it moves (a power of two), and pages since it was set. */
  private span = 1;
  private sinceMark = 0;

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
    const { mark } = this;
    if (mark !== undefined && sameKeys(mark, keys)) {
      const hint = mark.page === page - 1 ? 'is Page ignored?' : 'the pages repeat';
      return `page ${page}: the same ${this.noun} as page ${mark.page} (${hint})`;
    }
    this.sinceMark++;
    if (mark === undefined || this.sinceMark >= this.span) {
      if (mark !== undefined) this.span *= 2;
      this.mark = { page, keys: new Set(keys), length: keys.length };
      this.sinceMark = 0;
    }
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

/** Whether `keys` are the mark's, in any order; a page's first key not in the mark ends it. */
const sameKeys = (mark: Mark, keys: readonly string[]): boolean =>
  keys.length === mark.length &&
  keys.every((key) => mark.keys.has(key)) &&
  new Set(keys).size === mark.keys.size;
