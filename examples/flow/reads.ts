import { setTimeout as delay } from 'node:timers/promises';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { APIClient, Session } from '../../index.js';
import { isPng } from '../../sandbox/images.js';
import { describeSession } from './describe.js';
import { check, FlowFailure, must } from './failure.js';
import type { FlowOptions } from './options.js';
import { mask, type Transcript } from './transcript.js';

// The flow's steps that loop: waiting for the Session to be final, paging through the list,
// fetching an attachment that may not be ready yet.

/** Waits until the session is final (waitForSession); undefined when the time is up. */
export const waitUntilFinal = async (
  client: APIClient,
  sessionId: string,
  out: Transcript,
  options: FlowOptions,
): Promise<Session | undefined> => {
  const waited = await client.sessionsAPI
    .waitForSession(sessionId)
    .pollInterval(options.pollIntervalMs)
    .maxWait(options.pollTimeoutMs)
    .onUpdate((session, { polls }) => {
      out.detail(`poll ${polls}: ${describeSession(session)}`);
    })
    .execute();
  if (!isLeft(waited)) return waited.right.data.session;
  // The wait's own TimeoutError carries maxWait; a poll's would carry its request timeout.
  const error = waited.left;
  if (error._tag === 'TimeoutError' && error.timeoutMs === options.pollTimeoutMs) return undefined;
  throw new FlowFailure(`getSession failed: ${error.message}`);
};

// A real account may hold thousands of sessions: the transcript shows the first pages only.
const MAX_LISTED_PAGES = 2;

/** The newest sessions, a page at a time (pages()); the new one must be on the first page. */
export const listNewestFirst = async (
  client: APIClient,
  sessionId: string,
  out: Transcript,
): Promise<void> => {
  const listing = client.sessionsAPI
    .listSessions()
    .orderBy('Created')
    .orderDirection('Descending')
    .pageSize(5)
    .pages();
  let shown = 0;
  for await (const page of listing) {
    const listed = must('listSessions', page);
    shown++;
    out.detail(
      shown === 1
        ? `total ${listed.total}, more pages: ${String(listed.more)}; page 1:`
        : `page ${shown}:`,
    );
    for (const session of listed.sessions) {
      out.detail(`  ${session.id}  ${describeSession(session)}`);
    }
    if (shown === 1) {
      check(
        listed.sessions.some((s) => s.id === sessionId),
        'the new session is not on the first page of the list',
      );
    }
    // Leaving the loop asks for no further page.
    if (shown === MAX_LISTED_PAGES) break;
  }
};

const MAX_ATTACHMENT_TRIES = 5;

export const fetchAttachment = async (
  client: APIClient,
  attachmentAccessKey: string,
  out: Transcript,
  options: FlowOptions,
): Promise<void> => {
  const maxWaitMs = options.maxAttachmentWaitMs ?? 10_000;
  for (let attempt = 1; attempt <= MAX_ATTACHMENT_TRIES; attempt++) {
    const result = await client.attachmentsAPI
      .exchangeAttachmentAccessKey()
      .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey })
      .execute();
    const content = must('exchangeAttachmentAccessKey', result);
    if (content._tag === 'Attachment') {
      const kind = isPng(content.bytes) ? ', a PNG image' : '';
      out.detail(
        `HTTP 200: ${content.contentType}, ${content.bytes.length} bytes${kind} (key ${mask(attachmentAccessKey)})`,
      );
      return;
    }
    const waitMs = Math.min((content.retryAfterSeconds ?? 1) * 1000, maxWaitMs);
    out.detail(
      `HTTP 202: not ready yet; retrying in ${(waitMs / 1000).toFixed(1)} s as Retry-After asks`,
    );
    await delay(waitMs);
  }
  throw new FlowFailure(`the attachment was still not ready after ${MAX_ATTACHMENT_TRIES} tries`);
};
