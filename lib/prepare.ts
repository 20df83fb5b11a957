import type * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { unknownProperties } from './schema/codecs.js';
import { isExact } from './schema/exact.js';
import type { Operation, ParamLocation, ParamSpec } from './operation.js';
import { compilePath, encodePathSegment, expandPath, type PathTemplate } from './http/path.js';
import { describeErrors } from './schema/report.js';

// Checks a request against the spec and turns it into what goes on the wire. Everything that
// depends only on the operation is computed once, in `compile`.

/** A parameter spec seen from the send path, which needs only to check the value. */
type CheckedParam = Omit<ParamSpec<unknown>, 'codec'> & { readonly codec: t.Mixed };

export interface CompiledOperation<P, T, M> extends Operation<P, T, M> {
  readonly template: PathTemplate;
  readonly entries: ReadonlyArray<readonly [keyof P & string, CheckedParam]>;
  readonly hasBody: boolean;
}

export const compile = <P, T, M>(operation: Operation<P, T, M>): CompiledOperation<P, T, M> => {
  const entries: Array<readonly [keyof P & string, CheckedParam]> = [];
  for (const key in operation.params) entries.push([key, operation.params[key]]);
  return {
    ...operation,
    template: compilePath(operation.path),
    entries,
    hasBody: entries.some(([, spec]) => spec.location.in === 'body'),
  };
};

export interface PreparedRequest {
  /** Path and query, as sent. */
  readonly target: string;
  /** The JSON body, as sent; `undefined` for a request without one. */
  readonly body: string | undefined;
  /** The body's value, for redacted debug lines. */
  readonly bodyValue: unknown;
  /** The target with sensitive parameters masked, for debug lines (built only when logging). */
  readonly loggedTarget: string;
}

const MASK = '[REDACTED]';

export const prepare = <P, T, M>(
  operation: CompiledOperation<P, T, M>,
  params: Partial<P>,
  forLog: boolean,
): Either<string[], PreparedRequest> => {
  const problems: string[] = [];
  const pathValues: Record<string, string> = {};
  const maskedPathValues: Record<string, string> = {};
  let query = '';
  let maskedQuery = '';
  let bodyValue: unknown = operation.hasBody ? {} : undefined;

  for (const [key, spec] of operation.entries) {
    const value: unknown = params[key];
    if (value === undefined) {
      if (spec.required) problems.push(`${key}: is required`);
      continue;
    }
    if (!check(key, spec, value, problems)) continue;
    const location: ParamLocation = spec.location;
    if (location.in === 'body') {
      bodyValue = value;
    } else if (location.in === 'path') {
      const segment = encodePathSegment(asText(value));
      pathValues[key] = segment;
      if (forLog) maskedPathValues[key] = spec.sensitive ? MASK : segment;
    } else {
      const pair = `${query === '' ? '?' : '&'}${location.name}=`;
      const text = encodeURIComponent(asText(value));
      query += pair + text;
      if (forLog) maskedQuery += pair + (spec.sensitive ? MASK : text);
    }
  }
  if (operation.rules) problems.push(...operation.rules(params));
  if (problems.length > 0) return left(problems);

  const path = expandPath(operation.template, (name) => pathValues[name] ?? '');
  return right({
    target: path + query,
    body: bodyValue === undefined ? undefined : JSON.stringify(bodyValue),
    bodyValue,
    loggedTarget: forLog
      ? expandPath(operation.template, (name) => maskedPathValues[name] ?? '') + maskedQuery
      : '',
  });
};

/** A checked path or query value (a string, or an integer) as text. */
const asText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Validates one parameter; a body must also carry no property its schema does not name. */
const check = (key: string, spec: CheckedParam, value: unknown, problems: string[]) => {
  // The common case, a valid value, costs one walk and no allocation.
  if (isExact(spec.codec, value)) return true;
  const result = spec.codec.validate(value, [{ key: '', type: spec.codec, actual: value }]);
  if (isLeft(result)) {
    problems.push(...describeErrors(result.left, key));
    return false;
  }
  const unknown = unknownProperties(spec.codec, value, key);
  for (const { path, model } of unknown) {
    problems.push(`${path}: is not a property of ${model} (misspelt?)`);
  }
  return unknown.length === 0;
};
