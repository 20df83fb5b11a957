import { isDeepStrictEqual } from 'node:util';
import { Agent } from 'undici';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { BuiltSdk } from './build.js';
import { AGENT_OPTIONS, sdkClient } from './clients.js';
import {
  getSessionAnswer,
  listSessionsAnswer,
  PAGE_SIZE,
  pagedAnswer,
  PAGED_SESSIONS,
  SESSION_ID,
  type AnswerBodies,
} from './fixtures.js';

// Before anything is timed: the server serves the bytes the harness built, and the SDK, in
// strict mode, reads them as the values they were built from. Otherwise the figures would be
// those of an error path.

export const checkServedAnswers = async (
  sdk: BuiltSdk,
  origin: string,
  bodies: AnswerBodies,
): Promise<void> => {
  const agent = new Agent(AGENT_OPTIONS);
  try {
    const sessions = sdkClient(sdk, origin, agent, true).sessionsAPI;
    const one = await sessions.getSession(SESSION_ID).execute();
    if (isLeft(one)) throw new Error(`getSession (strict): ${one.left.message}`);
    if (!isDeepStrictEqual(one.right.data, getSessionAnswer())) {
      throw new Error('getSession (strict): the decoded value differs from the fixture');
    }
    if (!bodies.getSession.equals(one.right.response.body)) {
      throw new Error('getSession: the server sent other bytes than the fixture');
    }
    const page = await sessions.listSessions().pageSize(PAGE_SIZE).page(1).execute();
    if (isLeft(page)) throw new Error(`listSessions (strict): ${page.left.message}`);
    if (!isDeepStrictEqual(page.right.data, listSessionsAnswer())) {
      throw new Error('listSessions (strict): the decoded value differs from the fixture');
    }
    if (!bodies.listSessions.equals(page.right.response.body)) {
      throw new Error('listSessions: the server sent other bytes than the fixture');
    }
    // The paged listing: its first and last pages decode, strictly, to what they were built from.
    for (const n of [1, PAGED_SESSIONS / PAGE_SIZE]) {
      const paged = await sessions
        .listSessions()
        .orderBy('Created')
        .pageSize(PAGE_SIZE)
        .page(n)
        .execute();
      if (isLeft(paged))
        throw new Error(`paged listing, page ${n} (strict): ${paged.left.message}`);
      if (!isDeepStrictEqual(paged.right.data, pagedAnswer(n))) {
        throw new Error(`paged listing, page ${n}: the decoded value differs from the fixture`);
      }
    }
  } finally {
    await agent.close();
  }
};
