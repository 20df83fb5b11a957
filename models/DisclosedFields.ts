import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** The twelve disclosable fields; DisclosedFieldsRequest has the same ones, each optional. */
export const disclosedFieldFlags = {
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
};

/** The fields that were requested to be disclosed when a Session was created. */
export const DisclosedFields = model('DisclosedFields', disclosedFieldFlags, {});
export type DisclosedFields = t.TypeOf<typeof DisclosedFields>;
