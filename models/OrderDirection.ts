import type * as t from 'io-ts';
import { enumeration } from '../lib/schema/codecs.js';

export const OrderDirection = enumeration('OrderDirection', {
  Ascending: 'Ascending',
  Descending: 'Descending',
});
export type OrderDirection = t.TypeOf<typeof OrderDirection>;
