import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** Address information for an individual. */
export const Address = model(
  'Address',
  {},
  {
    line1: t.string,
    line2: t.string,
    line3: t.string,
    city: t.string,
    state: t.string,
    postalCode: t.string,
    country: t.string,
    /** The full address as a single string. */
    fullAddress: t.string,
  },
);
export type Address = t.TypeOf<typeof Address>;
