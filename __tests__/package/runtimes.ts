import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

// What the runtime suite runs: one program, written once in plain JavaScript, that every runtime
// executes from the installed package; and the loopback server it talks to, which passes requests
// on to a real sandbox except under /faults/, where it answers what the sandbox never does (a 503
// once, no answer at all, a body that does not match the spec).

/** What the program needs to know, baked into its source (a Worker has no argv). */
export interface ProgramSettings {
  readonly url: string;
  readonly apiKey: string;
  /** Names this run's 503 counter, so each runtime meets its own first 503. */
  readonly runtime: string;
}

/** The program, as an ES module whose `runProgram()` resolves to one JSON-ready summary. */
export const programSource = (settings: ProgramSettings): string => `
import { APIClient, Configuration } from 'trinsic-connect-sdk';

const SETTINGS = ${JSON.stringify(settings)};

// Each Either in a few fields that must read the same on every runtime.
const summary = (result, pick) =>
  result._tag === 'Right'
    ? { right: pick(result.right.data), status: result.right.response.status, attempts: result.right.attempts }
    : { left: result.left._tag, message: result.left.message, status: result.left.status ?? result.left.response?.status, attempts: result.left.attempts };

const client = (path, extra = {}) =>
  new APIClient(new Configuration({ basePath: SETTINGS.url + path, accessToken: SETTINGS.apiKey, retryBaseDelayMs: 0, ...extra }));

export const runProgram = async () => {
  const sandbox = client('');
  const created = await sandbox.sessionsAPI.createSession().createSessionRequest({}).execute();
  const id = created._tag === 'Right' ? created.right.data.session.id : 'none';
  const fetched = await sandbox.sessionsAPI.getSession(id).execute();
  const listed = await sandbox.sessionsAPI.listSessions().execute();
  const missing = await sandbox.sessionsAPI.getSession('no-such-session').execute();
  const retried = await client('/faults/flaky/' + SETTINGS.runtime).networkAPI.listProviders().execute();
  const timedOut = await client('/faults/hang', { timeoutMs: 300, maxRetries: 0 }).networkAPI.listProviders().execute();
  const controller = new AbortController();
  const pending = client('/faults/hang', { maxRetries: 0 }).networkAPI.listProviders().signal(controller.signal).execute();
  setTimeout(() => controller.abort(), 50);
  const aborted = await pending;
  const garbled = await client('/faults/garbled').sessionsAPI.getSession(id).execute();
  return {
    create: summary(created, (data) => ({ state: data.session.state, launchUrl: typeof data.launchUrl })),
    get: summary(fetched, (data) => ({ sameId: data.session.id === id, state: data.session.state })),
    list: summary(listed, (data) => ({ found: data.sessions.some((session) => session.id === id) })),
    notFound: summary(missing, () => null),
    retried503: summary(retried, (data) => ({ providers: data.providers.length })),
    timeout: summary(timedOut, () => null),
    abort: summary(aborted, () => null),
    decodeError: summary(garbled, () => null),
  };
};
`;

/** What every runtime must print (the sandbox offers three providers). */
export const EXPECTED = {
  create: { right: { state: 'IdvCreated', launchUrl: 'string' }, status: 200, attempts: 1 },
  get: { right: { sameId: true, state: 'IdvCreated' }, status: 200, attempts: 1 },
  list: { right: { found: true }, status: 200, attempts: 1 },
  notFound: {
    left: 'HttpError',
    message: 'SessionsAPI.GetSession: HTTP 404: No Session with id "no-such-session"',
    status: 404,
    attempts: 1,
  },
  retried503: { right: { providers: 3 }, status: 200, attempts: 2 },
  timeout: {
    left: 'TimeoutError',
    message: 'NetworkAPI.ListProviders: no complete answer within 300 ms',
    attempts: 1,
  },
  abort: {
    left: 'AbortError',
    message: "NetworkAPI.ListProviders: aborted by the caller's signal",
    attempts: 1,
  },
  decodeError: {
    left: 'DecodeError',
    message:
      'SessionsAPI.GetSession: the answer (HTTP 200) does not match the spec: session.id: expected string, got 5; ' +
      'session.state: is required; session.verification: is required; session.disclosedFields: is required; ' +
      'session.created: is required; session.updated: is required',
    status: 200,
    attempts: 1,
  },
};

export interface FaultServer {
  readonly url: string;
  stop(): Promise<void>;
}

const body = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });

/** Starts the loopback server in front of the sandbox at `sandboxUrl`. */
export const startFaultServer = async (sandboxUrl: string): Promise<FaultServer> => {
  const flakySeen = new Set<string>();
  const hanging = new Set<ServerResponse>();

  const pass = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'connection') {
        headers[name] = value;
      }
    }
    const sent = await body(request);
    const answer = await fetch(sandboxUrl + path, {
      method: request.method ?? 'GET',
      headers,
      body: sent.length > 0 ? sent : undefined,
    });
    const text = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
    response.end(text);
  };

  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const flaky = /^\/faults\/flaky\/([^/]+)(\/.*)$/.exec(url);
    if (flaky?.[1] !== undefined && flaky[2] !== undefined) {
      if (!flakySeen.has(flaky[1])) {
        flakySeen.add(flaky[1]);
        response.writeHead(503, { 'retry-after': '0', 'content-type': 'application/json' });
        response.end('{"message":"try again"}');
        return;
      }
      void pass(request, response, flaky[2]);
    } else if (url.startsWith('/faults/hang/')) {
      // Never answered: the client's timeout or abort ends it; stop() closes it.
      hanging.add(response);
    } else if (url.startsWith('/faults/garbled/')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"session":{"id":5}}');
    } else {
      void pass(request, response, url);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${String(portOf(server))}`,
    stop: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};

/** The port a listening server took. */
const portOf = (server: Server): number => {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
};
