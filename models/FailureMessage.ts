import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** The body of a 401 answer. */
export const FailureMessage = model('FailureMessage', { message: t.string }, {});
export type FailureMessage = t.TypeOf<typeof FailureMessage>;
