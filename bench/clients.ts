import { Agent, request, setGlobalDispatcher } from 'undici';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { APIClient } from '../index.js';
import type { BuiltSdk } from './build.js';
import { LIST_QUERY, PAGE_SIZE, SESSION_ID, SESSIONS_PATH } from './fixtures.js';
import type { Call } from './loops.js';

// The five clients measured, each able to make the two calls. Same conditions for all: the
// same server, the same request headers, and undici Agents built with the same options
// (keep-alive, up to 64 connections to the origin). The SDK's fetch path (its `fetch` setting,
// given Node's global fetch) shares raw fetch's Agent, and is measured against raw fetch. Every call checks its answer and
// rejects when it is not the expected one: a benchmark that measures errors measures nothing.

export const CLIENTS = ['undici', 'fetch', 'fetch+abort', 'sdk', 'sdk-fetch'] as const;
export type ClientName = (typeof CLIENTS)[number];
export const FLOOR: ClientName = 'undici';

/** What each client is measured against: raw undici, except the SDK's fetch path, raw fetch. */
export const BASELINE: Readonly<Record<ClientName, ClientName>> = {
  undici: 'undici',
  fetch: 'undici',
  'fetch+abort': 'fetch',
  sdk: 'undici',
  'sdk-fetch': 'fetch',
};

export const OPERATIONS = ['getSession', 'listSessions'] as const;
export type OperationName = (typeof OPERATIONS)[number];

/** One Agent per client, all alike; `connections` covers the 64-in-flight runs. */
export const AGENT_OPTIONS = {
  connections: 64,
  pipelining: 1,
  keepAliveTimeout: 60_000,
  keepAliveMaxTimeout: 120_000,
} as const;

export const TOKEN = 'bench-token-not-a-secret';

/** What the SDK sends; the other clients send the same, so that no one saves on header bytes. */
export const headersLike = (sdk: BuiltSdk) =>
  ({
    accept: 'application/json',
    authorization: `Bearer ${TOKEN}`,
    'user-agent': sdk.index.USER_AGENT,
  }) as const;

export type Headers = ReturnType<typeof headersLike>;

type ClientCalls = Readonly<Record<OperationName, Call>>;

export interface Clients {
  readonly calls: Readonly<Record<ClientName, ClientCalls>>;
  readonly agents: Readonly<Record<ClientName, Agent>>;
  readonly origin: string;
  readonly close: () => Promise<void>;
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;

/** The same cheap check for the clients that return untyped JSON. */
const checkParsed = (operation: OperationName, parsed: unknown): void => {
  const ok =
    isObject(parsed) &&
    (operation === 'getSession'
      ? isObject(parsed.session) && parsed.session.id === SESSION_ID
      : Array.isArray(parsed.sessions) && parsed.sessions.length === PAGE_SIZE);
  if (!ok) throw new Error(`${operation}: unexpected answer`);
};

const checkStatus = (client: string, status: number): void => {
  if (status !== 200) throw new Error(`${client}: HTTP ${status}`);
};

const urls = (origin: string): Readonly<Record<OperationName, string>> => ({
  getSession: `${origin}${SESSIONS_PATH}/${SESSION_ID}`,
  listSessions: `${origin}${SESSIONS_PATH}${LIST_QUERY}`,
});

/** The floor: undici.request, the body as text, JSON.parse. */
const undiciCalls = (origin: string, agent: Agent, headers: Headers): ClientCalls => {
  const url = urls(origin);
  const call =
    (operation: OperationName): Call =>
    async () => {
      const answer = await request(url[operation], {
        method: 'GET',
        headers,
        dispatcher: agent,
      });
      checkStatus('undici', answer.statusCode);
      checkParsed(operation, JSON.parse(await answer.body.text()));
    };
  return { getSession: call('getSession'), listSessions: call('listSessions') };
};

/**
 * Node's global fetch (its bundled undici). It is given its Agent as the global dispatcher, which
 * Node's fetch shares with the undici package; the other two clients name theirs explicitly.
 */
const fetchCalls = (origin: string, agent: Agent, headers: Headers): ClientCalls => {
  setGlobalDispatcher(agent);
  const url = urls(origin);
  const call =
    (operation: OperationName): Call =>
    async () => {
      const answer = await fetch(url[operation], { headers });
      checkStatus('fetch', answer.status);
      checkParsed(operation, await answer.json());
    };
  return { getSession: call('getSession'), listSessions: call('listSessions') };
};

/**
 * Raw fetch as any client with a timeout and a way to cancel must call it: with an AbortSignal and
 * a timer, as the SDK's fetch path does. Not a target's baseline: it shows how much of the fetch
 * path's cost over bare fetch is the signal, which Node's fetch links per request.
 */
const abortableFetchCalls = (origin: string, headers: Headers): ClientCalls => {
  const url = urls(origin);
  const call =
    (operation: OperationName): Call =>
    async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => {
        controller.abort();
      }, 30_000);
      try {
        const answer = await fetch(url[operation], { headers, signal: controller.signal });
        checkStatus('fetch+abort', answer.status);
        checkParsed(operation, await answer.json());
      } finally {
        clearTimeout(timer);
      }
    };
  return { getSession: call('getSession'), listSessions: call('listSessions') };
};

