import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { request } from 'undici';
import {
  APIClient,
  Configuration,
  type ConnectError,
  type HttpError,
  type Result,
  type Session,
} from '../../index.js';
import { sandboxControl, type SandboxControl } from '../../sandbox/controlClient.js';
import type {
  CompleteSessionRequest,
  CompleteSessionResponse,
} from '../../sandbox/controlModels.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

// Shared by the integration tests: a sandbox on a free loopback port, an SDK client in strict
// mode (so every answer the sandbox gives is checked against the models, unknown properties
// included), the control client that plays the user, and raw HTTP for what the SDK refuses to send.

export interface Harness {
  readonly sandbox: Sandbox;
  readonly client: APIClient;
  readonly control: SandboxControl;
}

export const API_KEY = 'sk_test_integration_key';

/** `clock: 'manual'`: sandbox time moves only by `advance` (below). */
export interface HarnessOptions {
  readonly clock?: 'real' | 'manual';
}

export const startHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const sandbox = await startSandbox({ apiKey: API_KEY, clock: options.clock });
  return {
    sandbox,
    client: clientFor(sandbox),
    control: sandboxControl(sandbox.url, sandbox.apiKey),
  };
};

/**
 * The harness of a test file: started before its tests, stopped after them, and, with
 * `resetEach`, emptied before each test. Its fields are read when a test runs.
 */
export const useHarness = ({
  resetEach,
  clock,
}: HarnessOptions & { resetEach: boolean }): Harness => {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness({ clock });
  });
  afterAll(() => started?.sandbox.stop());
  if (resetEach) {
    beforeEach(() => {
      started?.sandbox.reset();
    });
  }
  const current = (): Harness => {
    if (started === undefined) throw new Error('the harness is used outside a test');
    return started;
  };
  return {
    get sandbox() {
      return current().sandbox;
    },
    get client() {
      return current().client;
    },
    get control() {
      return current().control;
    },
  };
};

/** An SDK client in strict mode; `accessToken: null` sends no Authorization header at all. */
export const clientFor = (sandbox: Sandbox, accessToken: string | null = sandbox.apiKey) =>
  new APIClient(
    new Configuration({
      basePath: sandbox.url,
      accessToken: accessToken ?? undefined,
      strict: true,
      maxRetries: 0,
    }),
  );

/** The data of a Right; fails the test, showing the error, on a Left. */
export const ok = <T>(result: Awaited<Result<T>>): T => {
  if (isLeft(result)) throw new Error(`expected success, got ${result.left.message}`);
  return result.right.data;
};

/** The HttpError of a Left; fails the test on anything else. */
export const httpError = <T>(result: Awaited<Result<T>>): HttpError => {
  const error: ConnectError | undefined = isLeft(result) ? result.left : undefined;
  if (error?._tag !== 'HttpError') {
    throw new Error(
      `expected an HttpError, got ${error === undefined ? 'success' : `${error._tag}: ${error.message}`}`,
    );
  }
  return error;
};

export const status = <T>(result: Awaited<Result<T>>): number =>
  isRight(result) ? result.right.response.status : httpError(result).status;

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: unknown;
}

/** A request the SDK would not send (it validates first), straight over loopback HTTP. */
export const raw = async (
  sandbox: Pick<Sandbox, 'url' | 'apiKey'>,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; auth?: boolean } = {},
): Promise<RawAnswer> => {
  const answer = await request(`${sandbox.url}${path}`, {
    method,
    headers: {
      ...(options.auth === false ? {} : { authorization: `Bearer ${sandbox.apiKey}` }),
      ...options.headers,
    },
    body: options.body,
  });
  const text = await answer.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: answer.statusCode, headers: answer.headers, text, json };
};

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Creates a session and returns its id. */
export const createSession = async (harness: Harness): Promise<string> =>
  ok(await harness.client.sessionsAPI.createSession().execute()).session.id;

/** Moves sandbox time forward by `ms`; fails the test if the sandbox refuses. */
export const advance = async (harness: Harness, ms: number): Promise<void> => {
  const moved = await harness.control.advanceTime(ms);
  if (isLeft(moved)) throw new Error(moved.left);
};

/** Plays the user to a success; returns the results key (a failure has none: see `completed`). */
export const complete = async (
  harness: Harness,
  sessionId: string,
  body: CompleteSessionRequest = { outcome: 'success', advance: 'now' },
): Promise<string> => {
  const { resultsAccessKey } = await completed(harness, sessionId, body);
  if (resultsAccessKey === undefined) throw new Error('the completion yielded no results key');
  return resultsAccessKey;
};

/** Plays the user; returns the control route's whole answer. */
export const completed = async (
  harness: Harness,
  sessionId: string,
  body: CompleteSessionRequest,
): Promise<CompleteSessionResponse> => {
  const done = await harness.control.complete(sessionId, body);
  if (isLeft(done)) throw new Error(done.left);
  return done.right;
};

/** Plays the user where the sandbox must refuse; returns the refusal. */
export const refused = async (
  harness: Harness,
  sessionId: string,
  body: CompleteSessionRequest,
): Promise<string> => {
  const done = await harness.control.complete(sessionId, body);
  if (!isLeft(done)) throw new Error('expected the completion to be refused');
  return done.left;
};

/** Attachment keys by kind, each checked to look like one. */
export const attachmentKinds = (attachments: Readonly<Record<string, string>> | undefined) => {
  for (const key of Object.values(attachments ?? {})) expect(key).toMatch(/^ak_[\w-]{32}$/);
  return Object.keys(attachments ?? {}).sort();
};

/** A session verified with success (final at once) and its results key. */
export const verifiedSession = async (
  harness: Harness,
  body: CompleteSessionRequest = { outcome: 'success', advance: 'now' },
): Promise<{ sessionId: string; resultsAccessKey: string }> => {
  const sessionId = await createSession(harness);
  return { sessionId, resultsAccessKey: await complete(harness, sessionId, body) };
};

/** A session as listSessions shows it (the same as getSession shows at the same moment). */
export const peek = async (harness: Harness, sessionId: string): Promise<Session | undefined> => {
  const { sessions } = ok(await harness.client.sessionsAPI.listSessions().pageSize(50).execute());
  return sessions.find((s) => s.id === sessionId);
};
