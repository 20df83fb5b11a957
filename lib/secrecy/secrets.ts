import { encodePathSegment } from '../http/path.js';
import { REDACTED } from './redact.js';

// Every sensitive value one request knows (its token, access keys, parameters marked sensitive,
// credential headers), and the one step that masks them in any text the SDK produces: messages,
// problem and error lines, log lines. A value may reach a text in another form than the one it
// was given in (percent-encoded in a path or query, escaped inside JSON), so every form is masked.
// Texts are scrubbed whole, before any cut, so a secret straddling a cut cannot stay half visible.

// A value this short also occurs by chance inside other words: it is masked only where it stands
// alone, so that a short key does not mask every occurrence of its letters.
const SHORT = 8;
const WORD = '[A-Za-z0-9_-]';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms a value can take in a text the SDK builds or a server echoes. */
const formsOf = (value: string): string[] => [
  value,
  encodeURIComponent(value),
  encodePathSegment(value),
  JSON.stringify(value).slice(1, -1),
];

export class Secrets {
  private readonly values: string[] = [];
  private pattern: RegExp | undefined;

  /** Adds a value to mask; empty strings are ignored. */
  add(value: string): void {
    if (value === '' || this.values.includes(value)) return;
    this.values.push(value);
    this.pattern = undefined;
  }

  /** `text` with every form of every value masked. */
  scrub(text: string): string {
    if (this.values.length === 0) return text;
    this.pattern ??= this.compile();
    return text.replace(this.pattern, REDACTED);
  }

  // Built on the first text scrubbed: a request that succeeds and logs nothing never pays for it.
  private compile(): RegExp {
    const forms = [...new Set(this.values.flatMap(formsOf))].filter((form) => form !== '');
    // Longest first, so that a value containing another is masked whole.
    forms.sort((a, b) => b.length - a.length);
    const alternatives = forms.map((form) =>
      form.length >= SHORT ? escapeRegExp(form) : `(?<!${WORD})${escapeRegExp(form)}(?!${WORD})`,
    );
    return new RegExp(alternatives.join('|'), 'g');
  }
}
