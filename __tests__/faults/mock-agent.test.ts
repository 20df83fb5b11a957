import * as E from 'fp-ts/lib/Either.js';
import { MockAgent } from 'undici';
import { APIClient, Configuration } from '../../index.js';
import { sessionWith } from '../support/fixtures.js';

// A user's own undici MockAgent as the dispatcher: the SDK's transport speaks the Dispatcher API,
// so the interceptors of undici's mocking answer it, and nothing reaches the network.

test('a MockAgent passed as dispatcher answers the SDK', async () => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get('https://connect.trinsic.id')
    .intercept({
      path: '/api/v1/sessions?PageSize=10',
      method: 'GET',
      headers: { authorization: 'Bearer mock-key', accept: 'application/json' },
    })
    .reply(
      200,
      { sessions: [sessionWith()], total: 1, more: false },
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  const client = new APIClient(new Configuration({ accessToken: 'mock-key', dispatcher: agent }));
  const result = await client.sessionsAPI.listSessions().pageSize(10).execute();
  expect(E.isRight(result) && result.right.data).toEqual({
    sessions: [sessionWith()],
    total: 1,
    more: false,
  });
  agent.assertNoPendingInterceptors();
  await agent.close();
});

test('a MockAgent error reply becomes a NetworkError', async () => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get('https://connect.trinsic.id')
    .intercept({ path: '/api/v1/network/providers', method: 'GET' })
    .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
  const client = new APIClient(new Configuration({ dispatcher: agent, maxRetries: 0 }));
  const result = await client.networkAPI.listProviders().execute();
  expect(E.isLeft(result) && result.left).toMatchObject({
    _tag: 'NetworkError',
    code: 'ECONNRESET',
  });
  agent.assertNoPendingInterceptors();
  await agent.close();
});
