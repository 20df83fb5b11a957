import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { ValidationResult } from '../models/index.js';
import {
  CompleteSessionResponse,
  CompleteWithFailure,
  CompleteWithSuccess,
} from './controlModels.js';
import { jsonReply, messageReply, type Reply, validationReply } from './reply.js';
import type { Route } from './router.js';
import { storeErrorReply } from './storeReply.js';
import type { Completion, SandboxStore } from './store.js';
import { decodeBody, jsonMemberName, problem } from './validation.js';

// The sandbox-only routes, outside /api/v1: a test or an example acts as the end user through
// them. They need the API key (they change your account's data). The launch page's routes, which
// need only the launch URL's client token, are in launch.ts.

const CONTROL_BODY = { naming: jsonMemberName, strict: true } as const;

const readCompletion = (body: unknown): Either<ValidationResult[], Completion> => {
  const outcome: unknown =
    typeof body === 'object' && body !== null && 'outcome' in body ? body.outcome : undefined;
  if (outcome === 'success') {
    const decoded = decodeBody(CompleteWithSuccess, body, CONTROL_BODY);
    if (isLeft(decoded)) return decoded;
    const { identityData, attachments, attachmentsPending, provider, advance } = decoded.right;
    return right({
      outcome: { kind: 'success' },
      identityData,
      attachments,
      attachmentsPending:
        typeof attachmentsPending === 'number' ? attachmentsPending : attachmentsPending ? 1 : 0,
      provider,
      advance,
    });
  }
  if (outcome === 'failure') {
    const decoded = decodeBody(CompleteWithFailure, body, CONTROL_BODY);
    if (isLeft(decoded)) return decoded;
    const { failCode, verificationFailCode, provider, advance } = decoded.right;
    return right({
      outcome: { kind: 'failure', failCode },
      verificationFailCode,
      provider,
      advance,
    });
  }
  return left([problem('outcome', 'outcome must be "success" or "failure".')]);
};

export const controlRoutes = (store: SandboxStore): Route[] => [
  {
    method: 'POST',
    path: '/sandbox/sessions/{sessionId}/complete',
    auth: true,
    json: true,
    handle: ({ params, body }) => {
      const completion = readCompletion(body);
      if (isLeft(completion)) return validationReply(completion.left);
      const done = store.complete(params.sessionId ?? '', completion.right);
      return isLeft(done)
        ? storeErrorReply(done.left)
        : jsonReply(200, CompleteSessionResponse, done.right);
    },
  },
  {
    method: 'POST',
    path: '/sandbox/reset',
    auth: true,
    json: false,
    handle: (): Reply => {
      store.reset();
      return messageReply(200, 'The sandbox is empty again');
    },
  },
];
