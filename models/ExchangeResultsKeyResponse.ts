import type * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { IdentityData } from './IdentityData.js';
import { Session } from './Session.js';

export const ExchangeResultsKeyResponse = model(
  'ExchangeResultsKeyResponse',
  { session: Session },
  { identityData: IdentityData },
);
export type ExchangeResultsKeyResponse = t.TypeOf<typeof ExchangeResultsKeyResponse>;
