import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answerBodies, SESSION_ID, SESSIONS_PATH } from './fixtures.js';

// The soak's loopback server: a getSession answer at once, one that never comes (for timeouts),
// and one that comes late and in two parts (so that random aborts land at every stage). It counts
// the requests it holds, so a check can see that every abandoned request was closed by the client.

/** Session ids with a behaviour of their own; any other id is answered at once. */
export const HELD_ID = 'held';
/** `late-…`: answered after 0–2 ms, the body in two writes a turn of the event loop apart. */
export const LATE_PREFIX = 'late-';
/** GET this path for `{ "held": n }`: the held requests whose connection is still open. */
export const HELD_COUNT_PATH = '/soak/held';

export interface SoakServer {
  readonly origin: string;
  /** Held requests still open. */
  held(): number;
  /** Requests received since start. */
  received(): number;
  close(): Promise<void>;
}

const ITEM_PREFIX = `${SESSIONS_PATH}/`;

export const startSoakServer = async (): Promise<SoakServer> => {
  const body = answerBodies().getSession;
  const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
  let held = 0;
  let received = 0;
  const sockets = new Set<Socket>();

  const answer = (request: IncomingMessage, response: ServerResponse): void => {
    received++;
    const url = request.url ?? '';
    if (url === HELD_COUNT_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ held }));
      return;
    }
    const id = url.startsWith(ITEM_PREFIX) ? url.slice(ITEM_PREFIX.length) : '';
    if (id === HELD_ID) {
      held++;
      response.once('close', () => held--);
      return;
    }
    if (id.startsWith(LATE_PREFIX)) {
      setTimeout(() => {
        if (response.destroyed) return;
        response.writeHead(200, headers);
        response.write(body.subarray(0, 100));
        setImmediate(() => {
          if (!response.destroyed) response.end(body.subarray(100));
        });
      }, Math.random() * 2);
      return;
    }
    if (id === SESSION_ID) {
      response.writeHead(200, headers);
      response.end(body);
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"message":"no such route in the soak server"}');
  };

  const server = createServer({ keepAlive: true, noDelay: true }, answer);
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = addressOf(server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    held: () => held,
    received: () => received,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
};

function addressOf(address: string | AddressInfo | null): AddressInfo {
  if (address === null || typeof address === 'string') throw new Error('not a TCP server');
  return address;
}
