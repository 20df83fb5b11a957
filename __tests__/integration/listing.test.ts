import type { OrderDirection, Session, SessionOrdering } from '../../index.js';
import {
  advance,
  complete,
  createSession,
  ok,
  raw,
  startHarness,
  type Harness,
} from '../support/harness.js';
import { STEP_INTERVAL_MS } from '../../sandbox/index.js';

// listSessions against the sandbox: OrderBy, OrderDirection, PageSize, Page, total and more.

let h: Harness;
let ids: string[]; // in creation order
beforeAll(async () => {
  // Sandbox time stands still but where the setup moves it.
  h = await startHarness({ clock: 'manual' });
  // Seven sessions in four states: A..G created in this order, within one second (ties on
  // `created` fall back to creation order); three of them change a second later.
  ids = [];
  for (let i = 0; i < 7; i++) ids.push(await createSession(h));
  await advance(h, 1_000);
  await complete(h, ids[1]!, { outcome: 'success', advance: 'now' }); // IdvSuccess
  await complete(h, ids[3]!, { outcome: 'success' }); // IdvInitiated
  ok(await h.client.sessionsAPI.cancelSession(ids[5]!).execute()); // IdvFailed
});
afterAll(() => h.sandbox.stop());

const list = async (
  orderBy?: SessionOrdering,
  orderDirection?: OrderDirection,
  pageSize?: number,
  page?: number,
) => {
  let request = h.client.sessionsAPI.listSessions();
  if (orderBy) request = request.orderBy(orderBy);
  if (orderDirection) request = request.orderDirection(orderDirection);
  if (pageSize) request = request.pageSize(pageSize);
  if (page) request = request.page(page);
  return ok(await request.execute());
};

const idsOf = (sessions: readonly Session[]) => sessions.map((s) => s.id);

test('by default: newest first, one page of up to 50, total and more', async () => {
  const result = await list();
  expect(idsOf(result.sessions)).toEqual([...ids].reverse());
  expect(result.total).toBe(7);
  expect(result.more).toBe(false);
});

test('OrderBy Created, both directions: creation order and its exact reverse', async () => {
  expect(idsOf((await list('Created', 'Ascending')).sessions)).toEqual(ids);
  expect(idsOf((await list('Created', 'Descending')).sessions)).toEqual([...ids].reverse());
});

test('OrderBy Updated: by last change, ties in creation order; Descending is the reverse', async () => {
  const sessions = (await list('Updated', 'Ascending')).sessions;
  const keys = sessions.map((s) => [s.updated, ids.indexOf(s.id)] as const);
  expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  // The three that moved changed after they were created; the others did not.
  for (const session of sessions) {
    const moved = [ids[1], ids[3], ids[5]].includes(session.id);
    expect(session.updated > session.created).toBe(moved);
  }
  const descending = (await list('Updated', 'Descending')).sessions;
  expect(idsOf(descending)).toEqual(idsOf(sessions).reverse());
});

test('OrderBy State: in the lifecycle order of SessionState', async () => {
  const states = (await list('State', 'Ascending')).sessions.map((s) => s.state);
  expect(states).toEqual([
    'IdvCreated',
    'IdvCreated',
    'IdvCreated',
    'IdvCreated',
    'IdvInitiated',
    'IdvSuccess',
    'IdvFailed',
  ]);
  const descending = (await list('State', 'Descending')).sessions.map((s) => s.state);
  expect(descending).toEqual([...states].reverse());
});

test('PageSize and Page: pages partition the list; more is false on the last', async () => {
  const pages = [
    await list('Created', 'Ascending', 3, 1),
    await list('Created', 'Ascending', 3, 2),
  ];
  pages.push(await list('Created', 'Ascending', 3, 3));
  expect(pages.map((p) => idsOf(p.sessions))).toEqual([
    ids.slice(0, 3),
    ids.slice(3, 6),
    ids.slice(6),
  ]);
  expect(pages.map((p) => p.more)).toEqual([true, true, false]);
  expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
});

test('a page past the end is empty, with the right total', async () => {
  const result = await list('Created', 'Ascending', 50, 2);
  expect(result).toEqual({ sessions: [], total: 7, more: false });
  const far = await list('Created', 'Ascending', 50, 2_147_483_647);
  expect(far.sessions).toEqual([]);
});

test('query names and enum values match whatever their case, as ASP.NET binds them', async () => {
  const answer = await raw(
    h.sandbox,
    'GET',
    '/api/v1/sessions?orderby=created&ORDERDIRECTION=ascending&pagesize=2',
  );
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual(expect.objectContaining({ total: 7, more: true }));
  expect(JSON.stringify(answer.json)).toContain(ids[0]);
});

// Last: it moves sandbox time, which the tests above rely on standing still.
test('listing and getSession show the same state at every moment; only time moves it', async () => {
  const both = async () => {
    const listed = (await list()).sessions.find((s) => s.id === ids[3]);
    const got = ok(await h.client.sessionsAPI.getSession(ids[3]!).execute()).session;
    expect(listed).toEqual(got);
    return got.state;
  };
  expect([await both(), await both()]).toEqual(['IdvInitiated', 'IdvInitiated']);
  const seen = [];
  for (let i = 0; i < 3; i++) {
    await advance(h, STEP_INTERVAL_MS);
    seen.push(await both());
  }
  expect(seen).toEqual(['IdvAuthenticating', 'IdvInProgress', 'IdvSuccess']);
});
