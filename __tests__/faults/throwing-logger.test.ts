import { clientFor } from '../support/client.js';
import { createSessionResponse, sessionWith } from '../support/fixtures.js';
import { sendJson, startLoopback, type Loopback } from '../support/loopback.js';
import { expectRight } from '../support/results.js';

// A debug logger is the caller's code, and may throw. Its lines are lost then, nothing else: the
// result is the server's answer, the attempts are those made. Before, a throw after the server had
// processed a create turned the created Session into `NetworkError` with `attempts: 0`.

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const throwingLogger = () => {
  const calls: string[] = [];
  const debug = (line: string): void => {
    calls.push(line);
    throw new Error('log sink is full');
  };
  return { calls, debug };
};

test.each([false, true])(
  'a create the server processed is a success, logBodies %s',
  async (logBodies) => {
    server = await startLoopback((_request, response) => {
      sendJson(response, 200, createSessionResponse);
    });
    const { calls, debug } = throwingLogger();
    const { client, close } = clientFor(server.url, { debug, logBodies });

    const answer = expectRight(await client.sessionsAPI.createSession().execute());
    await close();

    expect(answer.data).toEqual(createSessionResponse);
    expect(answer.attempts).toBe(1);
    expect(server.received.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'POST /api/v1/sessions {}',
    ]);
    // Every line was offered to the logger, though each offer threw.
    expect(calls).toHaveLength(logBodies ? 3 : 1);
  },
);

test('retries go on as they would without the logger', async () => {
  server = await startLoopback((_request, response, index) => {
    if (index === 0) sendJson(response, 503, {});
    else sendJson(response, 200, { session: sessionWith() });
  });
  const { calls, debug } = throwingLogger();
  const { client, close } = clientFor(server.url, { debug });

  const answer = expectRight(await client.sessionsAPI.getSession('s1').execute());
  await close();

  expect(answer.attempts).toBe(2);
  expect(server.received).toHaveLength(2);
  expect(calls).toHaveLength(2);
});
