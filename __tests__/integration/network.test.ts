import {
  completed,
  createSession,
  httpError,
  ok,
  raw,
  useHarness,
  verifiedSession,
} from '../support/harness.js';

// The Network API against the sandbox: its providers, and the identities it has verified.

const h = useHarness({ resetEach: true });

test('listProviders: the sandbox providers, each with an id, a name and a logo URL', async () => {
  const { providers } = ok(await h.client.networkAPI.listProviders().execute());
  expect(providers.map((p) => p.id)).toEqual(['yoti', 'clear', 'mdl']);
  for (const provider of providers) {
    expect(provider.name).toContain('(sandbox)');
    expect(provider.logoUrl).toMatch(/^data:image\/png;base64,/);
  }
});

test('identityLookup: a number is in the network once a session verified it', async () => {
  const lookup = async (phone: string) =>
    ok(await h.client.networkAPI.identityLookup(phone).execute()).identityInNetwork;
  expect(await lookup('+1 555 010 0999')).toBe(false);
  await verifiedSession(h, {
    outcome: 'success',
    advance: 'now',
    identityData: { person: { phoneNumber: '+1 (555) 010-0999' } },
  });
  // However it is written: digits are what count. A slash travels percent-encoded.
  expect(await lookup('+1 555 010 0999')).toBe(true);
  expect(await lookup('+1555/0100999')).toBe(true);
  expect(await lookup('+1 555 010 0998')).toBe(false);
});

test('identityLookup: a failed or canceled verification adds nobody; redaction removes nobody', async () => {
  const phone = '+44 20 7946 0000';
  const lookup = async () =>
    ok(await h.client.networkAPI.identityLookup(phone).execute()).identityInNetwork;
  await completed(h, await createSession(h), {
    outcome: 'failure',
    failCode: 'SessionFailInternal',
    advance: 'now',
  });
  expect(await lookup()).toBe(false);
  const { sessionId } = await verifiedSession(h, {
    outcome: 'success',
    advance: 'now',
    identityData: { person: { phoneNumber: phone } },
  });
  ok(await h.client.sessionsAPI.redactSession(sessionId).execute());
  // Identity data the user saved to their wallet survives a redaction.
  expect(await lookup()).toBe(true);
  h.sandbox.reset();
  expect(await lookup()).toBe(false);
});

test('identityLookup: what is not a phone number is a 400 naming PhoneNumber', async () => {
  const error = httpError(await h.client.networkAPI.identityLookup('call me maybe').execute());
  expect(error.status).toBe(400);
  expect(error.model).toEqual([
    {
      memberNames: ['PhoneNumber'],
      errorMessage: 'PhoneNumber must be a phone number of 7 to 15 digits.',
    },
  ]);
  const tooShort = await raw(h.sandbox, 'GET', '/api/v1/network/identities/123');
  expect(tooShort.status).toBe(400);
});
