import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';

// The browser's one way out: an HTTP proxy on loopback that records every request the browser
// makes (CONNECT included, for https) and forwards only those to loopback. Anything else is
// refused, so a test can assert what was attempted and nothing leaves the machine.

interface ProxiedRequest {
  readonly method: string;
  /** The absolute URL, or `host:port` for a CONNECT (the browser asked for a tunnel). */
  readonly target: string;
  readonly forwarded: boolean;
}

export interface RecordingProxy {
  readonly url: string;
  readonly requests: ProxiedRequest[];
  /** The requests that were not for loopback, as `METHOD target`. */
  offLoopback(): string[];
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const loopbackUrl = (target: string): URL | undefined => {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
};

const relay = (incoming: IncomingMessage, url: URL, reply: ServerResponse): void => {
  const headers = { ...incoming.headers };
  delete headers['proxy-connection'];
  const upstream = forward(
    {
      host: url.hostname === '[::1]' ? '::1' : url.hostname,
      port: url.port,
      method: incoming.method,
      path: `${url.pathname}${url.search}`,
      headers,
    },
    (answer) => {
      reply.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(reply);
    },
  );
  upstream.on('error', () => {
    if (!reply.headersSent) reply.writeHead(502);
    reply.end();
  });
  incoming.pipe(upstream);
};

export const startRecordingProxy = async (): Promise<RecordingProxy> => {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming, reply) => {
    const target = incoming.url ?? '';
    const url = loopbackUrl(target);
    requests.push({ method: incoming.method ?? '', target, forwarded: url !== undefined });
    if (url === undefined) {
      reply.writeHead(403, { 'content-type': 'text/plain' });
      reply.end('The test proxy forwards loopback requests only');
      return;
    }
    relay(incoming, url, reply);
  });
  server.on('connect', (incoming: IncomingMessage, socket: Socket) => {
    requests.push({ method: 'CONNECT', target: incoming.url ?? '', forwarded: false });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    offLoopback: () => requests.filter((r) => !r.forwarded).map((r) => `${r.method} ${r.target}`),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
};
