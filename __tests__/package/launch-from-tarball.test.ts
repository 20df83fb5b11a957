import { spawn } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { request } from 'undici';
import { launchBrowser } from '../browser/support/chromium.js';
import { startFrontend, type Frontend } from '../browser/support/frontend.js';
import { startRecordingProxy, type RecordingProxy } from '../browser/support/proxy.js';
import {
  WEB_UI_OWN_REQUESTS,
  browserTest,
  launchFrame,
  newPage,
  popupOf,
  settled,
  textOf,
} from '../browser/support/world.js';
import { finished } from '../support/processes.js';
import { cleanEnvironment, installConsumer, type Consumer } from './consumer.js';
import {
  nodeRunning,
  outputMatching,
  startBackend,
  stringField,
  type Backend,
} from './relying-party.js';

// Issue 9's promise, from the packed package installed into a fresh folder as a user installs
// it: a backend there (the tarball's SDK and `startSandbox`) creates Sessions, the real
// @trinsic/web-ui 2.0.1 launches each in headless Chromium (iframe, popup, redirect), a click on
// the sandbox's launch page completes it, and the backend exchanges the result for identity
// data. Then `npx trinsic-connect-sandbox` from the same folder: it serves a Session end to end
// and stops on SIGTERM. Chromium, puppeteer-core and the web UI come from this repository: they
// are the user's browser and frontend, not part of what the user installs.

// What beforeAll makes; afterAll cleans up whatever was made.
const parts: {
  consumer?: Consumer;
  backend?: Backend;
  frontend?: Frontend;
  proxy?: RecordingProxy;
  browser?: Browser;
} = {};

const made = <T>(part: T | undefined, name: string): T => {
  if (part === undefined) throw new Error(`no ${name}: beforeAll did not make it`);
  return part;
};

const world = {
  get consumer(): Consumer {
    return made(parts.consumer, 'consumer');
  },
  get backend(): Backend {
    return made(parts.backend, 'backend');
  },
  get frontend(): Frontend {
    return made(parts.frontend, 'frontend');
  },
  get proxy(): RecordingProxy {
    return made(parts.proxy, 'proxy');
  },
  get browser(): Browser {
    return made(parts.browser, 'browser');
  },
};

beforeAll(async () => {
  [parts.frontend, parts.proxy] = await Promise.all([startFrontend(), startRecordingProxy()]);
  [parts.consumer, parts.browser] = await Promise.all([
    installConsumer(),
    launchBrowser({ proxyUrl: parts.proxy.url }),
  ]);
  parts.backend = await startBackend(parts.consumer, { FRONTEND_ORIGIN: parts.frontend.url });
}, 180_000);

afterAll(async () => {
  await parts.browser?.close();
  await parts.backend?.stop();
  await Promise.all([parts.frontend?.close(), parts.proxy?.close()]);
  parts.consumer?.remove();
});

// Each test starts from the browser's first tab alone.
afterEach(async () => {
  const pages = (await parts.browser?.pages()) ?? [];
  await Promise.all(pages.slice(1).map((page) => page.close()));
});

/** Creates a Session through the backend (the tarball's SDK): its id and launch URL. */
const createLaunch = async (
  on: Backend,
  body: Record<string, unknown> = {},
): Promise<{ sessionId: string; launchUrl: string }> => {
  const created = await on.post('/sessions', body);
  const launchUrl = stringField(created, 'launchUrl');
  // The launch page is the installed sandbox's.
  expect(launchUrl.startsWith(`${on.sandboxUrl}/`)).toBe(true);
  return { sessionId: stringField(created, 'sessionId'), launchUrl };
};

const exchange = (on: Backend, launchResult: unknown): Promise<unknown> =>
  on.post('/results', { launchResult });

