import type * as t from 'io-ts';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { decodeBody, jsonMemberName, problem, type Validated } from './validation.js';

// Reading a completion, for the control route and the launch page alike: the body's `outcome`
// picks the codec (success or failure), the codec checks the body strictly (a misspelt property
// is a 400), and the caller turns what it decoded into a Completion.

const STRICT_JSON = { naming: jsonMemberName, strict: true } as const;

export interface CompletionCodecs<S extends t.Mixed, F extends t.Mixed, R> {
  readonly success: S;
  readonly failure: F;
  readonly fromSuccess: (decoded: t.TypeOf<S>) => NoInfer<R>;
  readonly fromFailure: (decoded: t.TypeOf<F>) => NoInfer<R>;
}

export const readCompletion = <S extends t.Mixed, F extends t.Mixed, R>(
  body: unknown,
  codecs: CompletionCodecs<S, F, R>,
): Validated<R> => {
  const outcome: unknown =
    typeof body === 'object' && body !== null && 'outcome' in body ? body.outcome : undefined;
  if (outcome !== 'success' && outcome !== 'failure') {
    return left([problem('outcome', 'outcome must be "success" or "failure".')]);
  }
  if (outcome === 'success') {
    const decoded = decodeBody(codecs.success, body, STRICT_JSON);
    return isLeft(decoded) ? decoded : right(codecs.fromSuccess(decoded.right));
  }
  const decoded = decodeBody(codecs.failure, body, STRICT_JSON);
  return isLeft(decoded) ? decoded : right(codecs.fromFailure(decoded.right));
};
