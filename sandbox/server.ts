import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { faulted, faultKind } from './faultAnswer.js';
import type { Fault, FaultBook } from './faults.js';
import { messageReply, type Reply, validationReply } from './reply.js';
import type { Router } from './router.js';
import { sameSecret } from './secrets.js';
import { problem } from './validation.js';

// HTTP plumbing: read the request, route it, check the key, parse the JSON body, call the
// handler, write its reply. Every failure along the way is a JSON answer, never a dropped socket.

/** One line of the request log: no query, no body, no header, so no secret. */
export interface RequestLogEntry {
  readonly method: string;
  /** The route's template (`/api/v1/sessions/{sessionId}`), or the raw path when none matched. */
  readonly route: string;
  /** The status answered; 0 when a fault dropped the connection, or the client left first. */
  readonly status: number;
  readonly ms: number;
  /** Present when an injected fault answered (or delayed) the request. */
  readonly fault?: 'status' | 'delay' | 'drop';
}

export interface ServerOptions {
  readonly router: Router;
  readonly apiKey: string;
  /** The URL the sandbox is reached at, known once it listens. */
  readonly baseUrl: () => string;
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** The injected faults, matched against each request of a Connect operation. */
  readonly faults?: FaultBook;
  /** Called with a handler's unexpected exception (the answer is a 500). */
  readonly onError?: (error: unknown) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** The statuses whose answers have no body (RFC 9110). */
const NO_BODY: ReadonlySet<number> = new Set([204, 304]);

export const createSandboxServer = (options: ServerOptions): Server =>
  createServer((request, response) => {
    // The error boundary: nothing a request does may end the process.
    serve(options, request, response).catch((error: unknown) => {
      report(options, error);
      response.destroy();
    });
  });

/** Where the request goes: its path and query, or undefined for a target no URL parser takes. */
const parseTarget = (target: string): URL | undefined => {
  try {
    return new URL(target, 'http://sandbox.invalid');
  } catch {
    return undefined;
  }
};

const serve = async (
  options: ServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const started = performance.now();
  const method = request.method ?? 'GET';
  let route = '(bad target)';
  let fault: Fault | undefined;
  let reply: Reply | undefined;
  try {
    const url = parseTarget(request.url ?? '/');
    const body = await readBody(request);
    if (url === undefined) {
      reply = messageReply(
        400,
        'This is not a valid request target: send a path such as /api/v1/sessions',
      );
    } else if (body === 'too-large') {
      route = url.pathname.slice(0, 200);
      reply = messageReply(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`, {
        connection: 'close',
      });
    } else {
      const match = options.router(method, url.pathname);
      route = match.kind === 'found' ? match.route.path : url.pathname.slice(0, 200);
      const operation = match.kind === 'found' ? match.route.operation : undefined;
      fault = operation === undefined ? undefined : options.faults?.take(operation);
      reply = await faulted(fault, response, () => dispatch(options, request, url, body, match));
    }
  } catch (error) {
    // The client went away mid-request: there is no one to answer.
    if (response.destroyed) return;
    report(options, error);
    reply = messageReply(500, 'The sandbox failed to handle this request');
  }
  if (reply === undefined) response.destroy();
  else write(response, reply);
  const entry: RequestLogEntry = {
    method,
    route,
    status: reply?.status ?? 0,
    ms: performance.now() - started,
  };
  try {
    options.onRequest?.(fault === undefined ? entry : { ...entry, fault: faultKind(fault) });
  } catch (error) {
    report(options, error);
  }
};

/** Hands an unexpected error to onError; an onError that throws is not allowed to escape. */
const report = (options: ServerOptions, error: unknown): void => {
  try {
    options.onError?.(error);
  } catch {
    // Nothing is left to tell.
  }
};

const dispatch = (
  options: ServerOptions,
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  match: ReturnType<Router>,
): Reply => {
  switch (match.kind) {
    case 'not-found':
      return messageReply(
        404,
        `No such route: ${request.method ?? ''} ${url.pathname.slice(0, 200)}`,
      );
    case 'wrong-method':
      return messageReply(
        405,
        `Method ${request.method ?? ''} is not allowed here; use ${match.allow.join(', ')}`,
        { allow: match.allow.join(', ') },
      );
    case 'bad-encoding':
      return validationReply([
        problem(match.param, `${match.param} is not valid percent-encoding.`),
      ]);
    case 'found':
      break;
  }
  const { route, params } = match;
  if (route.auth) {
    const refusal = checkAuthorization(request.headers.authorization, options.apiKey);
    if (refusal !== undefined) {
      return messageReply(401, refusal, { 'www-authenticate': 'Bearer' });
    }
  }
  let parsed: unknown = undefined;
  if (route.json && body.length > 0) {
    const json = parseJsonBody(request.headers['content-type'], body);
    if ('reply' in json) return json.reply;
    parsed = json.value;
  }
  return route.handle({
    params,
    query: url.searchParams,
    body: parsed,
    baseUrl: options.baseUrl(),
  });
};

/** Why the request is not authorised, or undefined when it is. The key is never echoed. */
const checkAuthorization = (header: string | undefined, apiKey: string): string | undefined => {
  if (header === undefined || header.trim() === '') {
    return 'Missing Authorization header: send "Authorization: Bearer <API key>"';
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) return 'The Authorization header must be "Bearer <API key>"';
  return sameSecret(match[1], apiKey) ? undefined : 'The API key is not valid';
};

// The media types the spec accepts for request bodies.
const JSON_MEDIA_TYPE = /^(application\/json|text\/json|application\/[\w.-]+\+json)\s*(;|$)/i;

const parseJsonBody = (
  contentType: string | undefined,
  body: Buffer,
): { value: unknown } | { reply: Reply } => {
  if (contentType === undefined || !JSON_MEDIA_TYPE.test(contentType)) {
    return {
      reply: messageReply(
        415,
        `Unsupported Content-Type ${JSON.stringify((contentType ?? '(none)').slice(0, 80))}: send application/json`,
      ),
    };
  }
  try {
    return { value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { reply: validationReply([problem(undefined, 'The request body is not valid JSON.')]) };
  }
};

const readBody = async (request: IncomingMessage): Promise<Buffer | 'too-large'> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
};

const write = (response: ServerResponse, reply: Reply): void => {
  // Only an injected fault answers these. An informational status is no final answer: it is
  // sent as one, and the connection closes; 204 and 304 carry no body.
  if (reply.status < 200) {
    response.socket?.end(`HTTP/1.1 ${reply.status} Informational\r\n\r\n`);
    return;
  }
  const body = NO_BODY.has(reply.status)
    ? Buffer.alloc(0)
    : typeof reply.body === 'string'
      ? Buffer.from(reply.body, 'utf8')
      : reply.body;
  const length: Record<string, string> = NO_BODY.has(reply.status)
    ? {}
    : { 'content-length': String(body.length) };
  response.writeHead(reply.status, { ...reply.headers, ...length });
  response.end(body);
  // A body left unread (too large) cannot be skipped on a kept-alive connection: close it.
  if (reply.headers.connection === 'close') response.on('finish', () => response.socket?.destroy());
};
