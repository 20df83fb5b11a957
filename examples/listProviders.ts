// List the identity providers available to your account: the twin of the Go SDK's
// NetworkAPI.ListProviders example.
//   TRINSIC_API_KEY=... npx tsx examples/listProviders.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration } from '../index.js';
import { connection, printError, printResponse } from './env.js';

const OPERATION = 'NetworkAPI.ListProviders';

const apiClient = new APIClient(new Configuration(connection()));
const result = await apiClient.networkAPI.listProviders().execute();

pipe(
  result,
  E.map(({ data }) => data),
  E.match(printError(OPERATION), printResponse(OPERATION)),
);
