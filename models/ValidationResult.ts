import * as t from 'io-ts';
import { listOf, model } from '../lib/schema/codecs.js';

/** One entry of a 400 answer: what was wrong, and with which members of the request. */
export const ValidationResult = model(
  'ValidationResult',
  { memberNames: listOf(t.string) },
  { errorMessage: t.string },
);
export type ValidationResult = t.TypeOf<typeof ValidationResult>;
