import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';
import {
  APIClient,
  Configuration,
  parseLaunchResult,
  type ConfigurationParameters,
  type IdentityData,
} from 'trinsic-connect-sdk';
import { visitorStore } from './visitors.js';

// The relying party's backend of the web example, on node:http. When a visitor starts a
// verification it creates one Session and keeps its id in the visitor's server-side session
// (visitors.ts); when the page (or a redirect) brings a result back, it accepts only a result for
// that Session (parseLaunchResult with { sessionId }), exchanges the results access key for the
// identity data and answers with the verified name. A result for any other Session, however
// valid, is refused: someone else's key never verifies this visitor. Keys stay on this side: the
// API key never reaches the page, and no log line holds a results access key or a visitor id.

interface WebExampleOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Where the Connect API is (the sandbox, or the real one) and the API key. */
  readonly connection: ConfigurationParameters;
  /** One line per request (method and path, never the query, which may hold a key). */
  readonly log?: (line: string) => void;
}

interface WebExample {
  readonly url: string;
  close(): Promise<void>;
}

const PAGE = new URL('./index.html', import.meta.url);
// Served from node_modules, as a bundler would serve it in a real project.
const WEB_UI = createRequire(import.meta.url).resolve('@trinsic/web-ui');

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
  /** A Set-Cookie header, for the answer that starts a visitor's server-side session. */
  readonly cookie?: string;
}

/** Whether a request comes from this site's own page (browsers say so in Sec-Fetch-Site). */
const sameOrigin = (request: IncomingMessage): boolean => {
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
};

const resultPage = (text: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>Verification result</title></head><body><h1 id="outcome">${escapeHtml(text)}</h1>` +
  `<p><a href="/">Verify again</a></p></body></html>`;

/** What the page shows once the backend has the result. */
type Outcome =
  { verified: true; name: string } | { verified: false; reason: string; status: number };

const NOT_STARTED: Outcome = {
  verified: false,
  status: 403,
  reason: 'no verification was started in this browser (or it has ended): start one here first',
};
const NOT_YOURS: Outcome = {
  verified: false,
  status: 403,
  reason:
    'this result is for a verification this browser did not start here; it was refused and ' +
    'nothing was exchanged',
};

const nameOf = (identity: IdentityData | undefined): string => {
  const person = identity?.person;
  const parts = [person?.givenName, person?.familyName].filter((part) => part !== undefined);
  return person?.fullName ?? (parts.length > 0 ? parts.join(' ') : '(no name disclosed)');
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const send = (response: ServerResponse, { status, type, body, cookie }: Answer): void => {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    // The result arrives in /return's query: no other site may learn it from a Referer.
    'referrer-policy': 'no-referrer',
    ...(cookie === undefined ? {} : { 'set-cookie': cookie }),
  });
  response.end(body);
};

const readJson = async (request: IncomingMessage): Promise<unknown> => {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 64 * 1024) throw new Error('body too large');
  }
  return JSON.parse(text);
};

export const startWebExample = async (options: WebExampleOptions): Promise<WebExample> => {
  const client = new APIClient(new Configuration(options.connection));

  const visitors = visitorStore();
  let origin = '';

  /** One Session per attempt, for this visitor: its launch URL, and the cookie to set. */
  const startAttempt = async (request: IncomingMessage): Promise<Answer & { cookie?: string }> => {
    const created = await client.sessionsAPI
      .createSession()
      .createSessionRequest({
        disclosedFields: { givenName: true, familyName: true },
        // Registers where results may come back (the launch page sends them nowhere else).
        redirectUrl: `${origin}/return`,
      })
      .execute();
    if (E.isLeft(created)) return json(502, { error: created.left.message });
    const { session, launchUrl } = created.right.data;
    if (launchUrl === undefined) return json(502, { error: 'the API gave no launch URL' });
    const cookie = visitors.startAttempt(request, session.id);
    return { ...json(200, { launchUrl }), ...(cookie === undefined ? {} : { cookie }) };
  };

  /** parseLaunchResult bound to the visitor's own Session, then exchangeResultsKey. */
  const verify = async (request: IncomingMessage, input: unknown): Promise<Outcome> => {
    const sessionId = visitors.attemptOf(request);
    if (sessionId === undefined) return NOT_STARTED;
    const parsed = parseLaunchResult(input, { sessionId });
    if (E.isLeft(parsed)) {
      // Well formed, so refused only for naming another Session.
      return E.isRight(parseLaunchResult(input))
        ? NOT_YOURS
        : { verified: false, status: 400, reason: parsed.left.message };
    }
    const result = parsed.right;
    if (!result.success) {
      visitors.endAttempt(request);
      return { verified: false, status: 200, reason: result.msg ?? 'failed' };
    }
    const exchanged = await client.sessionsAPI
      .exchangeResultsKey(result.sessionId)
      .exchangeResultsKeyRequest({ resultsAccessKey: result.resultsAccessKey })
      .execute();
    if (E.isLeft(exchanged)) {
      return { verified: false, status: 502, reason: exchanged.left.message };
    }
    visitors.endAttempt(request);
    return { verified: true, name: nameOf(exchanged.right.data.identityData) };
  };

  const json = (status: number, value: unknown): Answer => ({
    status,
    type: 'application/json',
    body: JSON.stringify(value),
  });

  const answer = async (request: IncomingMessage, url: URL): Promise<Answer> => {
    switch (`${request.method ?? ''} ${url.pathname}`) {
      case 'GET /':
        return { status: 200, type: 'text/html', body: await readFile(PAGE, 'utf8') };
      case 'GET /web-ui.js':
        return { status: 200, type: 'text/javascript', body: await readFile(WEB_UI, 'utf8') };
      // Started from this site's own page only: another site cannot make Sessions for it.
      case 'POST /api/sessions':
        return sameOrigin(request) ? startAttempt(request) : json(403, { error: 'cross-site' });
      // The page posts what @trinsic/web-ui resolved (or rejected) with.
      case 'POST /api/results': {
        const outcome = await verify(request, await readJson(request).catch(() => undefined));
        return json(outcome.verified ? 200 : outcome.status, outcome);
      }
      // launchRedirect comes back here: the result is in the query.
      case 'GET /return': {
        const outcome = await verify(request, url.searchParams);
        const text = outcome.verified
          ? `Verified: ${outcome.name}`
          : `Not verified: ${outcome.reason}`;
        return {
          status: outcome.verified ? 200 : outcome.status,
          type: 'text/html',
          body: resultPage(text),
        };
      }
      default:
        return { status: 404, type: 'text/plain', body: 'Not found' };
    }
  };

  const server = createServer((request, response) => {
    // A target no URL parser takes (`//[`) is the client's error, not a reason to crash.
    const url = URL.parse(request.url ?? '/', 'http://example.invalid');
    options.log?.(`${request.method ?? ''} ${url?.pathname ?? '(bad target)'}`);
    const answered: Promise<Answer> =
      url === null
        ? Promise.resolve({ status: 400, type: 'text/plain', body: 'Bad request target' })
        : answer(request, url);
    answered.then(
      (answer) => {
        send(response, answer);
      },
      (error: unknown) => {
        options.log?.(`error: ${error instanceof Error ? error.message : String(error)}`);
        send(response, { status: 500, type: 'text/plain', body: 'The example failed' });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
