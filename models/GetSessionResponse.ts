import type * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { Session } from './Session.js';

/** The answer to getSession: the Session. */
export const GetSessionResponse = model('GetSessionResponse', { session: Session }, {});
export type GetSessionResponse = t.TypeOf<typeof GetSessionResponse>;
