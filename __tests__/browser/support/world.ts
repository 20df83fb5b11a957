import { isLeft } from 'fp-ts/lib/Either.js';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'puppeteer-core';
import {
  APIClient,
  Configuration,
  parseLaunchResult,
  type CreateSessionRequest,
  type ExchangeResultsKeyResponse,
  type Session,
} from 'trinsic-connect-sdk';
import { startSandbox, type Sandbox } from 'trinsic-connect-sdk/sandbox';
import { launchBrowser } from './chromium.js';
import { startFrontend, type Frontend } from './frontend.js';
import { startRecordingProxy, type RecordingProxy } from './proxy.js';

// What every browser test file shares: a sandbox, an SDK client for it (strict), a relying
// party's frontend on another loopback origin (the one origin the sandbox is told results may go
// to), an attacker's page on a third origin (declared nowhere), the recording proxy, and one
// Chromium for the whole file (launched in beforeAll). A test that fails leaves a screenshot of
// every open page.

interface World {
  readonly sandbox: Sandbox;
  readonly client: APIClient;
  readonly frontend: Frontend;
  /** A site the relying party never declared: it must never get a result. */
  readonly attacker: Frontend;
  readonly proxy: RecordingProxy;
  readonly browser: Browser;
}

/** The requests @trinsic/web-ui 2.0.1 makes itself: its iframe stylesheet, its popup's first page. */
export const WEB_UI_OWN_REQUESTS = [
  'CONNECT content.trinsic.id:443',
  'CONNECT api.trinsic.id:443',
] as const;

const FAILURES = fileURLToPath(new URL('../failures/', import.meta.url));

export const useWorld = (): World => {
  let world: World | undefined;
  beforeAll(async () => {
    const [frontend, attacker, proxy] = await Promise.all([
      startFrontend(),
      startFrontend(),
      startRecordingProxy(),
    ]);
    const sandbox = await startSandbox({ allowedOrigins: [frontend.url] });
    const client = new APIClient(
      new Configuration({
        basePath: sandbox.url,
        accessToken: sandbox.apiKey,
        strict: true,
        maxRetries: 0,
      }),
    );
    world = {
      sandbox,
      client,
      frontend,
      attacker,
      proxy,
      browser: await launchBrowser({ proxyUrl: proxy.url }),
    };
  }, 60_000);
  afterAll(async () => {
    await world?.browser.close();
    await Promise.all([
      world?.sandbox.stop(),
      world?.frontend.close(),
      world?.attacker.close(),
      world?.proxy.close(),
    ]);
  });
  // Each test starts from the browser's first tab alone.
  afterEach(async () => {
    const pages = (await world?.browser.pages()) ?? [];
    await Promise.all(pages.slice(1).map((page) => page.close()));
  });
  const current = (): World => {
    if (world === undefined) throw new Error('the world is used outside a test');
    return world;
  };
  return {
    get sandbox() {
      return current().sandbox;
    },
    get client() {
      return current().client;
    },
    get frontend() {
      return current().frontend;
    },
    get attacker() {
      return current().attacker;
    },
    get proxy() {
      return current().proxy;
    },
    get browser() {
      return current().browser;
    },
  };
};

const fileName = (text: string): string => text.replace(/[^\w-]+/g, '-').slice(0, 80);

/**
 * A test in the browser: on failure, every open page (popups included) is saved as a PNG under
 * __tests__/browser/failures/ (git-ignored) before the failure is reported.
 */
export const browserTest = (
  world: Pick<World, 'browser'>,
  name: string,
  body: () => Promise<void>,
  // Generous: the whole suite runs beside other Jest workers on two cores, and a browser step
  // that waits on a loaded machine is slow, not stuck.
  timeoutMs = 60_000,
): void => {
  test(
    name,
    async () => {
      try {
        await body();
      } catch (error) {
        mkdirSync(FAILURES, { recursive: true });
        const pages = await world.browser.pages();
        await Promise.all(
          pages.map((page, i) =>
            page
              .screenshot({
                path: `${FAILURES}${fileName(expect.getState().currentTestName ?? name)}-${i}.png`,
              })
              .catch(() => undefined),
          ),
        );
        throw error;
      }
    },
    timeoutMs,
  );
};

