import * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Dispatcher } from 'undici';
import { decodeValue } from '../lib/schema/decode.js';
import { FailureMessage } from '../models/index.js';
import {
  CompleteSessionResponse,
  SandboxTime,
  type CompleteSessionRequest,
} from './controlModels.js';
import type { FaultRequest } from './faults.js';
import { unsupportedNode } from './nodeVersion.js';

// A small client for the sandbox-only control routes, for the flow, the tests and the examples'
// preparation. Its answers are decoded strictly, like the SDK's in strict mode; every method
// resolves to an Either whose Left says what went wrong (no secret: the routes echo none).

/** A typed client for the sandbox's control routes. */
export interface SandboxControl {
  /** Acts as the end user: finishes the session's journey; yields the frontend's results key. */
  complete(
    sessionId: string,
    body: CompleteSessionRequest,
  ): Promise<Either<string, CompleteSessionResponse>>;
  /** Empties the sandbox, injected faults included. */
  reset(): Promise<Either<string, undefined>>;
  /** Moves sandbox time forward by `ms` (the only way a manual clock moves). */
  advanceTime(ms: number): Promise<Either<string, SandboxTime>>;
  /** Answers the next matching requests with a status, late, or not at all. */
  inject(fault: FaultRequest): Promise<Either<string, undefined>>;
  /** Forgets every injected fault not yet used. */
  clearFaults(): Promise<Either<string, undefined>>;
}

/** The control client of the sandbox at `baseUrl`; `sandbox.control` is one already made. */
export const sandboxControl = (
  baseUrl: string,
  apiKey: string,
  dispatcher?: Dispatcher,
): SandboxControl => {
  const problem = unsupportedNode(process.versions);
  if (problem !== undefined) throw new Error(problem);
  const send = async (method: 'POST' | 'DELETE', path: string, body?: unknown) => {
    // Loaded on the first call, not with the module: on a Node older than undici needs, loading
    // it fails in undici's words, and the sandbox's entry must load there to say its own.
    const { request } = await import('undici');
    const answer = await request(`${baseUrl}${path}`, {
      method,
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

  /** One call: a 200 decoded with `codec`, anything else a Left naming `what`. */
  const call = async <C extends t.Mixed>(
    what: string,
    codec: C,
    method: 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Either<string, t.TypeOf<C>>> => {
    const { status, json } = await send(method, path, body);
    if (status !== 200) return left(describe(what, status, json));
    const decoded = decodeValue(codec, json, true);
    return isLeft(decoded)
      ? left(`${what}: unexpected answer: ${decoded.left.join('; ')}`)
      : right(decoded.right);
  };

  const done = async (
    what: string,
    method: 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Either<string, undefined>> => {
    const answer = await call(what, FailureMessage, method, path, body);
    return isLeft(answer) ? answer : right(undefined);
  };

  return {
    complete: (sessionId, body) =>
      call(
        'complete',
        CompleteSessionResponse,
        'POST',
        `/sandbox/sessions/${encodeURIComponent(sessionId)}/complete`,
        body,
      ),
    reset: () => done('reset', 'POST', '/sandbox/reset'),
    advanceTime: (ms) => call('advanceTime', SandboxTime, 'POST', '/sandbox/time/advance', { ms }),
    inject: (fault) => done('inject', 'POST', '/sandbox/faults', fault),
    clearFaults: () => done('clearFaults', 'DELETE', '/sandbox/faults'),
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