test('the backend loaded the SDK and startSandbox from the installed tarball', () => {
  const installed = join(realpathSync(world.consumer.dir), 'node_modules', 'trinsic-connect-sdk');
  // npm unpacked the tarball there: a copy, not a link back to this repository.
  expect(lstatSync(installed).isSymbolicLink()).toBe(false);
  expect(world.backend.modules).toEqual({
    sdk: join(installed, 'dist', 'index.js'),
    sandbox: join(installed, 'dist', 'sandbox', 'index.js'),
  });
  expect(world.backend.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

browserTest(world, 'launchIframe: completed in the iframe, exchanged by the backend', async () => {
  const { sessionId, launchUrl } = await createLaunch(world.backend, {
    providers: ['yoti', 'clear'],
    disclosedFields: { givenName: true, familyName: true },
  });
  const page = await newPage(world);
  await page.goto(world.frontend.url);
  await page.evaluate(`window.startIframe(${JSON.stringify(launchUrl)})`);
  const frame = await launchFrame(page);
  await frame.select('select[name="provider"]', 'clear');
  await frame.click('[data-outcome="success"]');

  const { resolved, value } = await settled(page);
  expect(resolved).toBe(true);
  expect(value).toMatchObject({ success: true, sessionId });
  expect(await exchange(world.backend, value)).toEqual({
    sessionId,
    state: 'IdvSuccess',
    provider: 'clear',
    fullName: 'Jane Quinn Sandbox',
    documentType: 'DriversLicense',
  });
});

browserTest(world, 'launchPopup: completed in the popup, exchanged by the backend', async () => {
  const { sessionId, launchUrl } = await createLaunch(world.backend);
  const page = await newPage(world);
  await page.goto(world.frontend.url);
  await page.evaluate(`window.nextLaunchUrl = ${JSON.stringify(launchUrl)}`);
  const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
  await popup.waitForSelector('[data-outcome="success"]');
  await popup.click('input[name="identity"][value="expired-document"]');
  await popup.click('[data-outcome="success"]');

  const { resolved, value } = await settled(page);
  expect(resolved).toBe(true);
  expect(value).toMatchObject({ success: true, sessionId });
  expect(await exchange(world.backend, value)).toMatchObject({
    sessionId,
    state: 'IdvSuccess',
    fullName: 'Chris Lapsed Sandbox',
    documentType: 'Passport',
  });
});

browserTest(world, 'launchRedirect: back at redirectUrl, exchanged by the backend', async () => {
  const { sessionId, launchUrl } = await createLaunch(world.backend);
  const page = await newPage(world);
  await page.goto(world.frontend.url);
  const back = `${world.frontend.url}/done?order=42`;
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(`window.startRedirect(${JSON.stringify(launchUrl)}, ${JSON.stringify(back)})`),
  ]);
  await page.waitForSelector('[data-outcome="success"]');
  await Promise.all([page.waitForNavigation(), page.click('[data-outcome="success"]')]);

  const returned = page.url();
  expect(returned.startsWith(`${back}&success=true&sessionId=${sessionId}&`)).toBe(true);
  // The backend reads the URL it was sent back to, as its redirect handler would.
  expect(await exchange(world.backend, returned)).toMatchObject({
    sessionId,
    state: 'IdvSuccess',
    fullName: 'Jane Quinn Sandbox',
  });
});

browserTest(
  world,
  'npx trinsic-connect-sandbox serves a Session end to end and stops on SIGTERM with exit 0',
  async () => {
    const apiKey = 'sk_test_from_the_tarball';
    // In a process group of its own, so that nothing of it outlives the test.
    const npx = spawn('npx', ['trinsic-connect-sandbox', '--port', '0', '--api-key', apiKey], {
      cwd: world.consumer.dir,
      env: { ...cleanEnvironment(), npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exit = finished(npx, 60_000);
    try {
      const banner = /URL: +(http:\/\/127\.0\.0\.1:\d+)\n +API key: +(\S+)\n/;
      const [, url = '', printedKey] = await outputMatching(npx, banner, 30_000);
      expect(printedKey).toBe(apiKey);

      // A backend of the fresh project pointed at it as the banner says; a Session completed on
      // its launch page with nowhere to return to, then exchanged with the key it shows.
      const remote = await startBackend(world.consumer, {
        TRINSIC_BASE_URL: url,
        TRINSIC_API_KEY: apiKey,
      });
      try {
        const { sessionId, launchUrl } = await createLaunch(remote);
        const page = await newPage(world);
        await page.goto(launchUrl);
        await page.click('[data-outcome="success"]');
        await page.waitForSelector('#result:not([hidden])');
        const resultsAccessKey = await textOf(page, '#result .secret');
        expect(
          await exchange(remote, { success: true, sessionId, resultsAccessKey }),
        ).toMatchObject({ sessionId, state: 'IdvSuccess', fullName: 'Jane Quinn Sandbox' });
      } finally {
        await remote.stop();
      }

      // The server itself is signalled, as a service manager does. Not npx: npm passes a signal
      // on to `sh -c`, which dies without passing it to the server, and npm then re-raises it
      // on itself, so npx's own exit would say 143, whatever the server did.
      const server = nodeRunning(npx.pid!, '/node_modules/.bin/trinsic-connect-sandbox');
      expect(server).toBeDefined();
      process.kill(server!, 'SIGTERM');
      const { code, signal, stdout, stderr } = await exit;
      expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
      expect(stdout).toMatch(/^POST \/api\/v1\/sessions → 200 /m);
      expect(stdout).toMatch(/^POST \/api\/v1\/sessions\/\{sessionId\}\/results\/exchange → 200 /m);
      expect(stdout).toContain('SIGTERM: stopping the sandbox');
      // Its port is closed.
      await expect(request(url)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      if (npx.exitCode === null && npx.signalCode === null && npx.pid !== undefined) {
        process.kill(-npx.pid, 'SIGKILL');
      }
    }
  },
  60_000,
);

test('no request left loopback but those @trinsic/web-ui makes itself', () => {
  const off = world.proxy.offLoopback();
  expect(off.filter((request) => !WEB_UI_OWN_REQUESTS.some((own) => own === request))).toEqual([]);
  expect(world.proxy.requests.filter((r) => r.forwarded).length).toBeGreaterThan(10);
});
