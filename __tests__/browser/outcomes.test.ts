import { SessionFailCode, SessionState } from 'trinsic-connect-sdk';
import {
  browserTest,
  createLaunch,
  launchFrame,
  newPage,
  popupOf,
  propertiesOf,
  sessionOf,
  settled,
  textOf,
  useWorld,
} from './support/world.js';

// Every way a person can end the launch page other than success, as the frontend sees it through
// @trinsic/web-ui and as the backend sees the Session afterwards; a finished Session's page; and
// the page used by keyboard alone, at phone width.

const world = useWorld();

const USER_FAILURES = [
  SessionFailCode.SessionFailUserCanceled,
  SessionFailCode.SessionFailAuthentication,
  SessionFailCode.SessionFailVerificationFailed,
  SessionFailCode.SessionFailExpired,
] as const;

for (const code of USER_FAILURES) {
  browserTest(
    world,
    `${code}: launchIframe rejects with the failure; the Session fails with it`,
    async () => {
      const { sessionId, launchUrl } = await createLaunch(world);
      const page = await newPage(world);
      await page.goto(world.frontend.url);
      await page.evaluate(`window.startIframe(${JSON.stringify(launchUrl)})`);
      const frame = await launchFrame(page);
      await frame.click(`[data-outcome="${code}"]`);
      const { resolved, value } = await settled(page);
      expect(resolved).toBe(false);
      expect(value).toEqual({ success: false, msg: 'failed', sessionId });
      const session = await sessionOf(world, sessionId);
      expect({ state: session.state, failCode: session.failCode }).toEqual({
        state: SessionState.IdvFailed,
        failCode: code,
      });
      // The message went to the embedding page's origin only.
      expect(await textOf(frame, '#result .note')).toBe(
        `Sent to the page that embeds this one (${world.frontend.url}).`,
      );
    },
  );
}

browserTest(
  world,
  'closing the iframe: rejected with user-closed; the Session stays open',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(world.frontend.url);
    await page.evaluate(`window.startIframe(${JSON.stringify(launchUrl)})`);
    const frame = await launchFrame(page);
    await frame.click('[data-action="close"]');
    const { resolved, value } = await settled(page);
    expect(resolved).toBe(false);
    expect(value).toEqual({ success: false, msg: 'user-closed', sessionId });
    expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvInitiated);
  },
);

browserTest(world, 'closing the popup: rejected with user-closed, the popup closed', async () => {
  const { sessionId, launchUrl } = await createLaunch(world);
  const page = await newPage(world);
  await page.goto(world.frontend.url);
  await page.evaluate(`window.nextLaunchUrl = ${JSON.stringify(launchUrl)}`);
  const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
  await popup.waitForSelector('[data-action="close"]');
  // The opener's origin is what the page posts to.
  expect(await popup.evaluate('document.referrer')).toBe(`${world.frontend.url}/`);
  await popup.click('[data-action="close"]');
  const { resolved, value } = await settled(page);
  expect({ resolved, value }).toEqual({
    resolved: false,
    value: { success: false, msg: 'user-closed', sessionId },
  });
  if (!popup.isClosed()) await new Promise((resolve) => popup.once('close', resolve));
});

browserTest(
  world,
  'closing after launchRedirect: back to the redirectUrl with success=false',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(`${launchUrl}&redirectUrl=${world.frontend.url}/done`);
    await Promise.all([page.waitForNavigation(), page.click('[data-action="close"]')]);
    expect(page.url()).toBe(`${world.frontend.url}/done?success=false&sessionId=${sessionId}`);
  },
);

browserTest(
  world,
  "a finished Session's page says so, and a second tab cannot complete it again",
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const first = await newPage(world);
    const second = await newPage(world);
    await Promise.all([first.goto(launchUrl), second.goto(launchUrl)]);
    await first.click('[data-outcome="success"]');
    await first.waitForSelector('#result:not([hidden])');

    // The second tab was opened before: its controls are there, and the sandbox refuses them.
    await second.click('[data-outcome="SessionFailExpired"]');
    await second.waitForSelector('#result:not([hidden])');
    expect(await textOf(second, '#result')).toContain('The Session has already been completed');
    expect(await propertiesOf(second, '[data-outcome]', 'disabled')).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvSuccess);

    // Opened again, the page has nothing left to do.
    await second.goto(launchUrl);
    expect(await textOf(second, 'h1')).toBe('This Session is finished');
    expect(await second.$$('[data-outcome], [data-action]')).toHaveLength(0);
  },
);

browserTest(world, 'an unknown launch link is a page that says so', async () => {
  const { launchUrl } = await createLaunch(world);
  world.sandbox.reset();
  const page = await newPage(world);
  const answer = await page.goto(launchUrl);
  expect(answer?.status()).toBe(404);
  expect(await textOf(page, 'h1')).toBe('This launch link is not valid');
});

browserTest(
  world,
  'by keyboard alone, at phone width: choose a provider and a person, then verify',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world, {
      providers: ['yoti', 'clear', 'mdl'],
    });
    const page = await newPage(world);
    await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
    await page.goto(launchUrl);
    // Nothing is wider than the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    const focused = (): Promise<unknown> =>
      page.evaluate(
        `(function (e) { return e.getAttribute('data-action') || e.getAttribute('name') + ':' + e.value; })(document.activeElement)`,
      );
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('close');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('provider:yoti');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('provider:clear');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('identity:adult');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('identity:minor');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement.getAttribute('data-outcome')`)).toBe(
      'success',
    );
    await page.keyboard.press('Enter');

    await page.waitForSelector('#result:not([hidden])');
    // The result takes the focus, so a screen reader reads it.
    expect(await page.evaluate('document.activeElement.id')).toBe('result');
    const session = await sessionOf(world, sessionId);
    expect(session.state).toBe(SessionState.IdvSuccess);
    expect(session.verification.provider).toBe('clear');
  },
);
