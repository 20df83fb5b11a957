import type * as t from 'io-ts';
import { enumeration } from '../lib/schema/codecs.js';

/** The order of a listing: `Ascending` or `Descending`. */
export const OrderDirection = enumeration('OrderDirection', {
  Ascending: 'Ascending',
  Descending: 'Descending',
});
export type OrderDirection = t.TypeOf<typeof OrderDirection>;