/** The built SDK, configured the way its README shows. */
export const sdkClient = (sdk: BuiltSdk, origin: string, agent: Agent, strict = false): APIClient =>
  new sdk.index.APIClient(
    new sdk.index.Configuration({
      basePath: origin,
      accessToken: TOKEN,
      dispatcher: agent,
      strict,
    }),
  );

/** The built SDK over Node's global fetch, as it runs where undici cannot dispatch. */
const sdkFetchClient = (sdk: BuiltSdk, origin: string): APIClient =>
  new sdk.index.APIClient(
    new sdk.index.Configuration({
      basePath: origin,
      accessToken: TOKEN,
      fetch: (url, init) => fetch(url, init),
    }),
  );

const sdkCalls = (client: APIClient): ClientCalls => ({
  getSession: async () => {
    const result = await client.sessionsAPI.getSession(SESSION_ID).execute();
    if (isLeft(result)) throw new Error(`sdk getSession: ${result.left.message}`);
    if (result.right.data.session.id !== SESSION_ID) throw new Error('getSession: wrong session');
  },
  listSessions: async () => {
    const result = await client.sessionsAPI.listSessions().pageSize(PAGE_SIZE).page(1).execute();
    if (isLeft(result)) throw new Error(`sdk listSessions: ${result.left.message}`);
    if (result.right.data.sessions.length !== PAGE_SIZE) throw new Error('listSessions: short');
  },
});

/** Connections the agent holds open to `origin`: proof that a client's calls go through it. */
export const connectionsOf = (agent: Agent, origin: string): number => {
  // A Pool counts its connections; a single Client says whether it is connected.
  const connected = agent.stats[origin]?.connected ?? 0;
  return typeof connected === 'number' ? connected : Number(connected);
};

export const makeClients = (sdk: BuiltSdk, origin: string): Clients => {
  const headers = headersLike(sdk);
  const agents = [0, 1, 2].map(() => new Agent(AGENT_OPTIONS));
  const [undiciAgent, fetchAgent, sdkAgent] = agents;
  if (!undiciAgent || !fetchAgent || !sdkAgent) throw new Error('three agents expected');
  return {
    calls: {
      undici: undiciCalls(origin, undiciAgent, headers),
      fetch: fetchCalls(origin, fetchAgent, headers),
      'fetch+abort': abortableFetchCalls(origin, headers),
      sdk: sdkCalls(sdkClient(sdk, origin, sdkAgent)),
      'sdk-fetch': sdkCalls(sdkFetchClient(sdk, origin)),
    },
    agents: {
      undici: undiciAgent,
      fetch: fetchAgent,
      'fetch+abort': fetchAgent,
      sdk: sdkAgent,
      'sdk-fetch': fetchAgent,
    },
    origin,
    close: async () => {
      await Promise.all(agents.map((agent) => agent.close()));
    },
  };
};
