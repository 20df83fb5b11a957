import type * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { unknownProperties } from '../schema/codecs.js';
import { isExact } from '../schema/exact.js';
import type { Operation, ParamLocation, ParamSpec } from './operation.js';
import { compilePath, encodePathSegment, expandPath, type PathTemplate } from '../http/path.js';
import { describeErrors } from '../schema/report.js';
import { REDACTED, secretsIn } from '../secrecy/redact.js';

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
  /** The body as the server will read it (the sent text parsed back): what was validated. */
  readonly bodyValue: unknown;
  /** The target with sensitive parameters masked, for debug lines (built only when logging). */
  readonly loggedTarget: string;
  /** Sensitive values the request carries: parameters so marked, secrets within the body. */
  readonly sensitive: readonly string[];
}

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
  let body: string | undefined = operation.hasBody ? '{}' : undefined;
  let bodyValue: unknown = operation.hasBody ? {} : undefined;
  const sensitive: string[] = [];

  for (const [key, spec] of operation.entries) {
    const given: unknown = params[key];
    if (given === undefined) {
      if (spec.required) problems.push(`${key}: is required`);
      continue;
    }
    const location: ParamLocation = spec.location;
    // A body is checked as the server will read it: serialised once, and that text parsed back,
    // so that a toJSON, a getter or a Map cannot make the bytes sent differ from what was checked.
    const wire = location.in === 'body' ? serialise(key, given, problems) : undefined;
    const value = wire === undefined ? given : wire.value;
    if (location.in === 'body' && wire === undefined) continue;
    if (!check(key, spec, value, problems)) continue;
    if (location.in === 'body') {
      body = wire?.text;
      bodyValue = value;
      secretsIn(value, operation.sensitivity, sensitive);
      continue;
    }
    const text = asText(value);
    if (spec.sensitive) sensitive.push(text);
    if (location.in === 'path') {
      const segment = encodePathSegment(text);
      pathValues[key] = segment;
      if (forLog) maskedPathValues[key] = spec.sensitive ? REDACTED : segment;
    } else {
      const pair = `${query === '' ? '?' : '&'}${location.name}=`;
      const encoded = encodeURIComponent(text);
      query += pair + encoded;
      if (forLog) maskedQuery += pair + (spec.sensitive ? REDACTED : encoded);
    }
  }
  if (operation.rules) problems.push(...operation.rules(params));
  if (problems.length > 0) return left(problems);

  const path = expandPath(operation.template, (name) => pathValues[name] ?? '');
  return right({
    target: path + query,
    body,
    bodyValue,
    sensitive,
    loggedTarget: forLog
      ? expandPath(operation.template, (name) => maskedPathValues[name] ?? '') + maskedQuery
      : '',
  });
};

/** The text sent for a body, and its value parsed back; undefined (with a problem) if it has none. */
const serialise = (
  key: string,
  value: unknown,
  problems: string[],
): { readonly text: string; readonly value: unknown } | undefined => {
  // `unknown`: JSON.stringify gives undefined for a function or undefined, whatever its type says.
  let text: unknown;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    // A cycle or a BigInt: the engine's message names properties and types, never values.
    const message =
      typeof error === 'object' && error !== null && 'message' in error ? error.message : '';
    const why = typeof message === 'string' && message !== '' ? message.split('\n')[0] : undefined;
    problems.push(`${key}: cannot be sent as JSON (${why ?? 'not serialisable'})`);
    return undefined;
  }
  if (typeof text !== 'string') {
    problems.push(`${key}: cannot be sent as JSON (a ${typeof value} has no JSON form)`);
    return undefined;
  }
  const parsed: unknown = JSON.parse(text);
  return { text, value: parsed };
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
