import { subscribe, tracingChannel, unsubscribe } from 'node:diagnostics_channel';
import fc from 'fast-check';
import nock from 'nock';
import {
  DIAGNOSTICS_CHANNELS,
  type IdentityData,
  type RequestTraceContext,
  type Session,
} from '../../index.js';
import { encodePathSegment } from '../../lib/http/path.js';
import { BASE_URL, makeClient, session } from '../support/fixtures.js';
import { useNock } from '../support/wire.js';

// Whatever the token, the access keys, the launch URL and the phone number are, nothing a
// diagnostics_channel subscriber receives holds any of them, in any form: not in a call's
// context at any of its events, not in an attempt event, whether the calls succeed, are retried,
// or fail with an answer that echoes every secret back.

useNock();

const requests = tracingChannel<unknown, RequestTraceContext>(DIAGNOSTICS_CHANNELS.request);

/** Everything published while `run` runs, as snapshots taken at each event. */
const publishedDuring = async (run: () => Promise<void>): Promise<unknown[]> => {
  const published: unknown[] = [];
  const keep = (message: unknown) => {
    published.push(structuredClone(message));
  };
  const handlers = { start: keep, end: keep, asyncStart: keep, asyncEnd: keep, error: keep };
  requests.subscribe(handlers);
  subscribe(DIAGNOSTICS_CHANNELS.attempt, keep);
  try {
    await run();
  } finally {
    requests.unsubscribe(handlers);
    unsubscribe(DIAGNOSTICS_CHANNELS.attempt, keep);
  }
  return published;
};

interface Secrets {
  readonly token: string;
  readonly resultsKey: string;
  readonly attachmentKey: string;
  readonly launchUrl: string;
  readonly phoneNumber: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** Five calls: successes whose answers carry the secrets, a retry, and errors that echo them. */
const callsWith = async (secrets: Secrets): Promise<void> => {
  const echo = JSON.stringify({ message: `you sent ${Object.values(secrets).join(' and ')}` });
  const identity: IdentityData = {
    person: { phoneNumber: secrets.phoneNumber },
    attachments: { selfie: secrets.attachmentKey },
  };
  const verified: Session = { ...session, id: 'ses_property' };
  const scope = nock(BASE_URL)
    .get(/^\/api\/v1\/network\/identities\//)
    .reply(200, { identityInNetwork: true }, JSON_TYPE)
    .post('/api/v1/sessions')
    .reply(200, { session: verified, launchUrl: secrets.launchUrl }, JSON_TYPE)
    .post('/api/v1/sessions/ses_property/results/exchange')
    .reply(200, { session: verified, identityData: identity }, JSON_TYPE)
    .post('/api/v1/attachments/exchange')
    .reply(400, echo, JSON_TYPE)
    .get('/api/v1/sessions/ses_property')
    .reply(503, echo, { ...JSON_TYPE, 'retry-after': '0' })
    .get('/api/v1/sessions/ses_property')
    .reply(401, echo, JSON_TYPE);
  const { sessionsAPI, networkAPI, attachmentsAPI } = makeClient({
    accessToken: secrets.token,
    maxRetries: 1,
  });
  await networkAPI.identityLookup(secrets.phoneNumber).execute();
  await sessionsAPI.createSession().execute();
  await sessionsAPI
    .exchangeResultsKey('ses_property')
    .exchangeResultsKeyRequest({ resultsAccessKey: secrets.resultsKey })
    .execute();
  await attachmentsAPI
    .exchangeAttachmentAccessKey()
    .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey: secrets.attachmentKey })
    .execute();
  await sessionsAPI.getSession('ses_property').execute();
  scope.done();
};

/** Every way a value could show in published text: as given, URL-encoded, JSON-escaped. */
const formsOf = (value: string): string[] => [
  value,
  encodeURIComponent(value),
  encodePathSegment(value),
  JSON.stringify(value).slice(1, -1),
];

// Printable, of a realistic length; the token also has to be a valid header value.
const secretArb = fc.stringMatching(/^[\x21-\x7e]{12,40}$/);
const phoneArb = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^\d{9,11}$/))
  .map(([country, rest]) => `+${country} ${rest.slice(0, 3)} ${rest.slice(3)}`);

const FIELDS_PUBLISHED = new Set([
  'operation',
  'method',
  'path',
  'durationMs',
  'result',
  'error',
  'attempt',
  'maxAttempts',
  'status',
  'failure',
  'retryDelayMs',
]);

test('no secret and no phone number in anything published, in any form', async () => {
  // What is published whatever the secrets are: a secret found in it proves nothing.
  const baseline = JSON.stringify(
    await publishedDuring(() =>
      callsWith({
        token: 'tk_baseline_0000',
        resultsKey: 'rk_baseline_0000',
        attachmentKey: 'ak_baseline_0000',
        launchUrl: 'https://connect.test/launch?t=baseline',
        phoneNumber: '+1 555 0100000',
      }),
    ),
  );

  await fc.assert(
    fc.asyncProperty(
      fc.record({
        token: secretArb,
        resultsKey: secretArb,
        attachmentKey: secretArb,
        launchUrl: secretArb.map(
          (s) => `https://connect.test/launch?token=${encodeURIComponent(s)}`,
        ),
        phoneNumber: phoneArb,
      }),
      async (secrets) => {
        const values = [...Object.values(secrets), secrets.phoneNumber.replace(/\D/g, '')];
        fc.pre(values.every((value) => formsOf(value).every((form) => !baseline.includes(form))));

        const published = await publishedDuring(() => callsWith(secrets));

        // 3 successes × 4 events, 2 failures × 5 (with `error`), and 6 attempts.
        expect(published).toHaveLength(3 * 4 + 2 * 5 + 6);
        for (const message of published) {
          const keys = typeof message === 'object' && message !== null ? Object.keys(message) : [];
          for (const key of keys) expect(FIELDS_PUBLISHED).toContain(key);
        }
        const text = JSON.stringify(published);
        for (const value of values) {
          for (const form of formsOf(value)) expect(text).not.toContain(form);
        }
      },
    ),
    { numRuns: 40 },
  );
});
