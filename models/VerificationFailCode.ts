import type * as t from 'io-ts';
import { enumeration } from '../lib/schema/codecs.js';

/** Why the identity provider's verification failed. */
export const VerificationFailCode = enumeration('VerificationFailCode', {
  VerificationFailNone: 'VerificationFailNone',
  VerificationFailInternal: 'VerificationFailInternal',
  VerificationFailInvalidImage: 'VerificationFailInvalidImage',
  VerificationFailInauthentic: 'VerificationFailInauthentic',
  VerificationFailUnsupportedDocument: 'VerificationFailUnsupportedDocument',
});
export type VerificationFailCode = t.TypeOf<typeof VerificationFailCode>;
