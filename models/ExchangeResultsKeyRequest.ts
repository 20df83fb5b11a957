import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** What exchangeResultsKey sends: the Results Access Key (a secret) that the frontend received. */
export const ExchangeResultsKeyRequest = model(
  'ExchangeResultsKeyRequest',
  {
    /** The Results Access Key the frontend received when the Session finished. A secret. */
    resultsAccessKey: t.string,
  },
  {},
);
export type ExchangeResultsKeyRequest = t.TypeOf<typeof ExchangeResultsKeyRequest>;
