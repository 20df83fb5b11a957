import { RequestBuilder } from '../lib/pipeline/builder.js';
import type { Configuration } from './Configuration.js';
import { startRequest } from './connect.js';
import { identityLookup, type ApiIdentityLookupRequest } from './network/identityLookup.js';
import { listProviders, type ApiListProvidersRequest } from './network/listProviders.js';

/** The Network API: identity providers, and identities known to the Trinsic Network. */
export class NetworkAPI {
  constructor(private readonly configuration: Configuration) {}

  /** Lists the identity providers available to the account: `GET /api/v1/network/providers`. */
  listProviders(): ApiListProvidersRequest {
    return new RequestBuilder(startRequest(this.configuration, listProviders, {}));
  }

  /**
   * Whether a phone number has an identity in the Trinsic Network:
   * `GET /api/v1/network/identities/{phoneNumber}`.
   */
  identityLookup(phoneNumber: string): ApiIdentityLookupRequest {
    return new RequestBuilder(startRequest(this.configuration, identityLookup, { phoneNumber }));
  }
}
