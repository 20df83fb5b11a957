import type { ChildProcess } from 'node:child_process';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { cleanEnv, finished, spawnTsx, type Finished } from '../support/processes.js';
import {
  WEB_UI_OWN_REQUESTS,
  browserTest,
  launchFrame,
  newPage,
  popupOf,
  textOf,
  useWorld,
} from './support/world.js';

// `npm run example:web` clicked through as a person would: the example's own program (its backend
// with a sandbox it starts itself), its page with @trinsic/web-ui, each launch mode, the verified
// name the backend got by exchanging the key. The world's own sandbox is not used here. Then the
// attack the example must stand: another browser (the attacker's, with its own cookie and even
// its own verification) submits a visitor's valid, unexchanged result, in each mode; it gets
// nothing, and the visitor's own flow still succeeds.

const world = useWorld();

let child: ChildProcess;
let exit: Promise<Finished>;
let exampleUrl = '';
let output = '';

beforeAll(async () => {
  child = spawnTsx('examples/web/server.ts', ['--port', '0'], cleanEnv());
  exit = finished(child, 120_000);
  exampleUrl = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /Open (http:\/\/127\.0\.0\.1:\d+) /.exec(output)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.on('exit', (code) => {
      reject(new Error(`the example exited (${String(code)}) before it was ready: ${output}`));
    });
  });
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await exit.catch(() => undefined);
});

const outcome = async (page: Page): Promise<string> => {
  await page.waitForFunction(
    `/^(Verified|Not verified|Error)/.test(document.getElementById('outcome').textContent)`,
  );
  return textOf(page, '#outcome');
};

/** Opens the example and starts a verification: one Session, for this browser. */
const started = async (page: Page): Promise<Page> => {
  await page.goto(exampleUrl);
  await page.click('#start');
  await page.waitForFunction(`!document.getElementById('iframe').disabled`);
  return page;
};

/** How many Sessions the example has created so far (its log has one line per creation). */
const sessionsCreated = (): number => output.match(/^POST \/api\/sessions$/gm)?.length ?? 0;

browserTest(world, 'a Session is created per attempt, not per page load', async () => {
  const before = sessionsCreated();
  const page = await newPage(world);
  await page.goto(exampleUrl);
  await page.reload();
  await page.waitForSelector('#start');
  expect(await page.$$('#iframe:disabled, #popup:disabled, #redirect:disabled')).toHaveLength(3);
  expect(sessionsCreated()).toBe(before);
  await started(page);
  await page.waitForFunction(`/^Started/.test(document.getElementById('outcome').textContent)`);
  expect(sessionsCreated()).toBe(before + 1);
});

browserTest(world, 'iframe: verified, and the backend shows the name', async () => {
  const page = await started(await newPage(world));
  await page.click('#iframe');
  const frame = await launchFrame(page);
  // The page styles the web UI's modal itself (Trinsic's stylesheet is not reachable offline).
  const box = await (await page.$('#trinsic-ui iframe'))?.boundingBox();
  expect(box?.height).toBeGreaterThan(500);
  await frame.click('[data-outcome="success"]');
  expect(await outcome(page)).toBe('Verified: Jane Quinn Sandbox');
});

browserTest(world, 'popup: verified as the person under 18', async () => {
  const page = await started(await newPage(world));
  const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
  await popup.waitForSelector('[data-outcome="success"]');
  await popup.click('input[name="identity"][value="minor"]');
  await popup.click('[data-outcome="success"]');
  expect(await outcome(page)).toBe('Verified: Sam Young Sandbox');
});

browserTest(world, 'redirect: back to /return, where the backend shows the name', async () => {
  const page = await started(await newPage(world));
  await Promise.all([page.waitForNavigation(), page.click('#redirect')]);
  await page.waitForSelector('[data-outcome="success"]');
  await Promise.all([page.waitForNavigation(), page.click('[data-outcome="success"]')]);
  expect(new URL(page.url()).pathname).toBe('/return');
  expect(await textOf(page, '#outcome')).toBe('Verified: Jane Quinn Sandbox');
});

browserTest(world, 'a failure in the iframe: not verified, with the reason', async () => {
  const page = await started(await newPage(world));
  await page.click('#iframe');
  const frame = await launchFrame(page);
  await frame.click('[data-outcome="SessionFailVerificationFailed"]');
  expect(await outcome(page)).toBe('Not verified: failed');
});

/** Holds back the next navigation of `page` to `path`: it never reaches the backend. */
const holdBackNavigation = async (
  page: Page,
  path: string,
): Promise<{ readonly url: Promise<string> }> => {
  await page.setRequestInterception(true);
  const url = new Promise<string>((resolve) => {
    const hold = (request: HTTPRequest): void => {
      if (request.isInterceptResolutionHandled()) return;
      if (new URL(request.url()).pathname !== path) {
        void request.continue();
        return;
      }
      // Once: the visitor's own visit to the same URL later goes through.
      page.off('request', hold);
      void request
        .abort()
        .then(() => page.setRequestInterception(false))
        .then(() => {
          resolve(request.url());
        });
    };
    page.on('request', hold);
  });
  return { url };
};

