import { apiGroup } from './apiGroup.js';

/**
 * The Network API: identity providers, and identities known to the Trinsic Network. Its methods
 * come from the operations' table (requests/operations.ts).
 */
export class NetworkAPI extends apiGroup('NetworkAPI') {}
