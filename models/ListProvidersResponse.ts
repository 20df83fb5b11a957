import type * as t from 'io-ts';
import { listOf, model } from '../lib/schema/codecs.js';
import { ProviderInfo } from './ProviderInfo.js';

/** The answer to listProviders: the identity providers available to the account. */
export const ListProvidersResponse = model(
  'ListProvidersResponse',
  { providers: listOf(ProviderInfo) },
  {},
);
export type ListProvidersResponse = t.TypeOf<typeof ListProvidersResponse>;
