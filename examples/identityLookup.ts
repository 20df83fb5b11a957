// Ask whether a phone number has an identity in the Trinsic Network: the twin of the Go SDK's
// NetworkAPI.IdentityLookup example.
//   PHONE_NUMBER=+15550100 TRINSIC_API_KEY=... npx tsx examples/identityLookup.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration } from '../index.js';
import { connection, input, printError, printResponse } from './env.js';

const OPERATION = 'NetworkAPI.IdentityLookup';
const phoneNumber = input('PHONE_NUMBER', 'phoneNumber_example');

const apiClient = new APIClient(new Configuration(connection()));
const result = await apiClient.networkAPI.identityLookup(phoneNumber).execute();

pipe(
  result,
  E.map(({ data }) => data),
  E.match(printError(OPERATION), printResponse(OPERATION)),
);
