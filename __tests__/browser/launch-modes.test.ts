import { SessionState } from 'trinsic-connect-sdk';
import {
  WEB_UI_OWN_REQUESTS,
  browserTest,
  createLaunch,
  exchangeLaunchResult,
  launchFrame,
  newPage,
  popupOf,
  sessionOf,
  settled,
  textOf,
  useWorld,
} from './support/world.js';

// The three ways @trinsic/web-ui 2.0.1 launches a Session, each against the sandbox's launch page
// in headless Chromium, each ending as a relying party's backend ends: parseLaunchResult, then
// exchangeResultsKey through the SDK, for identity data.

const world = useWorld();

browserTest(world, 'launchIframe: the page posts the result to the parent', async () => {
  const { sessionId, launchUrl } = await createLaunch(world, {
    providers: ['yoti', 'clear'],
    disclosedFields: { givenName: true, familyName: true },
  });
  const page = await newPage(world);
  await page.goto(world.frontend.url);
  await page.evaluate(`window.startIframe(${JSON.stringify(launchUrl)})`);
  const frame = await launchFrame(page);
  expect(new URL(frame.url()).searchParams.get('embed')).toBe('iframe');
  await frame.select('select[name="provider"]', 'clear');
  await frame.click('[data-outcome="success"]');

  const { resolved, value } = await settled(page);
  expect(resolved).toBe(true);
  expect(value).toEqual({
    success: true,
    msg: 'complete',
    sessionId,
    resultsAccessKey: value.resultsAccessKey,
  });
  const exchanged = await exchangeLaunchResult(world, value);
  expect(exchanged.session.state).toBe(SessionState.IdvSuccess);
  expect(exchanged.session.verification).toEqual({ provider: 'clear' });
  expect(exchanged.identityData?.person).toEqual({
    givenName: 'Jane',
    middleName: 'Quinn',
    familyName: 'Sandbox',
    fullName: 'Jane Quinn Sandbox',
    gender: 'Female',
    phoneNumber: '+15555550123',
  });
  // The web UI hid its modal when the message came.
  await page.waitForFunction(
    `document.getElementById('trinsic-ui').getAttribute('aria-hidden') === 'true'`,
  );
});

browserTest(
  world,
  'launchPopup: the page posts the result to its opener, which closes it',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(world.frontend.url);
    await page.evaluate(`window.nextLaunchUrl = ${JSON.stringify(launchUrl)}`);
    const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
    await popup.waitForSelector('[data-outcome="success"]');
    await popup.click('input[name="identity"][value="expired-document"]');
    await popup.click('[data-outcome="success"]');

    const { resolved, value } = await settled(page);
    expect(resolved).toBe(true);
    expect(value).toMatchObject({ success: true, msg: 'complete', sessionId });
    const exchanged = await exchangeLaunchResult(world, value);
    expect(exchanged.identityData?.person?.fullName).toBe('Chris Lapsed Sandbox');
    expect(exchanged.identityData?.document?.type).toBe('Passport');
    // The web UI closes the popup once it has the message.
    if (!popup.isClosed()) await new Promise((resolve) => popup.once('close', resolve));
    expect(popup.isClosed()).toBe(true);
  },
);

browserTest(
  world,
  'launchRedirect: the page sends the browser to the raw redirectUrl with the result',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(world.frontend.url);
    // The relying party's own query stays; launchRedirect appends it unencoded.
    const back = `${world.frontend.url}/done?order=42&lang=en`;
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(`window.startRedirect(${JSON.stringify(launchUrl)}, ${JSON.stringify(back)})`),
    ]);
    expect(page.url()).toBe(`${launchUrl}&redirectUrl=${back}`);
    await page.waitForSelector('[data-outcome="success"]');
    await Promise.all([page.waitForNavigation(), page.click('[data-outcome="success"]')]);

    const returned = new URL(page.url());
    expect(`${returned.origin}${returned.pathname}`).toBe(`${world.frontend.url}/done`);
    expect([...returned.searchParams.keys()]).toEqual([
      'order',
      'lang',
      'success',
      'sessionId',
      'resultsAccessKey',
    ]);
    expect(returned.searchParams.get('sessionId')).toBe(sessionId);
    const exchanged = await exchangeLaunchResult(world, returned);
    expect(exchanged.identityData?.person?.fullName).toBe('Jane Quinn Sandbox');
    expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvSuccess);
  },
);

browserTest(
  world,
  "without a redirectUrl parameter, the Session's own redirectUrl is used",
  async () => {
    const back = `${world.frontend.url}/done?from=session`;
    const { sessionId, launchUrl } = await createLaunch(world, { redirectUrl: back });
    const page = await newPage(world);
    await page.goto(launchUrl);
    await Promise.all([
      page.waitForNavigation(),
      page.click('[data-outcome="SessionFailExpired"]'),
    ]);
    const returned = new URL(page.url());
    expect(returned.search).toBe(`?from=session&success=false&sessionId=${sessionId}`);
  },
);

browserTest(
  world,
  'with nowhere to return to, the page shows the result and the results access key',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(launchUrl);
    await page.click('[data-outcome="success"]');
    await page.waitForSelector('#result:not([hidden])');
    const shown = await textOf(page, '#result');
    expect(shown).toContain('Verified');
    expect(shown).toContain(sessionId);
    const key = await textOf(page, '#result .secret');
    expect(key).toMatch(/^rk_[\w-]{32}$/);
    const exchanged = await exchangeLaunchResult(world, {
      success: true,
      sessionId,
      resultsAccessKey: key,
    });
    expect(exchanged.session.state).toBe(SessionState.IdvSuccess);
    expect(page.url()).toBe(launchUrl);
  },
);

test('no request left loopback but those @trinsic/web-ui makes itself', () => {
  const off = world.proxy.offLoopback();
  expect(off.filter((request) => !WEB_UI_OWN_REQUESTS.some((own) => own === request))).toEqual([]);
  // Both modes that load something of Trinsic's ran, and were seen.
  expect(new Set(off)).toEqual(new Set(WEB_UI_OWN_REQUESTS));
  // Everything else went through the proxy to loopback.
  expect(world.proxy.requests.filter((r) => r.forwarded).length).toBeGreaterThan(10);
});
