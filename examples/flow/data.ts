import type { CreateSessionRequest } from '../../index.js';

// What the flow asks for, and who the simulated user is in the sandbox.

/** The identity the simulated user presents in the sandbox. */
export const SANDBOX_USER = {
  person: {
    givenName: 'Ada',
    familyName: 'Lovelace',
    fullName: 'Ada Lovelace',
    dateOfBirth: '1815-12-10',
    nationality: 'GB',
    phoneNumber: '+44 20 7946 0018',
    address: { city: 'London', country: 'GB', fullAddress: '12 St James’s Square, London, GB' },
  },
  document: {
    type: 'Passport',
    number: 'P1815121',
    issuingCountry: 'GB',
    issueDate: '2021-06-01',
    expirationDate: '2031-06-01',
  },
} as const;

/** What the relying party asks the user to disclose. */
export const CREATE_REQUEST: CreateSessionRequest = {
  disclosedFields: {
    givenName: true,
    familyName: true,
    dateOfBirth: true,
    address: true,
    country: true,
    idNumber: true,
    expirationDate: true,
    documentFront: true,
    selfie: true,
  },
};
