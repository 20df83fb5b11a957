import type * as t from 'io-ts';
import { enumeration } from '../lib/schema/codecs.js';

/** Why a Session failed, when its state is `IdvFailed`. */
export const SessionFailCode = enumeration('SessionFailCode', {
  SessionFailNone: 'SessionFailNone',
  SessionFailInternal: 'SessionFailInternal',
  SessionFailVerificationFailed: 'SessionFailVerificationFailed',
  SessionFailAuthentication: 'SessionFailAuthentication',
  SessionFailExpired: 'SessionFailExpired',
  SessionFailUserCanceled: 'SessionFailUserCanceled',
  SessionFailRpCanceled: 'SessionFailRpCanceled',
});
export type SessionFailCode = t.TypeOf<typeof SessionFailCode>;
