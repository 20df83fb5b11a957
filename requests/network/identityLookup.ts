import type { Configuration } from '../../lib/configuration.js';
import { RequestBuilder } from '../../lib/builder.js';
import { pathSegment } from '../../lib/schema/codecs.js';
import { compile } from '../../lib/prepare.js';
import { json } from '../../lib/readers.js';
import type { RequestOptions } from '../../lib/send.js';
import { IdentityLookupResponse } from '../../models/IdentityLookupResponse.js';

export interface IdentityLookupParams {
  readonly phoneNumber: string;
}

const operation = compile<IdentityLookupParams, IdentityLookupResponse>({
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
export class ApiIdentityLookupRequest extends RequestBuilder<
  IdentityLookupParams,
  IdentityLookupResponse,
  ApiIdentityLookupRequest
> {
  constructor(
    configuration: Configuration,
    params: Partial<IdentityLookupParams>,
    options: RequestOptions = {},
  ) {
    super(configuration, operation, params, options);
  }

  protected rebuild(params: Partial<IdentityLookupParams>, options: RequestOptions) {
    return new ApiIdentityLookupRequest(this.configuration, params, options);
  }
}
