import * as t from 'io-ts';
import { listOf, model } from '../lib/schema/codecs.js';
import { integer } from '../lib/schema/scalars.js';
import { Session } from './Session.js';

/** The answer to listSessions: one page of Sessions, the total number of Sessions, and whether more pages follow. */
export const ListSessionsResponse = model(
  'ListSessionsResponse',
  {
    sessions: listOf(Session),
    /** The total number of sessions tied to your account. */
    total: integer('int32'),
    /** Whether there are more pages to retrieve. */
    more: t.boolean,
  },
  {},
);
export type ListSessionsResponse = t.TypeOf<typeof ListSessionsResponse>;
