import type { AccessToken, APIClient, Result } from '../../index.js';
import type { OperationName } from '../../requests/operations.js';
import {
  ATTACHMENT_BYTES,
  ATTACHMENT_KEY,
  createSessionResponse,
  exchangeResultsKeyResponse,
  identityLookupResponse,
  listProvidersResponse,
  listSessionsResponse,
  PHONE_NUMBER,
  PHONE_NUMBER_ON_WIRE,
  RESULTS_KEY,
  session,
  TRICKY_SESSION_ID,
  TRICKY_SESSION_ID_ON_WIRE,
} from './fixtures.js';

// The operations as data, a case for each entry of the operations' table (requests/operations.ts):
// how to build each request, what must go on the wire, and what a success answer decodes to. Test
// files iterate over this table; each assertion stays concrete.

/** What every builder has in common, seen from a test that does not care which one it is. */
export interface AnyRequest {
  readonly execute: () => Promise<Result<unknown>>;
  signal(signal: AbortSignal): AnyRequest;
  timeout(ms: number): AnyRequest;
  accessToken(token: AccessToken): AnyRequest;
  headers(headers: Readonly<Record<string, string>>): AnyRequest;
  maxRetries(retries: number): AnyRequest;
}

interface SuccessAnswer {
  readonly status: number;
  readonly body: string | Buffer;
  readonly headers: Readonly<Record<string, string>>;
  /** What `data` must deep-equal. */
  readonly data: unknown;
}

export interface OperationCase {
  /** The Go SDK's name, which the SDK puts in messages and debug lines. */
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** The path exactly as it must go on the wire, escaping included. */
  readonly path: string;
  /** The exact query; `{}` when nothing may be sent. */
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body that must be sent; `undefined` when there must be none. */
  readonly body: unknown;
  /** Whether the SDK may send it again after it may have reached the server. */
  readonly idempotent: boolean;
  /** Whether a 2xx answer is JSON decoded against a model. */
  readonly decodesJson: boolean;
  /** Secrets the request carries besides the access token. */
  readonly secrets: readonly string[];
  readonly build: (client: APIClient) => AnyRequest;
  readonly success: SuccessAnswer;
}

const json = (data: unknown): SuccessAnswer => ({
  status: 200,
  body: JSON.stringify(data),
  headers: { 'content-type': 'application/json; charset=utf-8' },
  data,
});

const createSessionBody = {
  providers: ['yoti'],
  disclosedFields: { givenName: true, familyName: true, dateOfBirth: true },
};

export const cancelSession = {
  name: 'SessionsAPI.CancelSession',
  method: 'POST',
  path: `/api/v1/sessions/${TRICKY_SESSION_ID_ON_WIRE}/cancel`,
  query: {},
  body: undefined,
  idempotent: true,
  decodesJson: true,
  secrets: [],
  build: (client) => client.sessionsAPI.cancelSession(TRICKY_SESSION_ID),
  success: json({ session }),
} satisfies OperationCase;

export const createSession = {
  name: 'SessionsAPI.CreateSession',
  method: 'POST',
  path: '/api/v1/sessions',
  query: {},
  body: createSessionBody,
  idempotent: false,
  decodesJson: true,
  secrets: [],
  build: (client) => client.sessionsAPI.createSession().createSessionRequest(createSessionBody),
  success: json(createSessionResponse),
} satisfies OperationCase;

export const exchangeResultsKey = {
  name: 'SessionsAPI.ExchangeResultsKey',
  method: 'POST',
  path: `/api/v1/sessions/${TRICKY_SESSION_ID_ON_WIRE}/results/exchange`,
  query: {},
  body: { resultsAccessKey: RESULTS_KEY },
  idempotent: false,
  decodesJson: true,
  secrets: [RESULTS_KEY],
  build: (client) =>
    client.sessionsAPI
      .exchangeResultsKey(TRICKY_SESSION_ID)
      .exchangeResultsKeyRequest({ resultsAccessKey: RESULTS_KEY }),
  success: json(exchangeResultsKeyResponse),
} satisfies OperationCase;

