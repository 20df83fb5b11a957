import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { invalidRequest, type InvalidRequest } from '../../lib/pipeline/errors.js';
import { LaunchResult } from '../../models/LaunchResult.js';

// The result a frontend gets back from a launch URL, read on the backend: the query of the
// redirect to your redirectUrl (`?success=true&sessionId=…&resultsAccessKey=…`), or the object
// @trinsic/web-ui resolved with, as your frontend posts it. A results access key is a secret:
// no problem ever quotes it, nor any other value read.

const OPERATION = 'parseLaunchResult';

interface Fields {
  readonly success: boolean | undefined;
  readonly sessionId: unknown;
  readonly resultsAccessKey: unknown;
  readonly msg: unknown;
}

/** The fields read (none from an input of another kind), and what is wrong with them so far. */
interface Read {
  readonly fields: Fields | undefined;
  readonly problems: readonly string[];
}

// By their tag, not instanceof: a URL from another realm (a test VM, an iframe) is still a URL.
const tagOf = (value: unknown): string => Object.prototype.toString.call(value);

const kind = (value: unknown): string => {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
};

/** The query part of a URL, a path with a query, or a query string with or without `?`. */
const queryOf = (text: string): string => {
  const withoutFragment = text.split('#', 1)[0] ?? '';
  const start = withoutFragment.indexOf('?');
  return start === -1 ? withoutFragment : withoutFragment.slice(start + 1);
};

const fromQuery = (query: URLSearchParams): Read => {
  const problems: string[] = [];
  const one = (name: string): string | undefined => {
    const values = query.getAll(name);
    if (values.length > 1) problems.push(`${name}: given ${values.length} times; give it once`);
    return values[0];
  };
  const success = one('success');
  const fields: Fields = {
    success: success === 'true' ? true : success === 'false' ? false : undefined,
    sessionId: one('sessionId'),
    resultsAccessKey: one('resultsAccessKey'),
    msg: one('msg'),
  };
  if (success === undefined) problems.push('success: is required: "true" or "false"');
  else if (fields.success === undefined) problems.push('success: must be "true" or "false"');
  return { fields, problems };
};

const own = (object: object, name: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, name) ? Reflect.get(object, name) : undefined;

const fromObject = (object: object): Read => {
  const success = own(object, 'success');
  const fields: Fields = {
    success: typeof success === 'boolean' ? success : undefined,
    sessionId: own(object, 'sessionId'),
    resultsAccessKey: own(object, 'resultsAccessKey'),
    msg: own(object, 'msg'),
  };
  const problems =
    success === undefined
      ? ['success: is required: true or false']
      : fields.success === undefined
        ? [`success: must be a boolean, got ${kind(success)}`]
        : [];
  return { fields, problems };
};

const read = (input: unknown): Read => {
  if (typeof input === 'string') return fromQuery(new URLSearchParams(queryOf(input)));
  if (tagOf(input) === '[object URL]') {
    return fromQuery(new URLSearchParams(queryOf(String(input))));
  }
  if (tagOf(input) === '[object URLSearchParams]') {
    return fromQuery(new URLSearchParams(String(input)));
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return fromObject(input);
  }
  return {
    fields: undefined,
    problems: [
      `input: expected a URL, URLSearchParams, a query string or the object the frontend posted, got ${kind(input)}`,
    ],
  };
};

/** The problems with the fields; none names a value. */
const checkFields = ({ success, sessionId, resultsAccessKey, msg }: Fields): string[] => {
  const problems: string[] = [];
  for (const [name, value] of [
    ['sessionId', sessionId],
    ['resultsAccessKey', resultsAccessKey],
    ['msg', msg],
  ] as const) {
    if (value !== undefined && typeof value !== 'string') {
      problems.push(`${name}: must be a string, got ${kind(value)}`);
    }
  }
  if (success === true) {
    if (sessionId === undefined || sessionId === '') {
      problems.push('sessionId: is required when success is true');
    }
    if (resultsAccessKey === undefined || resultsAccessKey === '') {
      problems.push('resultsAccessKey: is required when success is true');
    }
  }
  return problems;
};

/** What the result must be for: the Session your backend created for this visitor. */
export interface LaunchResultExpectation {
  /** The id of the Session created for the visitor in front of you, kept server side. */
  readonly sessionId: string;
}

const OTHER_SESSION =
  'sessionId: the result is for another Session than the one created for this visitor; ' +
  'exchange only the Session you created for them';

/** The expected Session id, or the problem with the options (never quoting a value). */
const expectedSession = (options: unknown): { id?: string; problem?: string } => {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    return { problem: `options: expected { sessionId }, got ${kind(options)}` };
  }
  const id = own(options, 'sessionId');
  return typeof id === 'string' && id !== ''
    ? { id }
    : { problem: `options.sessionId: must be a non-empty string, got ${kind(id)}` };
};

const parse = (input: unknown, options: unknown): Either<InvalidRequest, LaunchResult> => {
  const expected = expectedSession(options);
  if (expected.problem !== undefined) return left(invalidRequest(OPERATION, [expected.problem]));
  const { fields, problems } = read(input);
  const all = fields === undefined ? problems : [...problems, ...checkFields(fields)];
  if (fields === undefined || all.length > 0) return left(invalidRequest(OPERATION, all));
  const { success, sessionId, resultsAccessKey, msg } = fields;
  // A failure without a sessionId (the person closed the web UI's modal) carries no key and
  // names no Session: there is nothing to bind. Anything that names a Session must name yours.
  const named = success === true || sessionId !== undefined;
  if (expected.id !== undefined && named && sessionId !== expected.id) {
    return left(invalidRequest(OPERATION, [OTHER_SESSION]));
  }
  const candidate =
    success === true
      ? { success, sessionId, resultsAccessKey }
      : {
          success,
          ...(sessionId === undefined ? {} : { sessionId }),
          ...(msg === undefined ? {} : { msg }),
        };
  // The codec has the last word, so the value and the type cannot drift apart.
  const decoded = LaunchResult.decode(candidate);
  return isLeft(decoded)
    ? left(invalidRequest(OPERATION, ['input: is not a launch result']))
    : right(decoded.right);
};

// What a hostile input can throw while it is read (a getter, a revoked Proxy, a toString): its
// text is not quoted, as it may hold whatever the input held.
const UNREADABLE =
  'input: reading it threw; pass a URL, URLSearchParams, a query string or a plain object';

/**
 * Reads a launch result from a redirect's `URL`, its `URLSearchParams`, its query as text (with or
 * without `?`; node:http's `req.url` will do), or the object a frontend posts (typically a parsed
 * JSON body, hence `unknown`): `Right(LaunchResult)`, or `Left(InvalidRequest)` naming every
 * problem. With `{ sessionId }`, a result for any other Session is a `Left` too: pass the id of
 * the Session you created for this visitor, so that a key someone else obtained is never
 * exchanged on their behalf. On success, exchange `resultsAccessKey` for `sessionId` with
 * `exchangeResultsKey`. It never throws, whatever it is given.
 */
export const parseLaunchResult = (
  input: unknown,
  options?: LaunchResultExpectation,
): Either<InvalidRequest, LaunchResult> => {
  try {
    return parse(input, options);
  } catch {
    return left(invalidRequest(OPERATION, [UNREADABLE]));
  }
};
