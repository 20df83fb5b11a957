import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerBodies, pagedBodies, PAGING_QUERY_PREFIX, SESSIONS_PATH } from './fixtures.js';

// The loopback server, run in its own process (see serverProcess.ts) so that its work does not
// share the harness's event loop. Every answer is serialised once at start-up; a request costs
// the server a route check and a write of a ready Buffer, the same for every client measured.

/** What the server tells its parent once it listens. */
export interface ServerReady {
  readonly type: 'ready';
  readonly port: number;
  readonly getSessionBytes: number;
  readonly listSessionsBytes: number;
}

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

const jsonAnswer = (status: number, body: Buffer): Answer => ({
  status,
  headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
  body,
});

const bodies = answerBodies();
const getSession = jsonAnswer(200, bodies.getSession);
const listSessions = jsonAnswer(200, bodies.listSessions);
const notFound = jsonAnswer(404, Buffer.from('{"message":"no such route in the bench server"}'));
// The 10,000-session listing, a page per answer; a page past the end is a 404 (no client asks).
const paged = pagedBodies().map((body) => jsonAnswer(200, body));

const ITEM_PREFIX = `${SESSIONS_PATH}/`;
const PAGING_PREFIX = `${SESSIONS_PATH}${PAGING_QUERY_PREFIX}`;

const route = (url: string): Answer => {
  if (url.startsWith(ITEM_PREFIX) && url.indexOf('/', ITEM_PREFIX.length) === -1) {
    return getSession;
  }
  if (url.startsWith(PAGING_PREFIX)) {
    return paged[Number(url.slice(PAGING_PREFIX.length)) - 1] ?? notFound;
  }
  if (url === SESSIONS_PATH || url.startsWith(`${SESSIONS_PATH}?`)) return listSessions;
  return notFound;
};

const answer = (request: IncomingMessage, response: ServerResponse): void => {
  const chosen = route(request.url ?? '');
  response.writeHead(chosen.status, chosen.headers);
  response.end(chosen.body);
};

const server = createServer({ keepAlive: true }, answer);
// Connections stay open for the whole run: no client pays for reconnecting.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.requestTimeout = 0;

const stop = () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
};
// The parent going away (or asking) ends the server; it must never outlive the run.
process.on('disconnect', stop);
process.on('SIGTERM', stop);

server.listen(0, '127.0.0.1', () => {
  const { port }: AddressInfo = addressOf(server.address());
  const ready: ServerReady = {
    type: 'ready',
    port,
    getSessionBytes: bodies.getSession.length,
    listSessionsBytes: bodies.listSessions.length,
  };
  if (process.send) process.send(ready);
  else process.stdout.write(`${JSON.stringify(ready)}\n`);
});

function addressOf(address: string | AddressInfo | null): AddressInfo {
  if (address === null || typeof address === 'string') throw new Error('not a TCP server');
  return address;
}
