import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLeft } from 'fp-ts/lib/Either.js';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { startSandbox } from 'trinsic-connect-sdk/sandbox';
import { launchBrowser } from '../__tests__/browser/support/chromium.js';

// `npm run screenshot`: docs/launch-page.png from the real launch page, as a person sees it on a
// phone: a sandbox, a Session created through the SDK, its launch URL in headless Chromium.
// `-- --width 1000 --out docs/other.png` for another width or file.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    width: { type: 'string', default: '420' },
    out: { type: 'string', default: join(ROOT, 'docs', 'launch-page.png') },
  },
});

const width = Number(values.width);
if (!Number.isInteger(width) || width < 280 || width > 2000) {
  throw new Error(`--width must be a whole number of pixels from 280 to 2000`);
}

const sandbox = await startSandbox();
const browser = await launchBrowser();
try {
  const client = new APIClient(
    new Configuration({ basePath: sandbox.url, accessToken: sandbox.apiKey }),
  );
  const created = await client.sessionsAPI
    .createSession()
    .createSessionRequest({
      providers: ['yoti', 'clear', 'mdl'],
      disclosedFields: { givenName: true, familyName: true, dateOfBirth: true, address: true },
    })
    .execute();
  if (isLeft(created)) throw new Error(created.left.message);
  const launchUrl = created.right.data.launchUrl;
  if (launchUrl === undefined) throw new Error('the sandbox gave no launch URL');

  const page = await browser.newPage();
  await page.setViewport({ width, height: 800, deviceScaleFactor: 2 });
  await page.goto(launchUrl, { waitUntil: 'load' });
  // The first control focused by keyboard, so the picture shows the focus ring too.
  await page.focus('[data-outcome="success"]');
  mkdirSync(dirname(values.out), { recursive: true });
  await page.screenshot({ path: values.out, fullPage: true });
  process.stdout.write(`wrote ${values.out} (${width} px wide, from ${sandbox.url})\n`);
} finally {
  await browser.close();
  await sandbox.stop();
}
