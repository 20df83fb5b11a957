import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { integer } from '../lib/schema/scalars.js';
import { DisclosedFields } from './DisclosedFields.js';
import { SessionFailCode } from './SessionFailCode.js';
import { SessionState } from './SessionState.js';
import { Verification } from './Verification.js';

/** A verification Session: its state, its outcome once final, what it asks to disclose, and when it was created and last updated. */
export const Session = model(
  'Session',
  {
    id: t.string,
    state: SessionState,
    verification: Verification,
    /** The fields requested when the Session was created. */
    disclosedFields: DisclosedFields,
    /** Unix time, in seconds, when the Session was created. */
    created: integer('int64'),
    /** Unix time, in seconds, when the Session's state last changed. */
    updated: integer('int64'),
  },
  {
    /** Why the Session failed, when its state is `IdvFailed`. */
    failCode: SessionFailCode,
  },
);
export type Session = t.TypeOf<typeof Session>;
