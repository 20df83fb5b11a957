import * as t from 'io-ts';
import { model } from '../lib/codecs.js';

/** Identity attributes to request when creating a Session; each one left out is not requested. */
export const DisclosedFieldsRequest = model(
  'DisclosedFieldsRequest',
  {},
  {
    idNumber: t.boolean,
    givenName: t.boolean,
    familyName: t.boolean,
    address: t.boolean,
    dateOfBirth: t.boolean,
    country: t.boolean,
    issueDate: t.boolean,
    expirationDate: t.boolean,
    documentFront: t.boolean,
    documentBack: t.boolean,
    documentPortrait: t.boolean,
    selfie: t.boolean,
  },
);
export type DisclosedFieldsRequest = t.TypeOf<typeof DisclosedFieldsRequest>;
