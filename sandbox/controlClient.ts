import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { request, type Dispatcher } from 'undici';
import { decodeValue } from '../lib/schema/decode.js';
import { FailureMessage } from '../models/index.js';
import { CompleteSessionResponse, type CompleteSessionRequest } from './controlModels.js';

// A small client for the sandbox-only control routes, for the flow, the tests and the examples'
// preparation. Its answers are decoded strictly, like the SDK's in strict mode.

/** A typed client for the sandbox's control routes. */
export interface SandboxControl {
  /** Acts as the end user: finishes the session's journey; yields the frontend's results key. */
  complete(
    sessionId: string,
    body: CompleteSessionRequest,
  ): Promise<Either<string, CompleteSessionResponse>>;
  /** Empties the sandbox. */
  reset(): Promise<Either<string, undefined>>;
}

/** The control client of the sandbox at `baseUrl`; `sandbox.control` is one already made. */
export const sandboxControl = (
  baseUrl: string,
  apiKey: string,
  dispatcher?: Dispatcher,
): SandboxControl => {
  const post = async (path: string, body?: unknown) => {
    const answer = await request(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher,
    });
    const text = await answer.body.text();
    return { status: answer.statusCode, json: parse(text) };
  };

  return {
    complete: async (sessionId, body) => {
      const { status, json } = await post(
        `/sandbox/sessions/${encodeURIComponent(sessionId)}/complete`,
        body,
      );
      if (status !== 200) return left(describe('complete', status, json));
      const decoded = decodeValue(CompleteSessionResponse, json, true);
      return isLeft(decoded)
        ? left(`complete: unexpected answer: ${decoded.left.join('; ')}`)
        : right(decoded.right);
    },
    reset: async () => {
      const { status, json } = await post('/sandbox/reset');
      return status === 200 ? right(undefined) : left(describe('reset', status, json));
    },
  };
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const describe = (what: string, status: number, json: unknown): string => {
  const detail = FailureMessage.is(json) ? json.message : JSON.stringify(json ?? null);
  return `${what}: HTTP ${status}: ${detail.slice(0, 500)}`;
};
