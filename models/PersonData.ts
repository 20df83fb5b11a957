import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { Address } from './Address.js';

/** Identity information for the individual being verified. */
export const PersonData = model(
  'PersonData',
  {},
  {
    givenName: t.string,
    familyName: t.string,
    middleName: t.string,
    /** The full name as one string, for names that do not fit "first middle last". */
    fullName: t.string,
    nationality: t.string,
    gender: t.string,
    phoneNumber: t.string,
    address: Address,
    dateOfBirth: t.string,
  },
);
export type PersonData = t.TypeOf<typeof PersonData>;
