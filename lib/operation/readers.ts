import type * as t from 'io-ts';
import { right } from 'fp-ts/lib/Either.js';
import type { ResultReader } from './operation.js';
import { decodeJson } from '../schema/decode.js';

// How an operation reads a success answer, for the shapes every JSON API has. An API with
// answers of its own kind (bytes, or "not ready yet") writes its reader beside its operations.

/** A JSON body decoded with `codec`. */
export const json =
  <C extends t.Mixed>(codec: C): ResultReader<t.TypeOf<C>> =>
  (response, strict) =>
    decodeJson(codec, response, strict);

/** No body worth reading (e.g. a 200 with nothing in it). */
export const empty: ResultReader<undefined> = () => right(undefined);
