import type { Configuration } from '../../lib/configuration.js';
import { RequestBuilder } from '../../lib/builder.js';
import { compile } from '../../lib/prepare.js';
import { json } from '../../lib/readers.js';
import type { RequestOptions } from '../../lib/send.js';
import { ListProvidersResponse } from '../../models/ListProvidersResponse.js';

/** ListProviders takes no parameter. */
export type ListProvidersParams = Record<string, never>;

const operation = compile<ListProvidersParams, ListProvidersResponse>({
  name: 'NetworkAPI.ListProviders',
  method: 'GET',
  path: '/api/v1/network/providers',
  params: {},
  result: json(ListProvidersResponse),
  idempotent: true,
});

/** GET /api/v1/network/providers: list the identity providers available to your account. */
export class ApiListProvidersRequest extends RequestBuilder<
  ListProvidersParams,
  ListProvidersResponse,
  ApiListProvidersRequest
> {
  constructor(
    configuration: Configuration,
    params: Partial<ListProvidersParams> = {},
    options: RequestOptions = {},
  ) {
    super(configuration, operation, params, options);
  }

  protected rebuild(params: Partial<ListProvidersParams>, options: RequestOptions) {
    return new ApiListProvidersRequest(this.configuration, params, options);
  }
}
