import { randomBytes } from 'node:crypto';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Completion } from './completion.js';
import { readCompletion } from './completionReader.js';
import { LaunchFailed, LaunchMessage, LaunchSucceeded } from './launchModels.js';
import { resultOrigins } from './launchOrigins.js';
import { finishedPage, openPage, unknownPage } from './launchPage.js';
import { PRESETS } from './presets.js';
import { htmlReply, jsonReply, validationReply } from './reply.js';
import type { Route } from './router.js';
import { storeErrorReply } from './storeReply.js';
import type { SandboxStore } from './store.js';
import type { Validated } from './validation.js';

// The launch URL's page and the one call it makes. The client token in the launch URL is the
// credential, as for the real one: no API key. The page completes the Session through the same
// store method as the control route, and the Session moves straight to its final state, as it
// has when Trinsic's widget reports a result.

const readLaunchCompletion = (
  body: unknown,
): Validated<{ clientToken: string; completion: Completion }> =>
  readCompletion(body, {
    success: LaunchSucceeded,
    failure: LaunchFailed,
    fromSuccess: ({ clientToken, identity, provider }) => ({
      clientToken,
      completion: {
        outcome: { kind: 'success' },
        identityData: PRESETS[identity ?? 'adult'].identity(new Date()),
        provider,
        advance: 'now',
      },
    }),
    fromFailure: ({ clientToken, failCode, provider }) => ({
      clientToken,
      completion: {
        outcome: { kind: 'failure', failCode },
        provider,
        advance: 'now',
      },
    }),
  });

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
      // Only a success has a key: a failure's message carries none, as Trinsic's widget's does.
      const message: LaunchMessage =
        resultsAccessKey === undefined
          ? { success: false, msg: 'failed', sessionId: session.id }
          : { success: true, msg: 'complete', sessionId: session.id, resultsAccessKey };
      return jsonReply(200, LaunchMessage, message, { 'cache-control': 'no-store' });
    },
  },
];
