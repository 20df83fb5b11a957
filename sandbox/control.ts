import { isLeft } from 'fp-ts/lib/Either.js';
import type { SandboxClock } from './clock.js';
import type { Completion } from './completion.js';
import { readCompletion } from './completionReader.js';
import {
  AdvanceTimeRequest,
  CompleteSessionResponse,
  CompleteWithFailure,
  CompleteWithSuccess,
  SandboxTime,
} from './controlModels.js';
import { readFault, type FaultBook } from './faults.js';
import { jsonReply, messageReply, validationReply } from './reply.js';
import type { Route } from './router.js';
import { storeErrorReply } from './storeReply.js';
import type { SandboxStore } from './store.js';
import { decodeBody, jsonMemberName, type Validated } from './validation.js';

// The sandbox-only routes, outside /api/v1: a test or an example acts as the end user, moves
// sandbox time, or injects faults through them. They need the API key (they change your
// account's data). The launch page's routes, which need only the client token, are in launch.ts.

/** What the control routes act on. */
export interface Controlled {
  readonly store: SandboxStore;
  readonly clock: SandboxClock;
  readonly faults: FaultBook;
  /** The SDK's names of the operations the sandbox serves (faults name them). */
  readonly operations: ReadonlySet<string>;
}

const readControlCompletion = (body: unknown): Validated<Completion> =>
  readCompletion(body, {
    success: CompleteWithSuccess,
    failure: CompleteWithFailure,
    fromSuccess: ({ identityData, attachments, attachmentsPending, provider, advance }) => ({
      outcome: { kind: 'success' },
      identityData,
      attachments,
      attachmentsPending:
        typeof attachmentsPending === 'number' ? attachmentsPending : attachmentsPending ? 1 : 0,
      provider,
      advance,
    }),
    fromFailure: ({ failCode, verificationFailCode, provider, advance }) => ({
      outcome: { kind: 'failure', failCode },
      verificationFailCode,
      provider,
      advance,
    }),
  });

const sandboxTime = (clock: SandboxClock): SandboxTime => {
  const now = clock.now();
  return { now: new Date(now).toISOString(), unixMs: now };
};

const post = (path: string, json: boolean, handle: Route['handle']): Route => ({
  method: 'POST',
  path,
  auth: true,
  json,
  handle,
});

export const controlRoutes = ({ store, clock, faults, operations }: Controlled): Route[] => [
  post('/sandbox/sessions/{sessionId}/complete', true, ({ params, body }) => {
    const completion = readControlCompletion(body);
    if (isLeft(completion)) return validationReply(completion.left);
    const done = store.complete(params.sessionId ?? '', completion.right);
    return isLeft(done)
      ? storeErrorReply(done.left)
      : jsonReply(200, CompleteSessionResponse, done.right);
  }),
  post('/sandbox/reset', false, () => {
    store.reset();
    faults.clear();
    return messageReply(200, 'The sandbox is empty again, with no fault waiting');
  }),
  post('/sandbox/time/advance', true, ({ body }) => {
    const request = decodeBody(AdvanceTimeRequest, body ?? {}, {
      naming: jsonMemberName,
      strict: true,
    });
    if (isLeft(request)) return validationReply(request.left);
    clock.advance(request.right.ms);
    return jsonReply(200, SandboxTime, sandboxTime(clock));
  }),
  post('/sandbox/faults', true, ({ body }) => {
    const request = readFault(body, operations);
    if (isLeft(request)) return validationReply(request.left);
    const { operation, times, fault } = request.right;
    faults.inject(operation, times, fault);
    return messageReply(200, `The next ${times} matching request(s) will be answered by the fault`);
  }),
  {
    method: 'DELETE',
    path: '/sandbox/faults',
    auth: true,
    json: false,
    handle: () => {
      faults.clear();
      return messageReply(200, 'No fault is waiting');
    },
  },
];
