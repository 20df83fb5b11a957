import { ok, useHarness } from '../support/harness.js';

// 20 callers creating 200 sessions at once, over real loopback HTTP: none lost, none duplicated,
// and paging through the list afterwards sees each exactly once.

const h = useHarness({ resetEach: false });

const CALLERS = 20;
const PER_CALLER = 10;

test('20 concurrent callers create 200 sessions; listing every page finds each exactly once', async () => {
  const caller = async (): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < PER_CALLER; i++) {
      ids.push(ok(await h.client.sessionsAPI.createSession().execute()).session.id);
    }
    return ids;
  };
  const created = (await Promise.all(Array.from({ length: CALLERS }, caller))).flat();
  expect(created).toHaveLength(CALLERS * PER_CALLER);
  expect(new Set(created).size).toBe(CALLERS * PER_CALLER);

  const listed: string[] = [];
  const pageSize = 50;
  const maxPages = (CALLERS * PER_CALLER) / pageSize + 1; // bounded: one page more than needed
  for (let page = 1; page <= maxPages; page++) {
    const result = ok(
      await h.client.sessionsAPI
        .listSessions()
        .orderBy('Created')
        .orderDirection('Ascending')
        .pageSize(pageSize)
        .page(page)
        .execute(),
    );
    expect(result.total).toBe(CALLERS * PER_CALLER);
    listed.push(...result.sessions.map((s) => s.id));
    if (!result.more) break;
  }
  expect(listed).toHaveLength(CALLERS * PER_CALLER);
  expect(new Set(listed)).toEqual(new Set(created));
});