/** A new tab of its own, 1000 px wide. */
export const newPage = async (world: Pick<World, 'browser'>): Promise<Page> => {
  const page = await world.browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  page.setDefaultTimeout(45_000);
  return page;
};

/** Creates a Session through the SDK; its id and launch URL. */
export const createLaunch = async (
  world: World,
  request: CreateSessionRequest = {},
): Promise<{ sessionId: string; launchUrl: string }> => {
  const created = await world.client.sessionsAPI
    .createSession()
    .createSessionRequest(request)
    .execute();
  if (isLeft(created)) throw new Error(created.left.message);
  const { session, launchUrl } = created.right.data;
  if (launchUrl === undefined) throw new Error('no launch URL');
  return { sessionId: session.id, launchUrl };
};

/** What the backend does with a launch result: parse it, then exchange the key through the SDK. */
export const exchangeLaunchResult = async (
  world: World,
  input: unknown,
): Promise<ExchangeResultsKeyResponse> => {
  const parsed = parseLaunchResult(input);
  if (isLeft(parsed)) throw new Error(parsed.left.message);
  const result = parsed.right;
  if (!result.success) throw new Error(`the launch failed: ${JSON.stringify(result)}`);
  const exchanged = await world.client.sessionsAPI
    .exchangeResultsKey(result.sessionId)
    .exchangeResultsKeyRequest({ resultsAccessKey: result.resultsAccessKey })
    .execute();
  if (isLeft(exchanged)) throw new Error(exchanged.left.message);
  return exchanged.right.data;
};

export const sessionOf = async (world: World, sessionId: string): Promise<Session> => {
  const got = await world.client.sessionsAPI.getSession(sessionId).execute();
  if (isLeft(got)) throw new Error(got.left.message);
  return got.right.data.session;
};

/** The launch page inside the web UI's iframe, once its controls are there. */
export const launchFrame = async (page: Page): Promise<Frame> => {
  const iframe = await page.waitForSelector('#trinsic-ui iframe');
  const frame = await iframe?.contentFrame();
  if (frame === undefined) throw new Error('no launch iframe');
  await frame.waitForSelector('[data-outcome="success"]');
  return frame;
};

/** What the web UI's promise settled with, on the relying party's page. */
interface Settled {
  readonly resolved: boolean;
  readonly value: Record<string, unknown>;
}

export const settled = async (page: Page): Promise<Settled> => {
  await page.waitForFunction('window.launchResults.length > 0');
  const [first] = await page.evaluate<[], () => Settled[]>('window.launchResults');
  if (first === undefined) throw new Error('nothing settled');
  return first;
};

/** The next popup the page opens. */
export const popupOf = (page: Page): Promise<Page> =>
  new Promise((resolve) => {
    page.once('popup', (popup) => {
      if (popup === null) return;
      popup.setDefaultTimeout(45_000);
      resolve(popup);
    });
  });

// The DOM is read with expressions evaluated in the page: the project compiles without the DOM
// library, so element callbacks would be untyped.

/** The text of the first element matching `selector` ('' when there is none). */
export const textOf = async (context: Page | Frame, selector: string): Promise<string> => {
  const text = await context.evaluate(
    `(function (e) { return e ? e.textContent : ''; })(document.querySelector(${JSON.stringify(selector)}))`,
  );
  return typeof text === 'string' ? text : '';
};

/** A property (`hidden`, `disabled` …) of each element matching `selector`. */
export const propertiesOf = (
  context: Page | Frame,
  selector: string,
  property: string,
): Promise<unknown> =>
  context.evaluate(
    `Array.prototype.map.call(document.querySelectorAll(${JSON.stringify(selector)}), function (e) { return e[${JSON.stringify(property)}]; })`,
  );
