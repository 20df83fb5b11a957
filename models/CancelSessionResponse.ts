import type * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { Session } from './Session.js';

/** The answer to cancelSession: the cancelled Session. */
export const CancelSessionResponse = model('CancelSessionResponse', { session: Session }, {});
export type CancelSessionResponse = t.TypeOf<typeof CancelSessionResponse>;
