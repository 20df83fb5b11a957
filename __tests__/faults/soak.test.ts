import * as sdk from '../../index.js';
import { randomAborts, steadyCalls, timeoutBurst } from '../../bench/soakChecks.js';
import { startSoakServer, type SoakServer } from '../../bench/soakServer.js';

// The fast variant of the soak that `npm run bench` runs at full size (bench/soak.ts): the same
// checks, on counts that keep this file to a few seconds. The heap is not measured here (memory is
// a benchmark's to measure); what is checked is that every call ends as it must, and that no
// timer, socket or open request is left behind.

let server: SoakServer;
let target: { readonly origin: string; readonly heldOpen: () => Promise<number> };
beforeAll(async () => {
  server = await startSoakServer();
  target = { origin: server.origin, heldOpen: () => Promise.resolve(server.held()) };
});
afterAll(() => server.close());

test('2,000 calls at 64 in flight: every one succeeds, each answered once, nothing left', async () => {
  const before = server.received();
  const samples: number[] = [];

  const run = await steadyCalls(sdk, target, 2_000, 4, (done) => samples.push(done));

  expect(run).toEqual({
    calls: 2_000,
    succeeded: 2_000,
    failures: [],
    closedCleanly: true,
    handlesLeft: {},
    heldOpen: 0,
  });
  expect(server.received() - before).toBe(2_000);
  expect(samples).toEqual([500, 1_000, 1_500, 2_000]);
});

test('a burst of 50 timeouts leaves no timer, socket or open request behind', async () => {
  const burst = await timeoutBurst(sdk, target, 50, 100);

  expect(burst).toEqual({
    calls: 50,
    timedOut: 50,
    closedCleanly: true,
    handlesLeft: {},
    heldOpen: 0,
  });
});

test('500 calls aborted at random moments: each settles once, as a success or an AbortError', async () => {
  const run = await randomAborts(sdk, target, 500, 12);

  expect(run.wrong).toEqual([]);
  expect(run.settled).toBe(500);
  expect(run.succeeded + run.aborted).toBe(500);
  expect(run.handlesLeft).toEqual({});
  expect(run.closedCleanly).toBe(true);
  // The random moments reach both outcomes, so both paths were taken.
  expect(run.aborted).toBeGreaterThan(50);
  expect(run.succeeded).toBeGreaterThan(50);
});
