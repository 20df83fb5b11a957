import type * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { IdentityData } from './IdentityData.js';
import { Session } from './Session.js';

/** The answer to exchangeResultsKey: the Session and, when verification succeeded, the identity data. */
export const ExchangeResultsKeyResponse = model(
  'ExchangeResultsKeyResponse',
  { session: Session },
  { identityData: IdentityData },
);
export type ExchangeResultsKeyResponse = t.TypeOf<typeof ExchangeResultsKeyResponse>;
