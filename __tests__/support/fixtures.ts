import {
  APIClient,
  Configuration,
  SessionFailCode,
  SessionState,
  VerificationFailCode,
  type ConfigurationParameters,
  type CreateSessionResponse,
  type DisclosedFields,
  type ExchangeResultsKeyResponse,
  type FailureMessage,
  type IdentityData,
  type IdentityLookupResponse,
  type ListProvidersResponse,
  type ListSessionsResponse,
  type Session,
  type ValidationResult,
} from '../../index.js';

// Valid model values, typed with the SDK's own model types so that a change to a model shows up
// here at compile time, and the secrets the tests watch for in logs and messages.

/** Not a real host: nock answers for it, and nothing else may (net connect is disabled). */
export const BASE_URL = 'https://connect.test';

// Each secret is distinctive, so finding it in a log line cannot be a coincidence.
export const TOKEN = 'tk_SECRET_token_7f3a9c1e';
export const OTHER_TOKEN = 'tk_SECRET_other_4b2d8e60';
export const RESULTS_KEY = 'rk_SECRET_results_51d2a7';
export const ATTACHMENT_KEY = 'ak_SECRET_attachment_0b9e';
const SELFIE_KEY = 'ak_SECRET_selfie_3c8f11';
const DOCUMENT_BACK_KEY = 'ak_SECRET_back_9d0e22';
const DOCUMENT_PORTRAIT_KEY = 'ak_SECRET_portrait_6a4b33';
const LAUNCH_URL = 'https://connect.trinsic.id/launch?token=lu_SECRET_launch_77aa';

export const ALL_SECRETS: readonly string[] = [
  TOKEN,
  OTHER_TOKEN,
  RESULTS_KEY,
  ATTACHMENT_KEY,
  SELFIE_KEY,
  DOCUMENT_BACK_KEY,
  DOCUMENT_PORTRAIT_KEY,
  LAUNCH_URL,
];

/** Path parameters that must each travel as one percent-encoded segment. */
export const TRICKY_SESSION_ID = 'a b/../c?d#e';
export const TRICKY_SESSION_ID_ON_WIRE = 'a%20b%2F..%2Fc%3Fd%23e';
export const PHONE_NUMBER = '+1 555/0100';
export const PHONE_NUMBER_ON_WIRE = '+1%20555%2F0100';

const disclosedFields: DisclosedFields = {
  idNumber: true,
  givenName: true,
  familyName: true,
  address: false,
  dateOfBirth: true,
  country: true,
  issueDate: false,
  expirationDate: false,
  documentFront: true,
  documentBack: false,
  documentPortrait: false,
  selfie: true,
};

/** A Session with every field, required and optional, set. */
export const session: Session = {
  id: 'ses_01HZX3QK9T',
  state: SessionState.IdvSuccess,
  verification: { provider: 'yoti', failCode: VerificationFailCode.VerificationFailNone },
  disclosedFields,
  created: 1_717_000_000,
  updated: 1_717_000_360,
  failCode: SessionFailCode.SessionFailNone,
};

/** The Session above with some fields replaced. */
export const sessionWith = (overrides: Partial<Session> = {}): Session => ({
  ...session,
  ...overrides,
});

/** Every field disclosed. */
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

/** A Session with only its required fields. */
const bareSession: Session = {
  id: 'ses_01HZX3QKAA',
  state: SessionState.IdvCreated,
  verification: {},
  disclosedFields,
  created: 1_717_000_100,
  updated: 1_717_000_100,
};

const identityData: IdentityData = {
  originatingProviderId: 'yoti',
  person: {
    givenName: 'Ada',
    familyName: 'Lovelace',
    middleName: 'King',
    fullName: 'Ada King Lovelace',
    nationality: 'GB',
    gender: 'F',
    phoneNumber: '+44 20 7946 0000',
    address: {
      line1: '12 St James Square',
      line2: 'Flat 2',
      line3: 'Westminster',
      city: 'London',
      state: 'Greater London',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
      fullAddress: '12 St James Square, Flat 2, Westminster, London SW1Y 4JH, GB',
    },
    dateOfBirth: '1815-12-10',
  },
  document: {
    type: 'passport',
    number: 'P1234567',
    issueDate: '2020-01-01',
    expirationDate: '2030-01-01',
    issuingCountry: 'GB',
  },
  attachments: {
    selfie: SELFIE_KEY,
    documentFront: ATTACHMENT_KEY,
    documentBack: DOCUMENT_BACK_KEY,
    documentPortrait: DOCUMENT_PORTRAIT_KEY,
  },
};

export const createSessionResponse: CreateSessionResponse = { session, launchUrl: LAUNCH_URL };

export const exchangeResultsKeyResponse: ExchangeResultsKeyResponse = { session, identityData };

/** Four sessions, so that `sessions.3` exists. */
export const listSessionsResponse: ListSessionsResponse = {
  sessions: [
    bareSession,
    { ...session, id: 'ses_2', state: SessionState.IdvInProgress },
    {
      ...session,
      id: 'ses_3',
      state: SessionState.IdvFailed,
      failCode: SessionFailCode.SessionFailExpired,
      verification: {
        provider: 'clear',
        failCode: VerificationFailCode.VerificationFailInauthentic,
      },
    },
    session,
  ],
  total: 57,
  more: true,
};

export const listProvidersResponse: ListProvidersResponse = {
  providers: [
    { id: 'yoti', name: 'Yoti', logoUrl: 'https://cdn.connect.test/yoti.png' },
    { id: 'clear', name: 'CLEAR', logoUrl: 'https://cdn.connect.test/clear.png' },
  ],
};

export const identityLookupResponse: IdentityLookupResponse = { identityInNetwork: true };

/** An attachment's bytes: not UTF-8, so a text round trip would damage them. */
export const ATTACHMENT_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x80, 0xfe, 0x7f]);

export const validationResults: ValidationResult[] = [
  { memberNames: ['PageSize'], errorMessage: 'PageSize must be between 1 and 50.' },
  { memberNames: [] },
];

export const failureMessage: FailureMessage = { message: 'The API key is not valid.' };

export const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>';

/** A client for BASE_URL with TOKEN; `overrides` replace any setting. */
export const makeClient = (overrides: ConfigurationParameters = {}): APIClient =>
  new APIClient(new Configuration({ basePath: BASE_URL, accessToken: TOKEN, ...overrides }));
