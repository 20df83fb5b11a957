import type * as t from 'io-ts';
import { enumeration } from '../lib/schema/codecs.js';

/** What listSessions orders by: `Created`, `Updated` or `State`. */
export const SessionOrdering = enumeration('SessionOrdering', {
  Created: 'Created',
  Updated: 'Updated',
  State: 'State',
});
export type SessionOrdering = t.TypeOf<typeof SessionOrdering>;
