import { isPng } from '../../sandbox/images.js';
import { complete, createSession, httpError, ok, useHarness } from '../support/harness.js';
import type { CompleteWithSuccess } from '../../sandbox/index.js';

// The Attachments API against the sandbox: keys from a results exchange turn into image bytes.

const h = useHarness({ resetEach: true });

/** A verified session's attachment keys, by kind. */
const attachmentKeys = async (
  completion: Partial<CompleteWithSuccess> = {},
): Promise<{ sessionId: string; keys: Record<string, string> }> => {
  const sessionId = await createSession(h);
  const resultsAccessKey = await complete(h, sessionId, {
    outcome: 'success',
    advance: 'now',
    ...completion,
  });
  const { identityData } = ok(
    await h.client.sessionsAPI
      .exchangeResultsKey(sessionId)
      .exchangeResultsKeyRequest({ resultsAccessKey })
      .execute(),
  );
  const keys: Record<string, string> = {};
  for (const [kind, key] of Object.entries(identityData?.attachments ?? {})) keys[kind] = key;
  return { sessionId, keys };
};

const exchange = (attachmentAccessKey: string) =>
  h.client.attachmentsAPI
    .exchangeAttachmentAccessKey()
    .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey })
    .execute();

test('each attachment key exchanges to PNG bytes with their content type', async () => {
  const { keys } = await attachmentKeys();
  expect(Object.keys(keys).sort()).toEqual([
    'documentBack',
    'documentFront',
    'documentPortrait',
    'selfie',
  ]);
  const bodies = new Set<string>();
  for (const key of Object.values(keys)) {
    const result = await exchange(key);
    const content = ok(result);
    expect(content._tag).toBe('Attachment');
    if (content._tag !== 'Attachment') return;
    expect(content.contentType).toBe('image/png');
    expect(isPng(content.bytes)).toBe(true);
    expect(Number(result._tag === 'Right' && result.right.response.headers['content-length'])).toBe(
      content.bytes.length,
    );
    bodies.add(Buffer.from(content.bytes).toString('base64'));
  }
  expect(bodies.size).toBe(4); // one image per kind
});

test('a key can be exchanged again (attachments are not single-use)', async () => {
  const { keys } = await attachmentKeys({ attachments: ['selfie'] });
  expect(ok(await exchange(keys.selfie!))).toEqual(ok(await exchange(keys.selfie!)));
});

test('an attachment marked not ready answers 202 with Retry-After first, then 200', async () => {
  const { keys } = await attachmentKeys({
    attachments: ['documentFront'],
    attachmentsPending: true,
  });
  const first = await exchange(keys.documentFront!);
  expect(ok(first)).toEqual({ _tag: 'AttachmentPending', retryAfterSeconds: 1 });
  expect(first._tag === 'Right' && first.right.response.status).toBe(202);
  const second = ok(await exchange(keys.documentFront!));
  expect(second._tag).toBe('Attachment');
});

test('attachmentsPending as a count: that many 202s before the bytes', async () => {
  const { keys } = await attachmentKeys({ attachments: ['selfie'], attachmentsPending: 3 });
  const tags: string[] = [];
  for (let i = 0; i < 4; i++) tags.push(ok(await exchange(keys.selfie!))._tag);
  expect(tags).toEqual([
    'AttachmentPending',
    'AttachmentPending',
    'AttachmentPending',
    'Attachment',
  ]);
});

test('only attachments both chosen and disclosed exist', async () => {
  const { session } = ok(
    await h.client.sessionsAPI
      .createSession()
      .createSessionRequest({ disclosedFields: { selfie: true, documentFront: true } })
      .execute(),
  );
  const resultsAccessKey = await complete(h, session.id, {
    outcome: 'success',
    advance: 'now',
    attachments: ['selfie', 'documentBack'],
  });
  const { identityData } = ok(
    await h.client.sessionsAPI
      .exchangeResultsKey(session.id)
      .exchangeResultsKeyRequest({ resultsAccessKey })
      .execute(),
  );
  expect(Object.keys(identityData?.attachments ?? {})).toEqual(['selfie']);
});

test('an unknown key is a 400 naming AttachmentAccessKey', async () => {
  const error = httpError(await exchange('ak_unknown'));
  expect(error.status).toBe(400);
  expect(error.model).toEqual([
    {
      memberNames: ['AttachmentAccessKey'],
      errorMessage: 'The Attachment Access Key is not valid',
    },
  ]);
  expect(error.attempts).toBe(1);
});

test('after redaction every attachment key of the session fails, for good', async () => {
  const { sessionId, keys } = await attachmentKeys();
  const other = await attachmentKeys({ attachments: ['selfie'] });
  ok(await h.client.sessionsAPI.redactSession(sessionId).execute());
  for (const key of Object.values(keys)) {
    const error = httpError(await exchange(key));
    expect(error.status).toBe(400);
    expect(error.model).toEqual([
      {
        memberNames: ['AttachmentAccessKey'],
        errorMessage:
          "The attachment was deleted with its Session's identity data (redacted or canceled)",
      },
    ]);
    expect(error.message).not.toContain(key);
  }
  // Another session's attachments are untouched.
  expect(ok(await exchange(other.keys.selfie!))._tag).toBe('Attachment');
});
