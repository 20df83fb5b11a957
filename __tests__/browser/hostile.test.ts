import type { Page } from 'puppeteer-core';
import { SessionState } from 'trinsic-connect-sdk';
import {
  WEB_UI_OWN_REQUESTS,
  browserTest,
  createLaunch,
  newPage,
  propertiesOf,
  sessionOf,
  textOf,
  useWorld,
} from './support/world.js';

// Hostile values reach the launch page from three places: the redirectUrl parameter (anyone can
// edit a URL), the Session's redirectUrl (checked only to parse as a URL), and what the page
// posts back (a person can edit the page). None may run, navigate, or render as markup. The
// sandbox declares the frontend's origin, so the redirects below that are followed go there.

const world = useWorld();

/** Fails the test on any dialog (alert, confirm…) the page opens: the payloads below all try. */
const watchDialogs = (page: Page): string[] => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
};

const REFUSED_TARGETS = [
  ['javascript:alert(document.domain)', 'is a "javascript:" URL'],
  ['JaVaScRiPt:alert(1)//https://ok.example', 'is a "javascript:" URL'],
  ['data:text/html,<script>alert(1)</script>', 'is a "data:" URL'],
  ['//evil.example/steal', 'is not an absolute URL'],
] as const;

for (const [target, why] of REFUSED_TARGETS) {
  browserTest(world, `redirectUrl=${target} is refused, shown why, never followed`, async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    const dialogs = watchDialogs(page);
    const opened = `${launchUrl}&redirectUrl=${target}`;
    await page.goto(opened);
    // Said before the person acts, who then cannot act: a key would have nowhere to go.
    expect(await textOf(page, '#notice')).toContain(`The redirectUrl parameter ${why}`);
    expect(await textOf(page, '#destination')).toBe('The result will not be sent anywhere.');
    expect(await propertiesOf(page, '[data-outcome="success"]', 'disabled')).toEqual([true]);
    expect(page.url()).toBe(new URL(opened).href);
    expect(dialogs).toEqual([]);
    expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvInitiated);
  });
}

browserTest(
  world,
  "markup in the Session's redirectUrl stays data, and is followed as a URL",
  async () => {
    const redirectUrl = `${world.frontend.url}/done?q="></script><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const { sessionId, launchUrl } = await createLaunch(world, { redirectUrl });
    const page = await newPage(world);
    const dialogs = watchDialogs(page);
    await page.goto(launchUrl);
    // Only the page's own two scripts; no image at all.
    expect(await page.$$('script')).toHaveLength(2);
    expect(await page.$$('img')).toHaveLength(0);
    await Promise.all([page.waitForNavigation(), page.click('[data-outcome="success"]')]);
    const returned = new URL(page.url());
    expect(returned.searchParams.get('q')).toBe(
      '"></script><script>alert(1)</script><img src=x onerror=alert(2)>',
    );
    expect(returned.searchParams.get('sessionId')).toBe(sessionId);
    expect(dialogs).toEqual([]);
  },
);

browserTest(
  world,
  'markup in the redirectUrl parameter: followed as a URL, never run',
  async () => {
    const { launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    const dialogs = watchDialogs(page);
    await page.goto(
      `${launchUrl}&redirectUrl=${world.frontend.url}/done?x="><svg onload=alert(1)>`,
    );
    expect(await propertiesOf(page, '#notice', 'hidden')).toEqual([true]);
    await Promise.all([
      page.waitForNavigation(),
      page.click('[data-outcome="SessionFailAuthentication"]'),
    ]);
    expect(new URL(page.url()).searchParams.get('x')).toBe('"><svg onload=alert(1)>');
    expect(new URL(page.url()).searchParams.get('success')).toBe('false');
    expect(dialogs).toEqual([]);
  },
);

browserTest(world, 'markup posted back as a provider name is shown as text', async () => {
  const { sessionId, launchUrl } = await createLaunch(world, { providers: ['yoti', 'clear'] });
  const page = await newPage(world);
  const dialogs = watchDialogs(page);
  await page.goto(launchUrl);
  const hostile = '<img src=x onerror=alert(1)><b>bold</b>';
  // A person edits the page: a provider the Session never offered, made of markup.
  await page.evaluate(`(function () {
    var option = document.createElement('option');
    option.value = ${JSON.stringify(hostile)};
    option.textContent = 'tampered';
    var select = document.querySelector('select[name="provider"]');
    select.appendChild(option);
    select.value = option.value;
  })()`);
  await page.click('[data-outcome="success"]');
  await page.waitForSelector('#result:not([hidden])');
  expect(await textOf(page, '#result')).toContain(
    `The Session does not allow the provider ${hostile}`,
  );
  expect(await page.$$('#result img, #result b')).toHaveLength(0);
  expect(dialogs).toEqual([]);
  // Refused, so the person may choose again: the Session is still open.
  expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvInitiated);
  expect(await propertiesOf(page, '[data-outcome="success"]', 'disabled')).toEqual([false]);
});

browserTest(
  world,
  "the page's CSP stops injected script and any request off its origin",
  async () => {
    const { launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(launchUrl);
    const outcome = await page.evaluate(`(async function () {
    document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.ran = 1"><script>window.ran = 2</script>');
    var fetched;
    try { await fetch(${JSON.stringify(world.frontend.url)}); fetched = 'sent'; } catch (e) { fetched = 'blocked'; }
    await new Promise(function (resolve) { setTimeout(resolve, 50); });
    return { ran: window.ran === undefined ? 'no' : 'yes', fetched: fetched };
  })()`);
    expect(outcome).toEqual({ ran: 'no', fetched: 'blocked' });
  },
);

test('no request left loopback but those @trinsic/web-ui makes itself', () => {
  const off = world.proxy.offLoopback();
  expect(off.filter((request) => !WEB_UI_OWN_REQUESTS.some((own) => own === request))).toEqual([]);
});
