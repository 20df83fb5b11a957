import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { VerificationFailCode } from './VerificationFailCode.js';

/** The verification inside a Session. */
export const Verification = model(
  'Verification',
  {},
  {
    /** The identity provider used, if any. */
    provider: t.string,
    /** Why the verification failed, if it did. */
    failCode: VerificationFailCode,
  },
);
export type Verification = t.TypeOf<typeof Verification>;
