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

// The relying party's backend of the web example, on node:http: it creates a Session for the
// page, and when the page (or a redirect) brings the result back, it exchanges the results access
// key for the identity data and answers with the verified name. Keys stay on this side: the API
// key never reaches the page, and no log line holds a results access key.

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
}

const resultPage = (text: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>Verification result</title></head><body><h1 id="outcome">${escapeHtml(text)}</h1>` +
  `<p><a href="/">Verify again</a></p></body></html>`;

/** What the page shows once the backend has the result. */
type Outcome = { verified: true; name: string } | { verified: false; reason: string };

const nameOf = (identity: IdentityData | undefined): string => {
  const person = identity?.person;
  const parts = [person?.givenName, person?.familyName].filter((part) => part !== undefined);
  return person?.fullName ?? (parts.length > 0 ? parts.join(' ') : '(no name disclosed)');
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const send = (response: ServerResponse, status: number, type: string, body: string): void => {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
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

  const createLaunchUrl = async (): Promise<E.Either<string, string>> => {
    const created = await client.sessionsAPI
      .createSession()
      .createSessionRequest({ disclosedFields: { givenName: true, familyName: true } })
      .execute();
    if (E.isLeft(created)) return E.left(created.left.message);
    const { launchUrl } = created.right.data;
    return launchUrl === undefined ? E.left('the API gave no launch URL') : E.right(launchUrl);
  };

  /** parseLaunchResult, then exchangeResultsKey: the two steps of every relying party. */
  const verify = async (input: unknown): Promise<Outcome> => {
    const parsed = parseLaunchResult(input);
    if (E.isLeft(parsed)) return { verified: false, reason: parsed.left.message };
    const result = parsed.right;
    if (!result.success) return { verified: false, reason: result.msg ?? 'failed' };
    const exchanged = await client.sessionsAPI
      .exchangeResultsKey(result.sessionId)
      .exchangeResultsKeyRequest({ resultsAccessKey: result.resultsAccessKey })
      .execute();
    if (E.isLeft(exchanged)) return { verified: false, reason: exchanged.left.message };
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
      case 'POST /api/sessions': {
        const launchUrl = await createLaunchUrl();
        return E.isLeft(launchUrl)
          ? json(502, { error: launchUrl.left })
          : json(200, { launchUrl: launchUrl.right });
      }
      // The page posts what @trinsic/web-ui resolved (or rejected) with.
      case 'POST /api/results':
        return json(200, await verify(await readJson(request).catch(() => undefined)));
      // launchRedirect comes back here: the result is in the query.
      case 'GET /return': {
        const outcome = await verify(url.searchParams);
        const text = outcome.verified
          ? `Verified: ${outcome.name}`
          : `Not verified: ${outcome.reason}`;
        return { status: 200, type: 'text/html', body: resultPage(text) };
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
      ({ status, type, body }) => {
        send(response, status, type, body);
      },
      (error: unknown) => {
        options.log?.(`error: ${error instanceof Error ? error.message : String(error)}`);
        send(response, 500, 'text/plain', 'The example failed');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
