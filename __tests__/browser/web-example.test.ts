import type { ChildProcess } from 'node:child_process';
import type { Page } from 'puppeteer-core';
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
// name the backend got by exchanging the key. The world's own sandbox is not used here.

const world = useWorld();

let child: ChildProcess;
let exit: Promise<Finished>;
let exampleUrl = '';

beforeAll(async () => {
  child = spawnTsx('examples/web/server.ts', ['--port', '0'], cleanEnv());
  exit = finished(child, 120_000);
  exampleUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /Open (http:\/\/127\.0\.0\.1:\d+) /.exec(stdout)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.on('exit', (code) => {
      reject(new Error(`the example exited (${String(code)}) before it was ready: ${stdout}`));
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

browserTest(world, 'iframe: verified, and the backend shows the name', async () => {
  const page = await newPage(world);
  await page.goto(exampleUrl);
  await page.click('#iframe');
  const frame = await launchFrame(page);
  // The page styles the web UI's modal itself (Trinsic's stylesheet is not reachable offline).
  const box = await (await page.$('#trinsic-ui iframe'))?.boundingBox();
  expect(box?.height).toBeGreaterThan(500);
  await frame.click('[data-outcome="success"]');
  expect(await outcome(page)).toBe('Verified: Jane Quinn Sandbox');
});

browserTest(world, 'popup: verified as the person under 18', async () => {
  const page = await newPage(world);
  await page.goto(exampleUrl);
  const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
  await popup.waitForSelector('[data-outcome="success"]');
  await popup.click('input[name="identity"][value="minor"]');
  await popup.click('[data-outcome="success"]');
  expect(await outcome(page)).toBe('Verified: Sam Young Sandbox');
});

browserTest(world, 'redirect: back to /return, where the backend shows the name', async () => {
  const page = await newPage(world);
  await page.goto(exampleUrl);
  await Promise.all([page.waitForNavigation(), page.click('#redirect')]);
  await page.waitForSelector('[data-outcome="success"]');
  await Promise.all([page.waitForNavigation(), page.click('[data-outcome="success"]')]);
  expect(new URL(page.url()).pathname).toBe('/return');
  expect(await textOf(page, '#outcome')).toBe('Verified: Jane Quinn Sandbox');
});

browserTest(world, 'a failure in the iframe: not verified, with the reason', async () => {
  const page = await newPage(world);
  await page.goto(exampleUrl);
  await page.click('#iframe');
  const frame = await launchFrame(page);
  await frame.click('[data-outcome="SessionFailVerificationFailed"]');
  expect(await outcome(page)).toBe('Not verified: failed');
});

test('the example logged no results access key, and stops with exit code 0', async () => {
  child.kill('SIGTERM');
  const { code, stdout, stderr } = await exit;
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toContain('POST /api/results');
  expect(stdout).toContain('GET /return');
  expect(stdout).not.toMatch(/rk_|resultsAccessKey|clientToken/);
  const off = world.proxy.offLoopback();
  expect(off.filter((request) => !WEB_UI_OWN_REQUESTS.some((own) => own === request))).toEqual([]);
});
