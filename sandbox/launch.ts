import { randomBytes } from 'node:crypto';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { ValidationResult } from '../models/index.js';
import { LaunchFailed, LaunchMessage, LaunchSucceeded } from './launchModels.js';
import { resultOrigins } from './launchOrigins.js';
import { finishedPage, openPage, unknownPage } from './launchPage.js';
import { PRESETS } from './presets.js';
import { htmlReply, jsonReply, validationReply } from './reply.js';
import type { Route } from './router.js';
import { storeErrorReply } from './storeReply.js';
import type { Completion, SandboxStore } from './store.js';
import { decodeBody, jsonMemberName, problem } from './validation.js';

// The launch URL's page and the one call it makes. The client token in the launch URL is the
// credential, as for the real one: no API key. The page completes the Session through the same
// store method as the control route, and the Session moves straight to its final state, as it
// has when Trinsic's widget reports a result.

const PAGE_BODY = { naming: jsonMemberName, strict: true } as const;

const readLaunchCompletion = (
  body: unknown,
): Either<ValidationResult[], { clientToken: string; completion: Completion }> => {
  const outcome: unknown =
    typeof body === 'object' && body !== null && 'outcome' in body ? body.outcome : undefined;
  if (outcome === 'success') {
    const decoded = decodeBody(LaunchSucceeded, body, PAGE_BODY);
    if (isLeft(decoded)) return decoded;
    const { clientToken, identity, provider } = decoded.right;
    const completion: Completion = {
      outcome: { kind: 'success' },
      identityData: PRESETS[identity ?? 'adult'].identity(new Date()),
      provider,
      advance: 'now',
    };
    return right({ clientToken, completion });
  }
  if (outcome === 'failure') {
    const decoded = decodeBody(LaunchFailed, body, PAGE_BODY);
    if (isLeft(decoded)) return decoded;
    const { clientToken, failCode, provider } = decoded.right;
    const completion: Completion = {
      outcome: { kind: 'failure', failCode },
      provider,
      advance: 'now',
    };
    return right({ clientToken, completion });
  }
  return left([problem('outcome', 'outcome must be "success" or "failure".')]);
};

const newNonce = (): string => randomBytes(18).toString('base64');

export const launchRoutes = (store: SandboxStore, allowedOrigins: readonly string[]): Route[] => [
  {
    method: 'GET',
    path: '/sandbox/launch',
    auth: false,
    json: false,
    handle: ({ query }) => {
      const nonce = newNonce();
      const view = store.launch(query.get('clientToken') ?? '');
      if (isLeft(view)) return htmlReply(404, unknownPage(nonce), nonce);
      // Framing follows where results may go: only a declared origin may embed the page.
      const origins = resultOrigins(allowedOrigins, view.right.redirectUrl);
      return htmlReply(
        200,
        view.right.finished
          ? finishedPage(view.right, nonce)
          : openPage(view.right, origins, nonce),
        nonce,
        origins,
      );
    },
  },
  {
    method: 'POST',
    path: '/sandbox/launch/complete',
    auth: false,
    json: true,
    handle: ({ body }) => {
      const request = readLaunchCompletion(body);
      if (isLeft(request)) return validationReply(request.left);
      const { clientToken, completion } = request.right;
      const done = store.completeLaunched(clientToken, completion);
      if (isLeft(done)) return storeErrorReply(done.left);
      const { session, resultsAccessKey } = done.right;
      const success = completion.outcome.kind === 'success';
      const message: LaunchMessage = success
        ? { success, msg: 'complete', sessionId: session.id, resultsAccessKey }
        : { success, msg: 'failed', sessionId: session.id };
      return jsonReply(200, LaunchMessage, message, { 'cache-control': 'no-store' });
    },
  },
];
