import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { isList, isModel, isRecord } from './codecs.js';
import { describeErrors, joinPath } from './report.js';

// Why a value fails its codec, in a bounded number of lines. io-ts's decode builds an error, with
// its context, for every failure: an answer of 3 million failing list items inside the size cap
// made 15 million of them, seconds of work and gigabytes of heap, for a message that shows the
// first few. Here the walk goes down models and lists by the codecs' own `is`, describes the
// first failures with io-ts's words, and counts the failing items it does not describe.

/** About this many problem lines are described; the failing items beyond them are counted. */
export const MAX_DESCRIBED_PROBLEMS = 20;

interface Walk {
  readonly lines: string[];
}

/** The problems of a value that `codec.is` rejects: each failing path, first ones first. */
export const problemsOf = (codec: t.Mixed, value: unknown): string[] => {
  const walk: Walk = { lines: [] };
  describe(walk, codec, value, '');
  if (walk.lines.length > 0) return walk.lines;
  // Only if `is` and `decode` ever disagreed: io-ts's own account, whole.
  const decoded = codec.decode(value);
  return isLeft(decoded) ? describeErrors(decoded.left) : ['(body): does not match the spec'];
};

const describe = (walk: Walk, codec: t.Mixed, value: unknown, path: string): void => {
  if (isList(codec) && Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let counted = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (codec.item.is(item)) continue;
      if (walk.lines.length < MAX_DESCRIBED_PROBLEMS) {
        describe(walk, codec.item, item, joinPath(path, String(i)));
      } else {
        counted++;
      }
    }
    if (counted > 0) {
      walk.lines.push(`${path || '(body)'}: ${counted} more items do not match ${codec.item.name}`);
    }
    return;
  }
  if (isModel(codec) && isRecord(value)) {
    // The order io-ts reports in: required properties, then optional ones, each as declared.
    for (const [key, inner] of codec.requiredEntries) {
      if (!inner.is(value[key])) describe(walk, inner, value[key], joinPath(path, key));
    }
    for (const [key, inner] of codec.optionalEntries) {
      const present = value[key];
      if (present !== undefined && !inner.is(present)) {
        describe(walk, inner, present, joinPath(path, key));
      }
    }
    return;
  }
  // A leaf, a value of the wrong kind, or a codec of another shape: io-ts says what is wrong.
  const decoded = codec.decode(value);
  if (isLeft(decoded)) walk.lines.push(...describeErrors(decoded.left, path));
};
