// Wait until a Session is final (IdvSuccess or IdvFailed), polling getSession, and print each
// new state as it comes. No Go twin: the Go SDK leaves the polling loop to you.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   SESSION_ID=... TRINSIC_API_KEY=... npx tsx waitForSession.ts
//   POLL_INTERVAL_MS (the first wait between polls, default 2000), MAX_WAIT_MS (default 600000)
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { connection, input, printError, printResponse, run } from './env.js';

const OPERATION = 'SessionsAPI.WaitForSession';
const sessionId = input('SESSION_ID', 'sessionId_example');
const pollIntervalMs = Number(input('POLL_INTERVAL_MS', '2000'));
const maxWaitMs = Number(input('MAX_WAIT_MS', '600000'));

run(async () => {
  // Ctrl-C ends the wait at once (an AbortError), between polls or during one.
  const stop = new AbortController();
  const onInterrupt = () => {
    stop.abort();
  };
  process.once('SIGINT', onInterrupt);

  const apiClient = new APIClient(new Configuration(connection()));
  const result = await apiClient.sessionsAPI
    .waitForSession(sessionId)
    .pollInterval(pollIntervalMs) // it grows while nothing changes; a Retry-After wins
    .maxWait(maxWaitMs) // then a TimeoutError that names the last state seen
    .onUpdate((session, { polls, elapsedMs }) => {
      console.log(`poll ${polls} (${(elapsedMs / 1000).toFixed(1)} s): ${session.state}`);
    })
    .signal(stop.signal)
    .execute();
  process.off('SIGINT', onInterrupt);

  // A failed Session is a successful wait: its state and failCode say how it ended.
  pipe(
    result,
    E.map(({ data }) => data),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
