import type { Page } from 'puppeteer-core';
import { SessionState } from 'trinsic-connect-sdk';
import {
  browserTest,
  createLaunch,
  exchangeLaunchResult,
  launchFrame,
  newPage,
  popupOf,
  propertiesOf,
  sessionOf,
  settled,
  textOf,
  useWorld,
} from './support/world.js';

// A results access key reaches only an origin the relying party declared (the world's sandbox
// declares the frontend's origin; the attacker's is declared nowhere), in every launch mode,
// with or without a referrer: a steered redirectUrl, a popup whose opener moved to another
// origin, an undeclared page that opens or frames the launch URL. The declared frontend still
// gets every result, even when it sends no referrer.

const world = useWorld();

/** The requests the browser made to the attacker's origin, as URLs. */
const requestsToAttacker = (): string[] =>
  world.proxy.requests
    .map((request) => request.target)
    .filter((target) => target.startsWith(world.attacker.url));

/** The messages the attacker's /listen page got, once the popup's sentinel came after them. */
const receivedBefore = async (listener: Page, popup: Page): Promise<unknown[]> => {
  // From one window to another, messages arrive in the order they were posted.
  await popup.evaluate(`window.opener.postMessage('sentinel', '*')`);
  await listener.waitForFunction(
    `window.received.some(function (m) { return m.data === 'sentinel'; })`,
  );
  const received: unknown = await listener.evaluate('window.received');
  const list: unknown[] = Array.isArray(received) ? received : [];
  return list;
};

browserTest(
  world,
  'a redirectUrl parameter to an undeclared origin is refused before the person acts',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    const steered = `${launchUrl}&redirectUrl=${world.attacker.url}/done`;
    await page.goto(steered);
    const notice = await textOf(page, '#notice');
    expect(notice).toContain(
      `The redirectUrl parameter goes to ${world.attacker.url}, which the relying party has not declared, so no result is sent there.`,
    );
    expect(notice).toContain(
      `To allow ${world.attacker.url}, declare it when starting the sandbox`,
    );
    expect(notice).toContain('--allowed-origin <origin>');
    expect(await textOf(page, '#destination')).toBe('The result will not be sent anywhere.');
    // No outcome can be chosen: no key is made for nobody.
    expect(await propertiesOf(page, '[data-outcome]', 'disabled')).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvInitiated);
    expect(page.url()).toBe(new URL(steered).href);
    expect(requestsToAttacker()).toEqual([]);
  },
);

browserTest(
  world,
  'a redirectUrl parameter to the declared frontend is followed, and said so beforehand',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(`${launchUrl}&redirectUrl=${world.frontend.url}/done?order=7`);
    expect(await textOf(page, '#destination')).toBe(
      `The result will be sent to ${world.frontend.url}/done.`,
    );
    await Promise.all([page.waitForNavigation(), page.click('[data-outcome="success"]')]);
    const returned = new URL(page.url());
    expect(returned.origin).toBe(world.frontend.url);
    expect(returned.searchParams.get('sessionId')).toBe(sessionId);
    const exchanged = await exchangeLaunchResult(world, returned);
    expect(exchanged.session.state).toBe(SessionState.IdvSuccess);
  },
);

browserTest(
  world,
  'no referrer, and the opener moved to another origin: the key never reaches it',
  async () => {
    const { launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    // The relying party sends no referrer (helmet's default), so the page cannot tell its
    // opener's origin; then the opener's tab goes elsewhere while the person verifies.
    await page.goto(`${world.frontend.url}/no-referrer`);
    const [popup] = await Promise.all([
      popupOf(page),
      page.evaluate(`window.open(${JSON.stringify(launchUrl)}, 'verify')`),
    ]);
    await popup.waitForSelector('[data-outcome="success"]');
    expect(await popup.evaluate('document.referrer')).toBe('');
    expect(await textOf(popup, '#destination')).toBe(
      `The result will be sent to the window that opened this one, if it is at ${world.frontend.url}.`,
    );
    await page.goto(`${world.attacker.url}/listen`);
    await popup.click('[data-outcome="success"]');
    await popup.waitForSelector('#result:not([hidden])');
    const received = await receivedBefore(page, popup);
    expect(received).toEqual([
      { origin: popup.url().replace(/\/sandbox\/.*$/, ''), data: 'sentinel' },
    ]);
    expect(JSON.stringify(received)).not.toContain('rk_');
  },
);

browserTest(
  world,
  'no referrer: the declared frontend still gets the result in a popup and in an iframe',
  async () => {
    const page = await newPage(world);
    await page.goto(`${world.frontend.url}/no-referrer`);
    const popupLaunch = await createLaunch(world);
    await page.evaluate(`window.nextLaunchUrl = ${JSON.stringify(popupLaunch.launchUrl)}`);
    const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
    await popup.waitForSelector('[data-outcome="success"]');
    await popup.click('[data-outcome="success"]');
    const fromPopup = await settled(page);
    expect(fromPopup.value).toMatchObject({ success: true, sessionId: popupLaunch.sessionId });

    const iframeLaunch = await createLaunch(world);
    await page.evaluate(`window.launchResults = []`);
    await page.evaluate(`window.startIframe(${JSON.stringify(iframeLaunch.launchUrl)})`);
    const frame = await launchFrame(page);
    expect(await textOf(frame, '#destination')).toBe(
      `The result will be sent to the page that embeds this one (${world.frontend.url}).`,
    );
    await frame.click('[data-outcome="success"]');
    const fromIframe = await settled(page);
    expect(fromIframe.value).toMatchObject({ success: true, sessionId: iframeLaunch.sessionId });
    const exchanged = await exchangeLaunchResult(world, fromIframe.value);
    expect(exchanged.session.state).toBe(SessionState.IdvSuccess);
  },
);

browserTest(
  world,
  'a popup opened by an undeclared origin is refused, with how to allow it',
  async () => {
    const { sessionId, launchUrl } = await createLaunch(world);
    const page = await newPage(world);
    await page.goto(world.attacker.url);
    await page.evaluate(`window.nextLaunchUrl = ${JSON.stringify(launchUrl)}`);
    const [popup] = await Promise.all([popupOf(page), page.click('#popup')]);
    await popup.waitForSelector('#notice:not([hidden])');
    expect(await textOf(popup, '#notice')).toContain(
      `This page was opened by ${world.attacker.url}, which the relying party has not declared, so no result is sent to it. To allow ${world.attacker.url}, declare it`,
    );
    expect(await propertiesOf(popup, '[data-outcome="success"]', 'disabled')).toEqual([true]);
    expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvInitiated);
  },
);

browserTest(world, 'an undeclared origin cannot frame the launch page', async () => {
  const { sessionId, launchUrl } = await createLaunch(world);
  const page = await newPage(world);
  await page.goto(world.attacker.url);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().startsWith(launchUrl)),
    page.evaluate(`window.startIframe(${JSON.stringify(launchUrl)})`),
  ]);
  expect(answer.headers()['content-security-policy']).toContain(
    `frame-ancestors ${world.frontend.url}`,
  );
  // Chromium replaces a refused frame with its error page: the launch page never runs there.
  const blocked = await page.waitForFrame((frame) => frame.url().startsWith('chrome-error://'));
  expect(await blocked.$('[data-outcome]')).toBeNull();
  expect((await sessionOf(world, sessionId)).state).toBe(SessionState.IdvInitiated);
});
