import { isLeft } from 'fp-ts/lib/Either.js';
import {
  CancelSessionResponse,
  CreateSessionResponse,
  ExchangeResultsKeyResponse,
  GetSessionResponse,
  IdentityLookupResponse,
  ListProvidersResponse,
  ListSessionsResponse,
} from '../models/index.js';
import { PROVIDERS } from './fixtures.js';
import { bytesReply, emptyReply, jsonReply, validationReply } from './reply.js';
import type { Route } from './router.js';
import type { SandboxStore } from './store.js';
import { storeErrorReply } from './storeReply.js';
import {
  validateCreateSession,
  validateExchangeAttachment,
  validateExchangeResults,
  validateListQuery,
  validatePhoneNumber,
} from './validation.js';

// The nine operations of the Connect API (v1): validate, ask the store, answer with the model.
// Each route carries the SDK's name of its operation, which is what an injected fault matches.

export const apiRoutes = (store: SandboxStore): Route[] => [
  {
    method: 'POST',
    path: '/api/v1/sessions',
    operation: 'SessionsAPI.CreateSession',
    auth: true,
    json: true,
    handle: ({ body, baseUrl }) => {
      const request = validateCreateSession(body);
      if (isLeft(request)) return validationReply(request.left);
      const { session, clientToken } = store.create(request.right);
      const launchUrl = `${baseUrl}/sandbox/launch?clientToken=${encodeURIComponent(clientToken)}`;
      return jsonReply(200, CreateSessionResponse, { session, launchUrl });
    },
  },
  {
    method: 'GET',
    path: '/api/v1/sessions',
    operation: 'SessionsAPI.ListSessions',
    auth: true,
    json: false,
    handle: ({ query }) => {
      const listQuery = validateListQuery(query);
      if (isLeft(listQuery)) return validationReply(listQuery.left);
      return jsonReply(200, ListSessionsResponse, store.list(listQuery.right));
    },
  },
  {
    method: 'GET',
    path: '/api/v1/sessions/{sessionId}',
    operation: 'SessionsAPI.GetSession',
    auth: true,
    json: false,
    handle: ({ params }) => {
      const session = store.get(params.sessionId ?? '');
      if (isLeft(session)) return storeErrorReply(session.left);
      return jsonReply(200, GetSessionResponse, { session: session.right });
    },
  },
  {
    method: 'POST',
    path: '/api/v1/sessions/{sessionId}/cancel',
    operation: 'SessionsAPI.CancelSession',
    auth: true,
    json: false,
    handle: ({ params }) => {
      const session = store.cancel(params.sessionId ?? '');
      if (isLeft(session)) return storeErrorReply(session.left);
      return jsonReply(200, CancelSessionResponse, { session: session.right });
    },
  },
  {
    method: 'POST',
    path: '/api/v1/sessions/{sessionId}/redact',
    operation: 'SessionsAPI.RedactSession',
    auth: true,
    json: false,
    handle: ({ params }) => {
      const redacted = store.redact(params.sessionId ?? '');
      return isLeft(redacted) ? storeErrorReply(redacted.left) : emptyReply(200);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/sessions/{sessionId}/results/exchange',
    operation: 'SessionsAPI.ExchangeResultsKey',
    auth: true,
    json: true,
    handle: ({ params, body }) => {
      const request = validateExchangeResults(body);
      if (isLeft(request)) return validationReply(request.left);
      const exchanged = store.exchangeResults(
        params.sessionId ?? '',
        request.right.resultsAccessKey,
      );
      if (isLeft(exchanged)) return storeErrorReply(exchanged.left);
      return jsonReply(200, ExchangeResultsKeyResponse, exchanged.right);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/attachments/exchange',
    operation: 'AttachmentsAPI.ExchangeAttachmentAccessKey',
    auth: true,
    json: true,
    handle: ({ body }) => {
      const request = validateExchangeAttachment(body);
      if (isLeft(request)) return validationReply(request.left);
      const answer = store.exchangeAttachment(request.right.attachmentAccessKey);
      if (isLeft(answer)) return storeErrorReply(answer.left);
      const found = answer.right;
      return found.kind === 'pending'
        ? emptyReply(202, { 'retry-after': String(found.retryAfterSeconds) })
        : bytesReply(found.image.contentType, found.image.bytes);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/network/providers',
    operation: 'NetworkAPI.ListProviders',
    auth: true,
    json: false,
    handle: () => jsonReply(200, ListProvidersResponse, { providers: [...PROVIDERS] }),
  },
  {
    method: 'GET',
    path: '/api/v1/network/identities/{phoneNumber}',
    operation: 'NetworkAPI.IdentityLookup',
    auth: true,
    json: false,
    handle: ({ params }) => {
      const phoneNumber = validatePhoneNumber(params.phoneNumber ?? '');
      if (isLeft(phoneNumber)) return validationReply(phoneNumber.left);
      return jsonReply(200, IdentityLookupResponse, {
        identityInNetwork: store.identityInNetwork(phoneNumber.right),
      });
    },
  },
];
