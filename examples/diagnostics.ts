// Watching the client from outside: the SDK publishes each call and each attempt on Node's
// diagnostics_channel (no dependency, nothing to configure). This turns them into timing lines.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   TRINSIC_API_KEY=... npx tsx diagnostics.ts
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import diagnostics from 'node:diagnostics_channel';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  APIClient,
  Configuration,
  DIAGNOSTICS_CHANNELS,
  isAttemptEvent,
} from 'trinsic-connect-sdk';
import { connection, isCallContext, printError, printResponse, run } from './env.js';

const OPERATION = 'SessionsAPI.ListSessions';
const ms = (value: number | undefined) => `${(value ?? 0).toFixed(1)} ms`;

// One line per call once it has settled; the same context object came to `start` before. No type
// arguments: @types/node 26 swapped tracingChannel's two, so a message is narrowed instead.
const calls = diagnostics.tracingChannel(DIAGNOSTICS_CHANNELS.request);
calls.subscribe({
  start: () => undefined,
  end: () => undefined,
  asyncStart: () => undefined,
  error: () => undefined,
  asyncEnd: (call) => {
    if (!isCallContext(call)) return;
    const outcome = call.error
      ? `${call.error.message} after ${call.error.attempts} attempt(s)`
      : `${call.result?.status ?? '?'} after ${call.result?.attempts ?? '?'} attempt(s)`;
    console.log(
      `call     ${call.operation} ${call.method} ${call.path} -> ${outcome} in ${ms(call.durationMs)}`,
    );
  },
});

// One line per attempt, retries included: what came back, how long it took, what follows.
diagnostics.subscribe(DIAGNOSTICS_CHANNELS.attempt, (message) => {
  if (!isAttemptEvent(message)) return; // a channel takes any message: narrow, don't cast
  const retry = message.retryDelayMs === undefined ? '' : `, retry in ${ms(message.retryDelayMs)}`;
  console.log(
    `attempt  ${message.operation} #${message.attempt}/${message.maxAttempts} -> ` +
      `${message.status ?? message.failure ?? '?'} in ${ms(message.durationMs)}${retry}`,
  );
});

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  await apiClient.networkAPI.listProviders().execute();
  const all = await apiClient.sessionsAPI.listSessions().pageSize(10).all();

  pipe(
    all,
    E.map((sessions) => `${sessions.length} sessions listed`),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
