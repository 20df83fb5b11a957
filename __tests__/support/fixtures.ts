import type { DisclosedFields, Session } from '../../index.js';

// Valid model values, typed by the SDK's own models so that they cannot drift from the spec.

export const allDisclosed: DisclosedFields = {
  idNumber: true,
  givenName: true,
  familyName: true,
  address: true,
  dateOfBirth: true,
  country: true,
  issueDate: true,
  expirationDate: true,
  documentFront: true,
  documentBack: true,
  documentPortrait: true,
  selfie: true,
};

export const session = (overrides: Partial<Session> = {}): Session => ({
  id: '678c1ff6-2178-49e7-81d2-548afb6f85ec',
  state: 'IdvSuccess',
  failCode: 'SessionFailNone',
  verification: { provider: 'yoti', failCode: 'VerificationFailNone' },
  disclosedFields: allDisclosed,
  created: 1722526411,
  updated: 1722526722,
  ...overrides,
});