export const getSession = {
  name: 'SessionsAPI.GetSession',
  method: 'GET',
  path: `/api/v1/sessions/${TRICKY_SESSION_ID_ON_WIRE}`,
  query: {},
  body: undefined,
  idempotent: true,
  decodesJson: true,
  secrets: [],
  build: (client) => client.sessionsAPI.getSession(TRICKY_SESSION_ID),
  success: json({ session }),
} satisfies OperationCase;

export const listSessions = {
  name: 'SessionsAPI.ListSessions',
  method: 'GET',
  path: '/api/v1/sessions',
  query: { OrderBy: 'Updated', OrderDirection: 'Descending', PageSize: '50', Page: '2' },
  body: undefined,
  idempotent: true,
  decodesJson: true,
  secrets: [],
  build: (client) =>
    client.sessionsAPI
      .listSessions()
      .orderBy('Updated')
      .orderDirection('Descending')
      .pageSize(50)
      .page(2),
  success: json(listSessionsResponse),
} satisfies OperationCase;

export const redactSession = {
  name: 'SessionsAPI.RedactSession',
  method: 'POST',
  path: `/api/v1/sessions/${TRICKY_SESSION_ID_ON_WIRE}/redact`,
  query: {},
  body: undefined,
  idempotent: true,
  decodesJson: false,
  secrets: [],
  build: (client) => client.sessionsAPI.redactSession(TRICKY_SESSION_ID),
  success: { status: 200, body: '', headers: {}, data: undefined },
} satisfies OperationCase;

export const exchangeAttachmentAccessKey = {
  name: 'AttachmentsAPI.ExchangeAttachmentAccessKey',
  method: 'POST',
  path: '/api/v1/attachments/exchange',
  query: {},
  body: { attachmentAccessKey: ATTACHMENT_KEY },
  idempotent: false,
  decodesJson: false,
  secrets: [ATTACHMENT_KEY],
  build: (client) =>
    client.attachmentsAPI
      .exchangeAttachmentAccessKey()
      .exchangeAttachmentAccessKeyRequest({ attachmentAccessKey: ATTACHMENT_KEY }),
  success: {
    status: 200,
    body: ATTACHMENT_BYTES,
    headers: { 'content-type': 'image/jpeg' },
    data: { _tag: 'Attachment', contentType: 'image/jpeg', bytes: ATTACHMENT_BYTES },
  },
} satisfies OperationCase;

export const listProviders = {
  name: 'NetworkAPI.ListProviders',
  method: 'GET',
  path: '/api/v1/network/providers',
  query: {},
  body: undefined,
  idempotent: true,
  decodesJson: true,
  secrets: [],
  build: (client) => client.networkAPI.listProviders(),
  success: json(listProvidersResponse),
} satisfies OperationCase;

export const identityLookup = {
  name: 'NetworkAPI.IdentityLookup',
  method: 'GET',
  path: `/api/v1/network/identities/${PHONE_NUMBER_ON_WIRE}`,
  query: {},
  body: undefined,
  idempotent: true,
  decodesJson: true,
  secrets: [],
  build: (client) => client.networkAPI.identityLookup(PHONE_NUMBER),
  success: json(identityLookupResponse),
} satisfies OperationCase;

/**
 * Concrete cases for the operations of the operations' table, by the same name: what each wire
 * and error suite checks byte for byte. An operation added to the table later is covered without
 * a case here, by what its maintainer writes anyway: its sandbox route and its example, which
 * `__tests__/integration/operations-table.test.ts` holds to its entry in the table.
 */
export const CASES = {
  cancelSession,
  createSession,
  exchangeResultsKey,
  getSession,
  listSessions,
  redactSession,
  exchangeAttachmentAccessKey,
  listProviders,
  identityLookup,
} satisfies { readonly [N in OperationName]?: OperationCase };

export const OPERATIONS: readonly OperationCase[] = Object.values(CASES);

export const IDEMPOTENT_OPERATIONS = OPERATIONS.filter((op) => op.idempotent);
export const NON_IDEMPOTENT_OPERATIONS = OPERATIONS.filter((op) => !op.idempotent);
