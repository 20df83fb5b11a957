import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** The answer to identityLookup: whether the phone number has an identity in the Trinsic Network. */
export const IdentityLookupResponse = model(
  'IdentityLookupResponse',
  {
    /** Whether the phone number is known to have an identity in the network. */
    identityInNetwork: t.boolean,
  },
  {},
);
export type IdentityLookupResponse = t.TypeOf<typeof IdentityLookupResponse>;
