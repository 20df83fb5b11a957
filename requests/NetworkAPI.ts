import type { Configuration } from '../lib/configuration.js';
import { ApiIdentityLookupRequest } from './network/identityLookup.js';
import { ApiListProvidersRequest } from './network/listProviders.js';

/** The Network API: identity providers, and identities known to the Trinsic Network. */
export class NetworkAPI {
  constructor(private readonly configuration: Configuration) {}

  listProviders(): ApiListProvidersRequest {
    return new ApiListProvidersRequest(this.configuration);
  }

  identityLookup(phoneNumber: string): ApiIdentityLookupRequest {
    return new ApiIdentityLookupRequest(this.configuration, { phoneNumber });
  }
}
