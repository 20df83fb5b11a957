import fc from 'fast-check';
import { encodePathSegment } from '../../lib/http/path.js';
import { Secrets } from '../../lib/secrecy/secrets.js';
import { cut } from '../../lib/secrecy/texts.js';

// One scrubbing step for every text: whatever the secret and whatever form it takes in a text
// (as given, percent-encoded for a query or a path, escaped inside JSON), none of it survives,
// and scrubbing before a cut leaves no part of it behind.

const formsOf = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  encodePathSegment(secret),
  JSON.stringify(secret).slice(1, -1),
];

// Printable secrets of a realistic length, quotes, tabs, slashes and spaces included.
const secretArb = fc
  .string({ minLength: 8, maxLength: 40, unit: 'grapheme-ascii' })
  .filter((s) => s.trim().length >= 8);
const fillerArb = fc.string({ maxLength: 300, unit: 'grapheme-ascii' });

test('no form of any secret survives scrubbing, wherever it stands in the text', () => {
  fc.assert(
    fc.property(secretArb, fillerArb, fillerArb, fc.nat(3), (secret, before, after, which) => {
      const forms = formsOf(secret);
      // The fillers hold no form already, and the mask cannot join with them into one.
      fc.pre(
        !secret.includes(']') && forms.every((f) => !before.includes(f) && !after.includes(f)),
      );
      const secrets = new Secrets();
      secrets.add(secret);

      const scrubbed = secrets.scrub(`${before}${forms[which] ?? secret}${after}`);

      expect(scrubbed).toContain('[REDACTED]');
      for (const form of forms) expect(scrubbed).not.toContain(form);
    }),
    { numRuns: 500 },
  );
});

test('scrubbing then cutting leaves no 6-character prefix of the secret at the cut', () => {
  fc.assert(
    fc.property(secretArb, fc.nat(250), (secret, at) => {
      fc.pre(!secret.includes('[') && !secret.includes('…'));
      const secrets = new Secrets();
      secrets.add(secret);
      const text = `${'x'.repeat(at)} Bearer ${secret} trailing words`;

      const shown = cut(secrets.scrub(text), 200);

      expect(shown).not.toContain(secret.slice(0, 6));
    }),
    { numRuns: 500 },
  );
});

test('a short value is masked where it stands alone, not inside other words', () => {
  const secrets = new Secrets();
  secrets.add('ab12');

  expect(secrets.scrub('key ab12 in "ab12", not in cab123 or xab12')).toBe(
    'key [REDACTED] in "[REDACTED]", not in cab123 or xab12',
  );
});
