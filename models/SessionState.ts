import type * as t from 'io-ts';
import { enumeration } from '../lib/schema/codecs.js';

/** Where a Session stands: created, initiated, authenticating, in progress, then `IdvSuccess` or `IdvFailed`. */
export const SessionState = enumeration('SessionState', {
  IdvCreated: 'IdvCreated',
  IdvInitiated: 'IdvInitiated',
  IdvAuthenticating: 'IdvAuthenticating',
  IdvInProgress: 'IdvInProgress',
  IdvSuccess: 'IdvSuccess',
  IdvFailed: 'IdvFailed',
});
export type SessionState = t.TypeOf<typeof SessionState>;