/** Keeps what the example's page would post to /api/results in `window.stolen`, unsent. */
const holdBackResult = (page: Page): Promise<unknown> =>
  page.evaluate(`window.fetch = (function (send) {
    window.sendUnheld = send;
    return function (url, init) {
      if (url !== '/api/results') return send.apply(this, arguments);
      window.stolen = init.body;
      return new Promise(function () {});
    };
  })(window.fetch)`);

const stolenResult = async (page: Page): Promise<string> => {
  await page.waitForFunction('typeof window.stolen === "string"');
  const stolen: unknown = await page.evaluate('window.stolen');
  return typeof stolen === 'string' ? stolen : '';
};

/** Posts a result as the example's page does, from `page`: the backend's status and answer. */
const postResult = (page: Page, body: string): Promise<unknown> =>
  page.evaluate(`(window.sendUnheld || fetch)('/api/results', { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} })
    .then(function (r) { return r.json().then(function (json) { return { status: r.status, json: json }; }); })`);

const NOT_YOURS = {
  status: 403,
  json: {
    verified: false,
    status: 403,
    reason:
      'this result is for a verification this browser did not start here; it was refused and nothing was exchanged',
  },
};

/** The attacker's browser: its own cookies, and a verification of its own under way. */
const attackerPage = async (): Promise<Page> => {
  const context = await world.browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(45_000);
  return started(page);
};

for (const mode of ['iframe', 'popup'] as const) {
  browserTest(
    world,
    `${mode}: another browser that submits the visitor's result gets nothing; the visitor does`,
    async () => {
      const page = await started(await newPage(world));
      await holdBackResult(page);
      if (mode === 'iframe') {
        await page.click('#iframe');
        await (await launchFrame(page)).click('[data-outcome="success"]');
      } else {
        const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
        await popup.waitForSelector('[data-outcome="success"]');
        await popup.click('[data-outcome="success"]');
      }
      const stolen = await stolenResult(page);
      expect(JSON.parse(stolen)).toMatchObject({ success: true, msg: 'complete' });

      const attacker = await attackerPage();
      try {
        expect(await postResult(attacker, stolen)).toEqual(NOT_YOURS);
      } finally {
        await attacker.browserContext().close();
      }
      expect(await postResult(page, stolen)).toEqual({
        status: 200,
        json: { verified: true, name: 'Jane Quinn Sandbox' },
      });
    },
  );
}

browserTest(
  world,
  "redirect: another browser that opens the visitor's /return gets a refusal page; the visitor is verified",
  async () => {
    const page = await started(await newPage(world));
    await Promise.all([page.waitForNavigation(), page.click('#redirect')]);
    await page.waitForSelector('[data-outcome="success"]');
    const held = await holdBackNavigation(page, '/return');
    await page.click('[data-outcome="success"]');
    const stolen = await held.url;
    expect(new URL(stolen).searchParams.get('resultsAccessKey')).toMatch(/^rk_/);

    // Without a verification of its own, and with one: refused either way, with a clear page.
    const context = await world.browser.createBrowserContext();
    try {
      const fresh = await context.newPage();
      const answer = await fresh.goto(stolen);
      expect(answer?.status()).toBe(403);
      expect(await textOf(fresh, '#outcome')).toBe(
        'Not verified: no verification was started in this browser (or it has ended): start one here first',
      );
      await started(fresh);
      const again = await fresh.goto(stolen);
      expect(again?.status()).toBe(403);
      expect(await textOf(fresh, '#outcome')).toBe(`Not verified: ${NOT_YOURS.json.reason}`);
    } finally {
      await context.close();
    }
    await page.goto(stolen);
    expect(await textOf(page, '#outcome')).toBe('Verified: Jane Quinn Sandbox');
    // Exchanged once: the same result again verifies no one, the visitor included.
    await page.goto(stolen);
    expect(await textOf(page, '#outcome')).toBe(
      'Not verified: no verification was started in this browser (or it has ended): start one here first',
    );
  },
);

test('the example logged no results access key, and stops with exit code 0', async () => {
  child.kill('SIGTERM');
  const { code, stdout, stderr } = await exit;
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toContain('POST /api/results');
  expect(stdout).toContain('GET /return');
  expect(stdout).not.toMatch(/rk_|resultsAccessKey|clientToken|rp_visitor/);
  const off = world.proxy.offLoopback();
  expect(off.filter((request) => !WEB_UI_OWN_REQUESTS.some((own) => own === request))).toEqual([]);
});
