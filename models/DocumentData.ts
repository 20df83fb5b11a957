import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** Information from the identity document the individual presented. */
export const DocumentData = model(
  'DocumentData',
  {},
  {
    type: t.string,
    number: t.string,
    issueDate: t.string,
    expirationDate: t.string,
    issuingCountry: t.string,
  },
);
export type DocumentData = t.TypeOf<typeof DocumentData>;
