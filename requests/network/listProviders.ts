import type { RequestBuilder } from '../../lib/pipeline/builder.js';
import { json } from '../../lib/operation/readers.js';
import { ListProvidersResponse } from '../../models/ListProvidersResponse.js';
import { connectOperation, type HttpErrorModel } from '../connect.js';

/** ListProviders takes no parameter. */
export type ListProvidersParams = Record<string, never>;

export const listProviders = connectOperation<ListProvidersParams, ListProvidersResponse>({
  name: 'NetworkAPI.ListProviders',
  method: 'GET',
  path: '/api/v1/network/providers',
  params: {},
  result: json(ListProvidersResponse),
  idempotent: true,
});

/** GET /api/v1/network/providers: list the identity providers available to your account. */
export type ApiListProvidersRequest = RequestBuilder<
  ListProvidersParams,
  ListProvidersResponse,
  HttpErrorModel
>;
