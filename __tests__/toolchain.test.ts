import nock from 'nock';
import { request } from 'undici';

test('nock sees undici', async () => {
  nock.disableNetConnect();
  const scope = nock('https://x.test').get('/a').reply(200, { ok: true });
  const r = await request('https://x.test/a');
  expect(await r.body.json()).toEqual({ ok: true });
  scope.done();
});
