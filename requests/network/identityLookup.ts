import type { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { pathSegment } from '../../lib/schema/scalars.js';
import { IdentityLookupResponse } from '../../models/IdentityLookupResponse.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';

/** The parameters of IdentityLookup, as its builder holds them. */
export interface IdentityLookupParams {
  readonly phoneNumber: string;
}

export const identityLookup = connectOperation<IdentityLookupParams, IdentityLookupResponse>({
  name: 'NetworkAPI.IdentityLookup',
  method: 'GET',
  path: '/api/v1/network/identities/{phoneNumber}',
  params: {
    // Personal data: masked in debug lines.
    phoneNumber: { location: { in: 'path' }, codec: pathSegment, required: true, sensitive: true },
  },
  result: json(IdentityLookupResponse),
  idempotent: true,
});

/** GET /api/v1/network/identities/{phoneNumber}: is an identity known for this phone number? */
export type ApiIdentityLookupRequest = RequestBuilder<
  IdentityLookupParams,
  IdentityLookupResponse,
  HttpErrorModel
>;
